// The Dockerfile language: parsed into a DockerfileModel by the shell-aware parser, checked by the Dockerfile rules.
import { analyzeDockerfileModel, prepareDockerfile, type DockerfileAnalysis } from '../dockerfile/analyze';
import { shellGrammarFor } from '../dockerfile/model';
import type { DockerfileRule, RuleMeta } from '../rule';
import type { Language } from './language';

/** The Dockerfile language running `rules` (the registry's dockerfileRules). */
export function dockerfileLanguage(rules: readonly DockerfileRule[]): Language<DockerfileAnalysis> {
  return {
    id: 'dockerfile',
    title: 'Dockerfile',
    fileKind: 'dockerfile',
    languageIds: ['dockerfile'],
    fence: 'dockerfile',
    crossFile: false,
    rules,
    recognises: () => true,
    // The shell grammar is loaded when a RUN script first needs it, and reloaded after a WebAssembly failure: wait for
    // it rather than skip shell checks.
    ready: (text) => shellGrammarFor(text),
    prepare(text, env, options) {
      const prepared = prepareDockerfile(text, { ...env, ...options, rules });
      return { analysis: { model: prepared.model, findings: prepared.findings }, run: prepared.run };
    },
    analyze: (text, env, options) => analyzeDockerfileModel(text, { path: env.path, context: env.context, config: env.config, ...options, rules }),
    fixInput: (text, env) => ({ text, path: env.path, context: env.context }),
    only: (keep: (rule: RuleMeta) => boolean) => dockerfileLanguage(rules.filter(keep)),
  };
}
