// In-file suppression pragmas: `# stevedore ignore=a,b` / `# hadolint ignore=DL3008` before an instruction,
// and `# stevedore ignore-file=a` / `# hadolint global ignore=DL3003` for the whole file.
import type { Range } from './types';

export interface Suppressions {
  /** Rule keys (ids or aliases, lower-case) suppressed for the whole file. */
  file: Set<string>;
  /** Per instruction: its line span and the keys suppressed there. */
  spans: Array<{ startLine: number; endLine: number; keys: Set<string> }>;
}

/** No pragma honoured (`disable-ignore-pragma: true`). */
export const NO_SUPPRESSIONS: Suppressions = Object.freeze({ file: new Set<string>(), spans: [] }) as Suppressions;

// A cheap pre-check: most files have no pragma at all.
const PRAGMA_WORD = /stevedore|hadolint/i;
// No `\s*` after `=`: the key list takes spaces itself, and the overlap was quadratic in a long run of spaces.
const PRAGMA = /^#\s*(stevedore|hadolint)\s+(global\s+ignore|ignore-file|ignore)\s*=([A-Za-z0-9_,\s.-]+)$/i;

/**
 * Reads pragmas from comment lines. `spanAfter(line)` gives the [startLine, endLine] of the construct a line
 * pragma on `line` applies to: the next Dockerfile instruction, or the next YAML key with its value.
 */
export function readSuppressions(lines: string[], spanAfter: (line: number) => [number, number] | undefined): Suppressions {
  const result: Suppressions = { file: new Set(), spans: [] };
  if (!lines.some((l) => PRAGMA_WORD.test(l))) return result;
  for (let line = 0; line < lines.length; line++) {
    const m = PRAGMA.exec(lines[line].trim());
    if (!m) continue;
    const keys = new Set(m[3].split(',').map((k) => k.trim().toLowerCase()).filter(Boolean));
    const scope = m[2].toLowerCase().replace(/\s+/, ' ');
    if (scope === 'ignore-file' || scope === 'global ignore') {
      for (const k of keys) result.file.add(k);
      continue;
    }
    const span = spanAfter(line);
    if (span) result.spans.push({ startLine: span[0], endLine: span[1], keys });
  }
  return result;
}

/** The pragma comments of a text: line index and the pragma as written (for the rule that reports them, DL1001). */
export function pragmaLines(lines: string[]): Array<{ line: number; start: number; text: string }> {
  if (!lines.some((l) => PRAGMA_WORD.test(l))) return [];
  const found: Array<{ line: number; start: number; text: string }> = [];
  lines.forEach((l, line) => {
    const text = l.trim();
    if (PRAGMA.test(text)) found.push({ line, start: l.indexOf(text), text });
  });
  return found;
}

/** True when a finding of a rule (named by any of `keys`) at `range` is suppressed. */
export function isSuppressed(s: Suppressions, keys: string[], range: Range): boolean {
  const lower = keys.map((k) => k.toLowerCase());
  if (lower.some((k) => s.file.has(k) || s.file.has('all'))) return true;
  const line = range.start.line;
  return s.spans.some((span) => line >= span.startLine && line <= span.endLine && lower.some((k) => span.keys.has(k) || span.keys.has('all')));
}

/** `spanAfter` for Dockerfiles: the first of the (sorted) instruction spans that starts after the line. */
export function nextSpan(spans: Array<[number, number]>): (line: number) => [number, number] | undefined {
  return (line) => spans.find(([start]) => start > line);
}
