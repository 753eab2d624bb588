// Every rule Stevedore knows, by id, for the CLI, the LSP and the docs generator.
import { ANALYSIS_INCOMPLETE } from './incomplete';
import type { RuleMeta } from './rule';
import { dockerfileRules } from '../rules/dockerfile';
import { manifestRules } from '../rules/k8s';

/** Every rule module, plus the engine's own analysis-incomplete finding (so it has docs, a setting and a SARIF entry). */
export const allRules: readonly RuleMeta[] = [...dockerfileRules, ...manifestRules, ANALYSIS_INCOMPLETE];

export const rulesById: ReadonlyMap<string, RuleMeta> = new Map(allRules.map((r) => [r.id, r]));
