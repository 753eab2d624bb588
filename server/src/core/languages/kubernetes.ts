// The Kubernetes manifest language: YAML files whose documents are Kubernetes objects, checked by the manifest
// rules against the other manifests of the workspace.
import { analyzeManifest, prepareManifest, type ManifestAnalysis } from '../k8s/analyze';
import { parseManifest } from '../k8s/parse';
import type { ManifestRule, RuleMeta } from '../rule';
import type { Language } from './language';

/** The Kubernetes language running `rules` (the registry's manifestRules). */
export function kubernetesLanguage(rules: readonly ManifestRule[]): Language<ManifestAnalysis> {
  return {
    id: 'kubernetes',
    title: 'Kubernetes manifests',
    fileKind: 'manifest',
    languageIds: ['yaml'],
    fence: 'yaml',
    crossFile: true,
    rules,
    recognises: (text, path) => parseManifest(text, path).objects.length > 0,
    prepare(text, env, options) {
      const { run, ...analysis } = prepareManifest(text, { path: env.path, workspace: env.workspace, config: env.config, ...options, rules });
      return { analysis, run };
    },
    analyze: (text, env, options) => analyzeManifest(text, { path: env.path, workspace: env.workspace, config: env.config, ...options, rules }),
    fixInput(text, env) {
      const { workspace } = analyzeManifest(text, { path: env.path, workspace: env.workspace, config: env.config, rules: [] });
      return { text, path: env.path, workspace };
    },
    publish: (workspace, path, text) => workspace.set(parseManifest(text, path)),
    only: (keep: (rule: RuleMeta) => boolean) => kubernetesLanguage(rules.filter(keep)),
  };
}
