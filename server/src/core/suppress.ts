// In-file suppression pragmas: `# stevedore ignore=a,b` / `# hadolint ignore=DL3008` before an instruction,
// and `# stevedore ignore-file=a` / `# hadolint global ignore=DL3003` for the whole file.
import type { Range } from './types';

export interface Suppressions {
  /** Rule keys (ids or aliases, lower-case) suppressed for the whole file. */
  file: Set<string>;
  /** Per instruction: its line span and the keys suppressed there. */
  spans: Array<{ startLine: number; endLine: number; keys: Set<string> }>;
}

const PRAGMA = /^#\s*(stevedore|hadolint)\s+(global\s+ignore|ignore-file|ignore)\s*=\s*([A-Za-z0-9_,\s.-]+)$/i;

/**
 * Reads pragmas from comment lines. `instructionSpans` are the [startLine, endLine] of each instruction in
 * document order; a line pragma applies to the first instruction that starts after it.
 */
export function readSuppressions(lines: string[], instructionSpans: Array<[number, number]>): Suppressions {
  const result: Suppressions = { file: new Set(), spans: [] };
  let next = 0;
  for (let line = 0; line < lines.length; line++) {
    const m = PRAGMA.exec(lines[line].trim());
    if (!m) continue;
    const keys = new Set(m[3].split(',').map((k) => k.trim().toLowerCase()).filter(Boolean));
    const scope = m[2].toLowerCase().replace(/\s+/, ' ');
    if (scope === 'ignore-file' || scope === 'global ignore') {
      for (const k of keys) result.file.add(k);
      continue;
    }
    while (next < instructionSpans.length && instructionSpans[next][0] <= line) next++;
    if (next < instructionSpans.length) {
      const [startLine, endLine] = instructionSpans[next];
      result.spans.push({ startLine, endLine, keys });
    }
  }
  return result;
}

/** True when a finding of a rule (named by any of `keys`) at `range` is suppressed. */
export function isSuppressed(s: Suppressions, keys: string[], range: Range): boolean {
  const lower = keys.map((k) => k.toLowerCase());
  if (lower.some((k) => s.file.has(k) || s.file.has('all'))) return true;
  const line = range.start.line;
  return s.spans.some((span) => line >= span.startLine && line <= span.endLine && lower.some((k) => span.keys.has(k) || span.keys.has('all')));
}
