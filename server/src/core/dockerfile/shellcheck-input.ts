// What ShellCheck is given for each RUN, and how its answers map back: the script as the shell sees it (line
// continuations and the comment lines Docker drops removed, `<<-` tabs stripped, CRLF as LF) behind a prologue
// that names the stage's shell dialect and declares the ARG/ENV names in scope, with the document offset of every
// script character so ShellCheck's line/column (json1: 1-based, code points, a tab is one column) maps exactly.
// Pure: running ShellCheck is the caller's business (server/src/tools/shellcheck.ts).
import type { Instruction } from 'dockerfile-ast';
import { blankContinuations, perModel, type DockerfileModel, type RunInfo, type Stage } from './model';
import { basename } from './paths';
import type { Range } from '../types';
import { detached } from '../text';

export type ShellDialect = 'sh' | 'bash' | 'dash' | 'ksh';

/** One RUN as a ShellCheck input file. */
export interface ShellcheckInput {
  run: RunInfo;
  dialect: ShellDialect;
  /**
   * ARG/ENV names in scope that the script mentions, declared in the prologue so ShellCheck does not call them
   * unassigned (SC2154). Names the script never mentions change nothing ShellCheck says, so they are left out: a
   * file with hundreds of ENV names gave every RUN a prologue of all of them (a 1,000-line file: 650 KB of input
   * for ShellCheck to parse; the 10,000-line one several MB held as cache keys), and a new ENV made every later
   * RUN a new input to check again.
   */
  names: string[];
  /** The whole file given to ShellCheck: prologue, then the script; also the cache key of its results. */
  text: string;
  /** Lines of `text` before the script. */
  prologueLines: number;
  /** The script as the shell sees it. */
  script: string;
  /** Offset of each UTF-16 unit of `script` from `offsetBase`, the document offset of the RUN's script. */
  offsets: Int32Array;
  offsetBase: number;
}

// Build arguments Docker defines without an ARG instruction (the proxy variables).
const PREDEFINED_ARGS = ['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY'].flatMap((n) => [n, n.toLowerCase()]);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The dialect a shell program's name selects, or undefined when ShellCheck does not check that shell. */
export function dialectOf(program: string): ShellDialect | undefined {
  const name = basename(program);
  if (name === 'bash') return 'bash';
  if (name === 'dash') return 'dash';
  if (name === 'ksh' || name === 'mksh' || name === 'ksh93') return 'ksh';
  if (name === 'sh' || name === 'ash' || name === 'busybox') return 'sh';
  return undefined;
}

/** A SHELL instruction's program, e.g. `/bin/bash`. */
function shellProgram(ins: Instruction): string | undefined {
  return (ins as Instruction & { getJSONStrings(): { getJSONValue(): string }[] }).getJSONStrings()[0]?.getJSONValue();
}

/** ARG and ENV names an instruction declares. */
function declaredNames(ins: Instruction): string[] {
  const props = (ins as unknown as { getProperties(): { getName(): string }[] }).getProperties();
  return props.map((p) => p.getName()).filter((n) => NAME.test(n));
}

/**
 * What a RUN runs with: the shell (the last SHELL before it, here or in the stages it is built FROM) and the ARG/ENV
 * names in scope: those of `declared` whose number is below `count` (names only accumulate along a stage, so one
 * map serves every RUN of it).
 */
interface RunScope {
  shell: string;
  declared: ReadonlyMap<string, number>;
  count: number;
}

/** The scope of every RUN, in one walk per stage (a RUN's own walk back was quadratic in the RUNs of a file). */
function runScopes(model: DockerfileModel): Map<RunInfo, RunScope> {
  const scopes = new Map<RunInfo, RunScope>();
  const endOf = new Map<Stage, { shell: string; declared: Map<string, number> }>();
  const walk = (stage: Stage): { shell: string; declared: Map<string, number> } => {
    const known = endOf.get(stage);
    if (known) return known;
    const base = stage.parent ? walk(stage.parent) : { shell: '/bin/sh', declared: new Map(PREDEFINED_ARGS.map((n, i) => [n, i])) };
    let shell = base.shell;
    const declared = new Map(base.declared);
    for (const ins of stage.instructions) {
      const kw = ins.getKeyword();
      if (kw === 'SHELL') shell = shellProgram(ins) ?? shell;
      else if (kw === 'ARG' || kw === 'ENV') {
        for (const n of declaredNames(ins)) if (!declared.has(n)) declared.set(n, declared.size);
      } else if (kw === 'RUN') {
        const run = model.runOf(ins);
        if (run) scopes.set(run, { shell, declared, count: declared.size });
      }
    }
    const end = { shell, declared };
    endOf.set(stage, end);
    return end;
  };
  for (const stage of model.stages) walk(stage);
  return scopes;
}

