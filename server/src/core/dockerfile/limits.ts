// The parts of a Dockerfile that were not analyzed because of their size (see shell-limits.ts and oversized.ts)
// are reported as analysis-incomplete findings, so a missing finding is never silent. It runs as a check in the
// rule run, so configuration, ignore pragmas and sorting apply as usual.
import type { CheckedRule } from '../engine';
import { ANALYSIS_INCOMPLETE } from '../incomplete';
import type { DockerfileRuleContext } from '../rule';
import type { RuleHit } from '../types';
import type { DockerfileModel } from './model';
import { DOCUMENT_LIMIT } from './oversized';
import { shellSkipMessage } from './shell-limits';

/** The check that reports every instruction whose checks were skipped for size, and why. */
export const skippedForSizeCheck: CheckedRule<DockerfileRuleContext> = {
  ...ANALYSIS_INCOMPLETE,
  check: ({ model }) => skippedForSize(model),
};

function kb(n: number): string {
  return `${Math.round(n / 1024)} KB`;
}

function skippedForSize(model: DockerfileModel): RuleHit[] {
  const hits: RuleHit[] = [];
  const blanked = model.oversized.filter((o) => !o.rest);
  for (const o of blanked) {
    const start = model.positionAt(o.start);
    const keyword = /^\s*\S+/.exec(model.text.slice(o.start, o.start + 64))?.[0].trimStart() ?? '';
    hits.push({
      message: `Instruction too large to analyze (${kb(o.end - o.start)}); it was not checked`,
      range: { start, end: { line: start.line, character: start.character + keyword.length } },
      data: { reason: 'instruction-too-large', bytes: o.end - o.start },
    });
  }
  const rest = model.oversized.find((o) => o.rest);
  if (rest) {
    const start = model.positionAt(rest.start);
    hits.push({
      message: `Only the first ${kb(DOCUMENT_LIMIT)} of this ${kb(model.text.length)} Dockerfile were analyzed; instructions from here on were not checked`,
      range: { start, end: start },
      data: { reason: 'document-too-large', bytes: model.text.length },
    });
  }
  let budgetReported = false;
  for (const run of model.runs) {
    const skip = run.script.skipped;
    if (!skip) continue;
    const at = model.offsetAt(run.instruction.getRange().start);
    // A blanked instruction has its finding already; the budget is reported once, at the first RUN it stopped.
    if (blanked.some((o) => o.start <= at && at < o.end) || (rest && at >= rest.start)) continue;
    if (skip.reason === 'document-budget' && budgetReported) continue;
    budgetReported ||= skip.reason === 'document-budget';
    hits.push({ message: shellSkipMessage(skip), range: run.instruction.getInstructionRange(), data: { reason: `shell-${skip.reason}`, bytes: skip.bytes, commands: skip.commands } });
  }
  return hits;
}

/**
 * The rules to run on a model: `rules`, preceded by the skipped-for-size check when something was skipped. Hits
 * inside a cut instruction are dropped: the parser saw only its first KB, so a command cut there looks incomplete
 * (`apt-get install --` "without -y") and its fixes would repeat forever.
 */
export function withSizeLimits<R extends CheckedRule<DockerfileRuleContext>>(model: DockerfileModel, rules: readonly R[]): ReadonlyArray<R | CheckedRule<DockerfileRuleContext>> {
  if (!model.oversized.length && !model.runs.some((r) => r.script.skipped)) return rules;
  const cut = model.oversized.filter((o) => !o.rest);
  if (!cut.length) return [skippedForSizeCheck, ...rules];
  const inCut = (hit: RuleHit) => {
    const at = model.offsetAt(hit.range.start);
    return cut.some((o) => o.start <= at && at < o.end);
  };
  return [skippedForSizeCheck, ...rules.map((rule) => ({ ...rule, check: (ctx: DockerfileRuleContext): RuleHit[] => rule.check(ctx).filter((hit) => !inCut(hit)) }))];
}
