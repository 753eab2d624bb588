// Running a set of rules over one file: configured levels, in-file suppressions, rule errors, cancellation.
import { ruleLevel, type Config } from './config';
import type { RuleMeta } from './rule';
import { isSuppressed, type Suppressions } from './suppress';
import type { Finding, RuleHit } from './types';

export interface RunRulesOptions {
  config: Config;
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Checked between rules; when it returns true, the run stops early with what it has. */
  isCancelled?: () => boolean;
}

/** Runs every enabled rule on `ctx` and returns its findings sorted by position. */
export function runRules<C>(rules: readonly (RuleMeta & { check(ctx: C): RuleHit[] })[], ctx: C, suppressions: Suppressions, options: RunRulesOptions): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (options.isCancelled?.()) break;
    const level = ruleLevel(rule, options.config);
    if (level === 'off') continue;
    let hits: RuleHit[];
    try {
      hits = rule.check(ctx);
    } catch (e) {
      options.onRuleError?.(rule.id, e);
      continue;
    }
    // A level set by the user wins over a rule's own per-hit severity.
    const configured = level !== rule.severity;
    for (const hit of hits) {
      if (isSuppressed(suppressions, [rule.id, ...rule.aliases], hit.range)) continue;
      findings.push({
        ruleId: rule.id,
        severity: configured ? level : hit.severity ?? level,
        message: hit.message,
        range: hit.range,
        ...(hit.data ? { data: hit.data } : {}),
      });
    }
  }
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId));
}