/** A script as the shell sees it, and each of its UTF-16 units' offset from the start of the RUN's script. */
interface View {
  script: string;
  offsets: Int32Array;
}

// Views by what they are computed from (the script as written, the escape character, heredoc or not): every analysis
// asks for every RUN's view, and an edit changes one RUN. Bounded by the characters it holds.
const views = new Map<string, View>();
let viewChars = 0;
const MAX_VIEW_CHARS = 1_000_000;

/** The script of a RUN as the shell sees it, with each character's document offset; undefined for exec form. */
export function shellView(model: DockerfileModel, run: RunInfo): { script: string; offsets: Int32Array; base: number } | undefined {
  if (run.execForm || run.script.skipped || run.scriptEnd <= run.scriptStart) return undefined;
  const content = model.text.slice(run.scriptStart, run.scriptEnd);
  // `<<-EOF` strips the leading tabs of every body line.
  const stripTabs = run.heredoc && /^<<-/.test(model.text.slice(model.offsetAt(run.instruction.getArgumentsRange()!.start), run.scriptStart));
  const heredocs = !run.heredoc && content.includes('<<') && run.instruction.getHeredocs().length > 0;
  const key = `${run.heredoc ? (stripTabs ? 'h-' : 'h') : heredocs ? 'c<' : 'c'}${model.escape}\n${content}`;
  let view = views.get(key);
  if (view) {
    views.delete(key);
    views.set(key, view);
  } else {
    view = computeView(content, model.escape, run.heredoc, stripTabs, heredocs);
    // Kept after the document is gone: a key of its own, not a concatenation holding a slice of its text.
    views.set(detached(key), view);
    viewChars += key.length;
    for (const [oldest] of views) {
      if (viewChars <= MAX_VIEW_CHARS) break;
      views.delete(oldest);
      viewChars -= oldest.length;
    }
  }
  return view.script.trim() ? { script: view.script, offsets: view.offsets, base: run.scriptStart } : undefined;
}

function computeView(content: string, escape: string, heredoc: boolean, stripTabs: boolean, heredocs: boolean): View {
  const keep = new Uint8Array(content.length);
  if (heredoc) {
    let lineStart = true;
    for (let i = 0; i < content.length; i++) {
      const c = content[i];
      keep[i] = stripTabs && lineStart && c === '\t' ? 0 : 1;
      if (c !== '\t') lineStart = c === '\n';
    }
  } else {
    const blanked = blankContinuations(content, escape, heredocs);
    for (let i = 0; i < content.length; i++) keep[i] = blanked[i] === ' ' && content[i] !== ' ' ? 0 : 1;
  }
  const parts: string[] = [];
  const offsets: number[] = [];
  let from = -1;
  for (let i = 0; i < content.length; i++) {
    const kept = keep[i] === 1 && !(content[i] === '\r' && content[i + 1] === '\n');
    if (kept) {
      if (from < 0) from = i;
      offsets.push(i);
    } else if (from >= 0) {
      parts.push(content.slice(from, i));
      from = -1;
    }
  }
  if (from >= 0) parts.push(content.slice(from));
  // Kept in the view cache after the document is gone: not a slice of its text.
  return { script: detached(parts.join('')), offsets: Int32Array.from(offsets) };
}

/**
 * The names in `scope` that occur in `script` as a whole word, sorted: every way a script can refer to a variable
 * (`$X`, `${X:-…}`, `${#X}`, a bare name in `$(( X + 1 ))`, `[[ -v X ]]`, `unset X`) is among them.
 */
function mentioned(scope: RunScope, script: string): string[] {
  if (!scope.count) return [];
  const found = new Set<string>();
  for (const word of script.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) {
    const at = scope.declared.get(word);
    if (at !== undefined && at < scope.count) found.add(word);
  }
  return [...found].sort();
}

const allShellcheckInputs = perModel((model: DockerfileModel): ShellcheckInput[] => {
  const inputs: ShellcheckInput[] = [];
  const scopes = runScopes(model);
  for (const run of model.runs) {
    const view = shellView(model, run);
    if (!view) continue;
    let { script } = view;
    const scope = scopes.get(run);
    if (!scope) continue;
    let dialect = dialectOf(scope.shell);
    // A heredoc with a shebang is run by that interpreter; ShellCheck wants the shebang only on line 1, so it
    // becomes an ordinary comment of the same length and the dialect comes from it.
    const shebang = run.heredoc ? /^#!\s*(\S+)(?:\s+(\S+))?/.exec(script) : null;
    if (shebang) {
      dialect = dialectOf(basename(shebang[1]) === 'env' ? shebang[2] ?? '' : shebang[1]);
      script = '# ' + script.slice(2);
    }
    if (!dialect) continue;
    const names = mentioned(scope, script);
    const prologue = `# shellcheck shell=${dialect}\nexport ${names.join(' ')}\n`;
    inputs.push({ run, dialect, names, text: prologue + script + '\n', prologueLines: 2, script, offsets: view.offsets, offsetBase: view.base });
  }
  return inputs;
});

