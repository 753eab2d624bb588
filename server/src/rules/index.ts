// The registry: every rule Stevedore knows, by id, for the CLI, the LSP and the docs generator. The one place that
// lists the rule modules; core takes its rules from callers, and lsp/ and cli/ reach rules through here. It also
// wires the rules into the languages (one per file kind) that the LSP and the CLI dispatch through.
import { ANALYSIS_INCOMPLETE } from '../core/incomplete';
import { dockerfileLanguage } from '../core/languages/dockerfile';
import { kubernetesLanguage } from '../core/languages/kubernetes';
import type { Language, LanguageId } from '../core/languages/language';
import type { RuleMeta } from '../core/rule';
import { dockerfileRules } from './dockerfile';
import { manifestRules } from './k8s';

export { dockerfileRules, manifestRules };

/** Stamps each rule with the language of the list it is in, so rule modules need not repeat it. */
function stampLanguage(rules: readonly RuleMeta[], language: LanguageId): void {
  for (const rule of rules) rule.language = language;
}
stampLanguage(dockerfileRules, 'dockerfile');
stampLanguage(manifestRules, 'kubernetes');

/** Every rule module, plus the engine's own analysis-incomplete finding (so it has docs, a setting and a SARIF entry). */
export const allRules: readonly RuleMeta[] = [...dockerfileRules, ...manifestRules, ANALYSIS_INCOMPLETE];

export const rulesById: ReadonlyMap<string, RuleMeta> = new Map(allRules.map((r) => [r.id, r]));

/** The languages with their rules, by id. */
export const languages = {
  dockerfile: dockerfileLanguage(dockerfileRules),
  kubernetes: kubernetesLanguage(manifestRules),
} as const;

/** The code-fence language of a rule's examples: its language's (the Dockerfile's for rules of any language). */
export function ruleFence(rule: RuleMeta): string {
  return languages[rule.language ?? 'dockerfile'].fence;
}

/** Every language, in the order documents are matched against them. */
export const LANGUAGES: readonly Language[] = [languages.dockerfile, languages.kubernetes];
