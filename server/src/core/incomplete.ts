// The engine's own finding: results are incomplete because a rule threw, the file could not be parsed, or the
// analysis ran out of its time budget. Shown at the top of the file so a missing finding is never silent.
import { ruleLevel, type Config } from './config';
import type { RuleMeta } from './rule';
import type { Finding } from './types';

export const ANALYSIS_INCOMPLETE: RuleMeta = {
  id: 'analysis-incomplete',
  aliases: [],
  severity: 'info',
  category: 'correctness',
  docs: {
    summary: 'Some checks did not run on this file (a rule failed, the file could not be parsed, or the editor\'s time budget ran out).',
    why:
      'Findings a skipped check would have reported are missing, so a clean result does not mean the file is clean. ' +
      'The message names the rules that did not run and why. A failing rule is a bug in Stevedore: please report it with the file. ' +
      'The time budget applies in the editor only, so that every request answers quickly on very large files; `stevedore lint` always runs every rule.',
    bad: '# a rule throws on this file, or it is too large to analyze within the editor\'s time budget',
    good: '# every enabled rule ran to completion',
  },
};

/** Why one rule did not run: it threw (with the error), or the budget was used up before it. */
export interface SkippedRule {
  ruleId: string;
  error?: unknown;
}

const TOP = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const LISTED = 6;

function errorMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split(/\r?\n/)[0].slice(0, 200) || 'unknown error';
}

function finding(message: string, config: Config, data: Record<string, unknown>): Finding[] {
  const level = ruleLevel(ANALYSIS_INCOMPLETE, config);
  return level === 'off' ? [] : [{ ruleId: ANALYSIS_INCOMPLETE.id, severity: level, message, range: TOP, data }];
}

/** One finding per rule that threw, and one naming the rules skipped for time. */
export function incompleteFindings(failed: SkippedRule[], outOfTime: string[], config: Config, budgetMs?: number): Finding[] {
  const out = failed.flatMap((f) =>
    finding(`Rule ${f.ruleId} failed on this file and was skipped: ${errorMessage(f.error)}; results are incomplete`, config, { reason: 'rule-failed', rule: f.ruleId }),
  );
  if (outOfTime.length) {
    const names = outOfTime.slice(0, LISTED).join(', ') + (outOfTime.length > LISTED ? ` and ${outOfTime.length - LISTED} more` : '');
    const budget = budgetMs !== undefined ? ` (${budgetMs} ms)` : '';
    out.push(
      ...finding(`Analysis stopped at its time budget${budget}; ${outOfTime.length} rule${outOfTime.length > 1 ? 's' : ''} skipped: ${names}; results are incomplete`, config, {
        reason: 'time-budget',
        rules: outOfTime,
      }),
    );
  }
  return out;
}

/** The finding for a file whose parser threw: no rule could run. */
export function parseFailedFindings(error: unknown, config: Config): Finding[] {
  return finding(`Stevedore could not parse this file, so no rule ran: ${errorMessage(error)}; results are incomplete`, config, { reason: 'parse-failed' });
}
