// Every rule Stevedore knows, by id, for the CLI, the LSP and the docs generator.
import type { RuleMeta } from './rule';
import { dockerfileRules } from '../rules/dockerfile';
import { manifestRules } from '../rules/k8s';

export const allRules: readonly RuleMeta[] = [...dockerfileRules, ...manifestRules];

export const rulesById: ReadonlyMap<string, RuleMeta> = new Map(allRules.map((r) => [r.id, r]));
