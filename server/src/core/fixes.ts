// Applying fixes: pure text edits, "fix all" for a rule or for every safe fix, and fix lookup by rule.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleMeta } from './rule';
import type { Finding, Fix, FixInput, FixResult, TextEdit } from './types';

/** Applies non-overlapping edits to text (later edits first, as LSP clients do). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const doc = TextDocument.create('file:///x', 'plaintext', 0, text);
  return TextDocument.applyEdits(doc, edits);
}

type Span = [start: number, end: number];

/** True when two spans overlap or touch; touching edits are left to a later pass so their order never matters. */
function overlaps([as, ae]: Span, [bs, be]: Span): boolean {
  return as <= be && bs <= ae;
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
  const doc = TextDocument.create('file:///x', 'plaintext', 0, input.text);
  const applied: AppliedFix[] = [];
  const edits: TextEdit[] = [];
  // Offsets of the edits taken so far, computed once each ("fix all" checks every new edit against them).
  const taken: Span[] = [];
  const spanOf = (e: TextEdit): Span => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)];
  const files: NonNullable<FixResult['files']> = [];
  for (const finding of findings) {
    const rule = rulesById.get(finding.ruleId);
    for (const fix of rule?.fixes ?? []) {
      if (!choose(fix)) continue;
      const result = fix.apply(input, finding);
      if (!result) continue;
      const spans = result.edits.map(spanOf);
      if (spans.some((s) => taken.some((prev) => overlaps(s, prev)))) break;
      if (result.files?.some((f) => files.some((g) => g.path === f.path))) break;
      edits.push(...result.edits);
      taken.push(...spans);
      files.push(...(result.files ?? []));
      applied.push({ finding, fix, result });
      break;
    }
  }
  return { applied, edits, files };
}
