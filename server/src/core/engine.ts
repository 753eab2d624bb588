// Running a set of rules over one file: configured levels, in-file suppressions, rule errors, cancellation and a
// time budget. A rule that throws or is skipped for time leaves an analysis-incomplete finding, never silence.
import { configuredLevel, defaultLevel, type Config } from './config';
import { incompleteFindings, type SkippedRule } from './incomplete';
import type { RuleMeta } from './rule';
import { checkDirectiveFor, isSuppressed, type Suppressions } from './suppress';
import type { Finding, RuleHit } from './types';

export interface TimeBudget {
  /** Date.now() after which the remaining rules are skipped. */
  deadline: number;
  /** The budget's length, for the message. */
  ms: number;
}

export interface RunRulesOptions {
  config: Config;
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Checked between rules; when it returns true, the run stops early with what it has. */
  isCancelled?: () => boolean;
  /** When given, rules that would start after the deadline are skipped (the language server; the CLI runs all). */
  budget?: TimeBudget;
}

export type CheckedRule<C> = RuleMeta & { check(ctx: C): RuleHit[] };

/** Everything a run needs, prepared by the analysis of one file kind; run it with runRules or runRulesAsync. */
export interface RuleRun<C> {
  rules: readonly CheckedRule<C>[];
  ctx: C;
  suppressions: Suppressions;
  /** The configuration to run with when the file itself changes it (`disable-ignore-pragma`); else the caller's. */
  config?: Config;
}

// Test hook: the spawned CLI and server cannot be handed a throwing rule, so this variable names rules made to throw.
const FAIL_FOR_TESTS = new Set((process.env.STEVEDORE_TEST_FAIL_RULES ?? '').split(',').filter(Boolean));
// Test hook: every rule takes at least this long, so a test can change a document while its analysis is under way
// on any machine (a fast one finished a real analysis before the change arrived).
const SLOW_FOR_TESTS_MS = Number(process.env.STEVEDORE_TEST_SLOW_RULES_MS ?? 0) || 0;

/** A time budget of `ms` starting now. */
export function budgetFromNow(ms: number): TimeBudget {
  return { deadline: Date.now() + ms, ms };
}

/** Runs every enabled rule on `ctx` and returns its findings sorted by position. */
export function runRules<C>(rules: readonly CheckedRule<C>[], ctx: C, suppressions: Suppressions, options: RunRulesOptions): Finding[] {
  const steps = ruleSteps({ rules, ctx, suppressions }, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Like runRules, but gives the event loop a turn whenever `sliceMs` have passed since the last one, so that a
 * newer version of the document (checked through isCancelled) can stop a stale run between two rules.
 */
export async function runRulesAsync<C>(run: RuleRun<C>, options: RunRulesOptions, sliceMs = 15): Promise<Finding[]> {
  const steps = ruleSteps(run, options);
  let since = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (Date.now() - since >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      since = Date.now();
    }
  }
}

/** One step per rule that ran; returns the sorted findings. */
function* ruleSteps<C>(run: RuleRun<C>, callerOptions: RunRulesOptions): Generator<void, Finding[]> {
  const options = run.config ? { ...callerOptions, config: run.config } : callerOptions;
  const findings: Finding[] = [];
  const failed: SkippedRule[] = [];
  const outOfTime: string[] = [];
  for (const rule of run.rules) {
    if (options.isCancelled?.()) break;
    // BuildKit's `# check=` directive: skipped checks do not run, experimental ones run when it enables them.
    const directive = checkDirectiveFor(rule.aliases, run.suppressions.checks);
    if (directive?.skip) continue;
    const configured = configuredLevel(rule, options.config);
    const level = configured ?? (directive?.enable ? rule.severity : defaultLevel(rule));
    if (level === 'off') continue;
    if (options.budget && Date.now() >= options.budget.deadline) {
      outOfTime.push(rule.id);
      continue;
    }
    let hits: RuleHit[];
    try {
      if (FAIL_FOR_TESTS.has(rule.id)) throw new Error(`${rule.id} made to fail by STEVEDORE_TEST_FAIL_RULES`);
      if (SLOW_FOR_TESTS_MS) for (const until = Date.now() + SLOW_FOR_TESTS_MS; Date.now() < until; );
      hits = rule.check(run.ctx);
    } catch (e) {
      options.onRuleError?.(rule.id, e);
      failed.push({ ruleId: rule.id, error: e });
      continue;
    }
    // A level set by the user (even one equal to the default) wins over a rule's own per-hit severity.
    const keys = [rule.id, ...rule.aliases];
    for (const hit of hits) {
      if (isSuppressed(run.suppressions, hit.codes ? [...keys, ...hit.codes] : keys, hit.range)) continue;
      // A level set for one of the hit's own codes (`ignored: [SC2086]`) wins over the rule's.
      const byCode = hit.codes ? configuredLevel({ id: '', aliases: hit.codes }, options.config) : undefined;
      if (byCode === 'off') continue;
      const set = byCode ?? configured;
      findings.push({
        ruleId: rule.id,
        severity: set && set !== 'off' ? set : directive?.error ? 'error' : hit.severity ?? level,
        message: hit.message,
        range: hit.range,
        ...(hit.data ? { data: hit.data } : {}),
        ...(hit.codes ? { codes: hit.codes } : {}),
      });
    }
    yield;
  }
  findings.push(...incompleteFindings(failed, outOfTime, options.config, options.budget?.ms));
  return sortFindings(findings);
}

/** Findings in document order (rule id breaks ties). */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId));
}
