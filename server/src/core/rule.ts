// The contract every rule module fulfils. A rule is one module: metadata, check and fixes side by side.
import type { DockerfileModel } from './dockerfile/model';
import type { BuildContext, Fix, RuleDocs, RuleHit, Severity } from './types';

export type RuleCategory = 'size' | 'cache' | 'security' | 'correctness' | 'syntax';

export interface RuleMeta {
  id: string;
  /** Codes of peer tools that flag the same thing (hadolint DL…, BuildKit check names, slim ID…). */
  aliases: string[];
  severity: Severity;
  category: RuleCategory;
  docs: RuleDocs;
  fixes?: Fix[];
}

export interface DockerfileRuleContext {
  model: DockerfileModel;
  /** Path of the Dockerfile on disk, when it has one. */
  path?: string;
  /** The build context, when known (not for unsaved or stdin documents without a name). */
  context?: BuildContext;
}

export interface DockerfileRule extends RuleMeta {
  check(ctx: DockerfileRuleContext): RuleHit[];
}

/** Where a rule's documentation lives; diagnostics link to it through codeDescription. */
export const RULE_DOCS_URL = 'https://github.com/stevedore-dev/stevedore/blob/main/docs/rules.md';

export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_URL}#${id}`;
}

/** True when `key` names the rule by its id or one of its aliases (case-insensitive). */
export function ruleMatches(rule: Pick<RuleMeta, 'id' | 'aliases'>, key: string): boolean {
  const k = key.trim().toLowerCase();
  return rule.id === k || rule.aliases.some((a) => a.toLowerCase() === k);
}
