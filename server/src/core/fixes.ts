// Applying fixes: pure text edits, "fix all" for a rule or for every safe fix, fix lookup by rule, and the one
// "apply safe fixes until nothing changes" loop behind `stevedore lint --fix` and source.fixAll.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TimeBudget } from './engine';
import type { RuleMeta } from './rule';
import type { Finding, Fix, FixInput, FixResult, TextEdit } from './types';

let lastDocument: TextDocument | undefined;

/**
 * A TextDocument of `text` for offsets, the last one reused: collectFixes and applyEdits read the same text one
 * after the other, and each new one computes the line table again (~40 ms for a 2 MB file of short lines).
 */
function documentOf(text: string): TextDocument {
  if (lastDocument?.getText() !== text) lastDocument = TextDocument.create('file:///x', 'plaintext', 0, text);
  return lastDocument;
}

/** Applies non-overlapping edits to text (later edits first, as LSP clients do). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(documentOf(text), edits);
}

type Span = [start: number, end: number];

/** True when two spans overlap or touch; touching edits are left to a later pass so their order never matters. */
function overlaps([as, ae]: Span, [bs, be]: Span): boolean {
  return as <= be && bs <= ae;
}

/**
 * The spans of the edits taken so far, sorted by start: whether a new span overlaps one of them looks only at
 * those starting between its start minus the longest span and its end (a "fix all" over thousands of findings
 * compared every new edit with every earlier one).
 */
export class TakenSpans {
  private readonly spans: Span[] = [];
  private longest = 0;

  overlapsAny(span: Span): boolean {
    const [start, end] = span;
    // The first span starting after `end` cannot overlap; scan back from there while a span could reach `start`.
    for (let i = this.firstStartAfter(end) - 1; i >= 0; i--) {
      const taken = this.spans[i];
      if (taken[0] + this.longest < start) break;
      if (overlaps(span, taken)) return true;
    }
    return false;
  }

  add(span: Span): void {
    this.spans.splice(this.firstStartAfter(span[0]), 0, span);
    this.longest = Math.max(this.longest, span[1] - span[0]);
  }

  /** Index of the first span whose start is greater than `offset`. */
  private firstStartAfter(offset: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid][0] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export interface AppliedFix {
  finding: Finding;
  fix: Fix;
  result: FixResult;
}

/**
 * Collects fixes for `findings`, choosing for each finding the first fix accepted by `choose`, and drops any
 * whose edits overlap an earlier one (a second pass picks them up). Returns the combined result.
 */
export function collectFixes(
  input: FixInput,
  findings: Finding[],
  rulesById: ReadonlyMap<string, RuleMeta>,
  choose: (fix: Fix) => boolean,
): { applied: AppliedFix[]; edits: TextEdit[]; files: NonNullable<FixResult['files']> } {
  const doc = documentOf(input.text);
  const applied: AppliedFix[] = [];
  const edits: TextEdit[] = [];
  // Offsets of the edits taken so far, computed once each ("fix all" checks every new edit against them).
  const taken = new TakenSpans();
  const spanOf = (e: TextEdit): Span => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)];
  const files: NonNullable<FixResult['files']> = [];
  for (const finding of findings) {
    const rule = rulesById.get(finding.ruleId);
    for (const fix of rule?.fixes ?? []) {
      if (!choose(fix)) continue;
      const result = fix.apply(input, finding);
      if (!result) continue;
      const spans = result.edits.map(spanOf);
      if (spans.some((s) => taken.overlapsAny(s))) break;
      if (result.files?.some((f) => files.some((g) => g.path === f.path))) break;
      edits.push(...result.edits);
      for (const span of spans) taken.add(span);
      files.push(...(result.files ?? []));
      applied.push({ finding, fix, result });
      break;
    }
  }
  return { applied, edits, files };
}

/** The most passes of fixUntilStable: a fix that keeps finding work (a bug) cannot loop for ever. */
export const MAX_FIX_PASSES = 10;

/** What an analysis of a (fixed) text gives the fix loop: its findings and what its fixes may read. */
export interface FixState {
  findings: Finding[];
  input: FixInput;
}

export interface FixUntilStableOptions {
  rulesById: ReadonlyMap<string, RuleMeta>;
  /** Analyses a text (the original one when `current` is not given, then each fixed one); without it, one pass. */
  analyze?: (text: string) => FixState;
  /** The findings of the text as it is now, when already known: the first pass uses them. */
  current?: FixState;
  /**
   * Writes a pass's changes to other files where the next analysis sees them (the CLI writes to disk). Without it
   * other files are not changed between passes and only each path's first change is kept (returned as `files`).
   */
  writeFiles?: (files: NonNullable<FixResult['files']>) => void;
  /** A pass is only started when the previous one suggests it fits before the deadline (source.fixAll). */
  budget?: TimeBudget;
}

export interface FixUntilStableResult {
  text: string;
  /** The fixes applied, one list per pass. */
  passes: AppliedFix[][];
  /** Changes to other files, each path's first (when there is no `writeFiles`). */
  files: NonNullable<FixResult['files']>;
}

/**
 * Applies every safe fix, then analyzes the result and applies what has become fixable (fixes that overlapped, or
 * findings a fix uncovered), until a pass changes nothing, MAX_FIX_PASSES or the budget is spent.
 */
export function fixUntilStable(text: string, options: FixUntilStableOptions): FixUntilStableResult {
  const passes: AppliedFix[][] = [];
  const files: NonNullable<FixResult['files']> = [];
  let state = options.current ?? options.analyze!(text);
  let lastPassMs = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const started = Date.now();
    const { applied, edits, files: more } = collectFixes(state.input, state.findings, options.rulesById, (fix) => fix.safe);
    if (!applied.length) break;
    passes.push(applied);
    if (options.writeFiles) options.writeFiles(more);
    else for (const f of more) if (!files.some((g) => g.path === f.path)) files.push(f);
    const next = applyEdits(text, edits);
    // Changes written to other files may change the next analysis even when this text stayed the same.
    const unchanged = next === text && !(options.writeFiles && more.length);
    const outOfTime = !!options.budget && Date.now() + lastPassMs >= options.budget.deadline;
    text = next;
    if (unchanged || outOfTime || !options.analyze || pass === MAX_FIX_PASSES - 1) break;
    state = options.analyze(text);
    lastPassMs = Date.now() - started;
  }
  return { text, passes, files };
}