/**
 * How much of one file ShellCheck is given: it costs a few milliseconds of CPU per RUN, so a generated file with
 * thousands of RUNs (2,300 in the fuzz corpus's 2 MB Dockerfile) kept the CLI busy for 12 s. The RUNs past the
 * bound are named by the shellcheck rule's notice, never silently skipped.
 */
export const SHELLCHECK_LIMITS = { runs: 300, scriptChars: 128 * 1024 };

/** The RUNs of a file ShellCheck checks (shell form and heredocs, in a shell it knows), within SHELLCHECK_LIMITS. */
export const shellcheckInputs = perModel((model: DockerfileModel): ShellcheckInput[] => {
  const all = allShellcheckInputs(model);
  let chars = 0;
  let n = 0;
  for (; n < all.length && n < SHELLCHECK_LIMITS.runs; n++) {
    chars += all[n].script.length;
    if (chars > SHELLCHECK_LIMITS.scriptChars) break;
  }
  return n === all.length ? all : all.slice(0, n);
});

/** The RUNs ShellCheck could check but that are past SHELLCHECK_LIMITS: how many, and the first of them. */
export function shellcheckSkipped(model: DockerfileModel): { count: number; total: number; first: RunInfo } | undefined {
  const all = allShellcheckInputs(model);
  const checked = shellcheckInputs(model).length;
  return checked < all.length ? { count: all.length - checked, total: all.length, first: all[checked].run } : undefined;
}

/** A position in a ShellCheck input file as json1 gives it: 1-based line and column, columns in code points. */
export interface ShellcheckPosition {
  line: number;
  column: number;
}

/** The script offset of a json1 position, clamped to the script. */
function scriptOffset(input: ShellcheckInput, p: ShellcheckPosition): number {
  const wanted = p.line - input.prologueLines - 1;
  let offset = 0;
  for (let line = 0; line < wanted; line++) {
    const nl = input.script.indexOf('\n', offset);
    if (nl < 0) return input.script.length;
    offset = nl + 1;
  }
  for (let col = 1; col < p.column && offset < input.script.length && input.script[offset] !== '\n'; col++) {
    offset += input.script.codePointAt(offset)! > 0xffff ? 2 : 1;
  }
  return Math.max(0, offset);
}

/** The document offset where a script offset is, or just after the script's last character. */
function documentOffset(input: ShellcheckInput, at: number, leaning: 'after-previous' | 'before-next'): number {
  const { offsets, offsetBase } = input;
  if (at >= offsets.length) return offsetBase + offsets[offsets.length - 1] + 1;
  if (at > 0 && leaning === 'after-previous') return offsetBase + offsets[at - 1] + 1;
  return offsetBase + offsets[at];
}

/** The document range of a json1 range, or undefined when it lies in the prologue. */
export function documentRange(model: DockerfileModel, input: ShellcheckInput, start: ShellcheckPosition, end: ShellcheckPosition): Range | undefined {
  if (start.line <= input.prologueLines) return undefined;
  const s = scriptOffset(input, start);
  const e = Math.max(s, scriptOffset(input, end));
  const from = documentOffset(input, s, 'before-next');
  const to = e > s ? documentOffset(input, e, 'after-previous') : from;
  return model.rangeOf(from, to);
}

/**
 * The document span of a ShellCheck replacement, or undefined when it does not map exactly (it would swallow a
 * line continuation or lies in the prologue). An insertion marked `beforeStart` belongs to the text before it.
 */
export function replacementSpan(input: ShellcheckInput, start: ShellcheckPosition, end: ShellcheckPosition, insertionPoint?: string): [number, number] | undefined {
  if (start.line <= input.prologueLines) return undefined;
  const s = scriptOffset(input, start);
  const e = scriptOffset(input, end);
  if (e < s) return undefined;
  if (e === s) {
    const at = documentOffset(input, s, insertionPoint === 'beforeStart' ? 'after-previous' : 'before-next');
    return [at, at];
  }
  const from = documentOffset(input, s, 'before-next');
  const to = documentOffset(input, e, 'after-previous');
  return to - from === e - s ? [from, to] : undefined;
}
