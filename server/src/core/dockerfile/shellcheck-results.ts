// ShellCheck's answers: reading `--format=json1`, the cache of answers by input text (which holds the script, the
// dialect and the names in scope), and turning an answer into findings with document ranges and quick-fix edits.
// The language server and the CLI fill the cache (server/src/tools/shellcheck.ts); the shellcheck rule reads it.
import type { DockerfileModel } from './model';
import { documentRange, replacementSpan, type ShellcheckInput } from './shellcheck-input';
import type { RuleHit, Severity, TextEdit } from '../types';

/** One json1 comment, positions relative to its input file. */
export interface ShellcheckComment {
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: 'error' | 'warning' | 'info' | 'style';
  code: number;
  message: string;
  fix?: { replacements: ShellcheckReplacement[] } | null;
}

export interface ShellcheckReplacement {
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  replacement: string;
  insertionPoint?: string;
}

/** Reads `shellcheck --format=json1` output: the comments of each file named on its command line. */
export function parseJson1(stdout: string): Map<string, ShellcheckComment[]> {
  const byFile = new Map<string, ShellcheckComment[]>();
  const parsed = JSON.parse(stdout) as { comments?: Array<ShellcheckComment & { file: string }> };
  for (const { file, ...comment } of parsed.comments ?? []) {
    let list = byFile.get(file);
    if (!list) byFile.set(file, (list = []));
    list.push(comment);
  }
  return byFile;
}

// Bounded by entries: a comment list is small, and a session sees a few thousand distinct RUNs at most.
const MAX_ENTRIES = 5000;

/** ShellCheck's answers by input text, least recently used dropped first. */
export class ShellcheckCache {
  private readonly entries = new Map<string, ShellcheckComment[]>();

  get(text: string): ShellcheckComment[] | undefined {
    const hit = this.entries.get(text);
    if (hit) {
      this.entries.delete(text);
      this.entries.set(text, hit);
    }
    return hit;
  }

  has(text: string): boolean {
    return this.entries.has(text);
  }

  set(text: string, comments: ShellcheckComment[]): void {
    this.entries.delete(text);
    this.entries.set(text, comments);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= MAX_ENTRIES) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The answers of this process: filled by whoever runs ShellCheck, read by the shellcheck rule. */
export const shellcheckCache = new ShellcheckCache();

/** The inputs whose answer is not cached yet (what a ShellCheck run must be given). */
export function uncachedInputs<I extends { text: string }>(inputs: readonly I[], cache = shellcheckCache): I[] {
  const seen = new Set<string>();
  return inputs.filter((i) => !cache.has(i.text) && !seen.has(i.text) && !!seen.add(i.text));
}

/** ShellCheck's levels as ours (style is advice, like info). */
export const SHELLCHECK_SEVERITY: Record<ShellcheckComment['level'], Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };

/** `SC2086` for 2086. */
export function shellcheckCode(code: number): string {
  return `SC${code}`;
}

/** The ShellCheck wiki page of a code. */
export function shellcheckWikiUrl(code: number): string {
  return `https://www.shellcheck.net/wiki/${shellcheckCode(code)}`;
}

/** The findings of one RUN from its cached answer; fixes that map exactly ride along as `data.edits`. */
export function shellcheckHits(model: DockerfileModel, input: ShellcheckInput, comments: readonly ShellcheckComment[]): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const c of comments) {
    const range = documentRange(model, input, { line: c.line, column: c.column }, { line: c.endLine, column: c.endColumn });
    if (!range) continue;
    const code = shellcheckCode(c.code);
    const edits = c.fix ? fixEdits(model, input, c.fix.replacements) : undefined;
    hits.push({
      message: `${c.message} (${code})`,
      range,
      severity: SHELLCHECK_SEVERITY[c.level] ?? 'warning',
      codes: [code],
      data: { code, docsUrl: shellcheckWikiUrl(c.code), ...(edits ? { edits } : {}) },
    });
  }
  return hits;
}

/** ShellCheck's replacements as document edits, or undefined when any of them does not map exactly. */
function fixEdits(model: DockerfileModel, input: ShellcheckInput, replacements: readonly ShellcheckReplacement[]): TextEdit[] | undefined {
  if (!replacements.length) return undefined;
  const edits: TextEdit[] = [];
  for (const r of replacements) {
    const span = replacementSpan(input, { line: r.line, column: r.column }, { line: r.endLine, column: r.endColumn }, r.insertionPoint);
    if (!span) return undefined;
    edits.push({ range: model.rangeOf(span[0], span[1]), newText: r.replacement });
  }
  return edits;
}
