// RUN commands parsed with a real shell grammar (tree-sitter-bash compiled to WebAssembly), so that
// `&&` chains, pipes, quoting, line continuations and heredocs are understood. Plain command lists are read by
// shell-simple.ts with the grammar's answer, and the grammar is loaded when a script first needs it.
import { overLimit, waitsForParser, type ShellSkip } from './shell-limits';
import { initShellParser, loadedShellParser, replaceBrokenParser, shellParserRestarting } from './shell-parser';
import { simpleScript } from './shell-simple';
import { commandsOf } from './shell-syntax';
import { detached } from '../text';

export { initShellParser, isShellParserReady } from './shell-parser';

/** A word of a command: `value` is the unquoted text; offsets are into the analyzed document. */
export interface ShellWord {
  value: string;
  raw: string;
  start: number;
  end: number;
}

/** One simple command, e.g. `apt-get install -y curl`, with wrappers like `sudo` peeled off. */
export interface ShellCommand {
  /** Command name as written, e.g. `/usr/bin/apt-get`. */
  name: string;
  /** Basename of the name, e.g. `apt-get`. */
  program: string;
  /** The name word. */
  nameWord: ShellWord;
  /** Arguments after the name (not redirects or assignments). */
  args: ShellWord[];
  /** Wrapper commands that were peeled off, e.g. the `sudo` word of `sudo apt-get …`. */
  wrappers: ShellWord[];
  /** `VAR=value` assignments before the name. */
  assignments: ShellWord[];
  /** Offsets of the whole command (including wrappers and assignments) in the document. */
  start: number;
  end: number;
  /** Set when the command is a stage of a pipeline `a | b`: its index and the pipeline's length. */
  pipeline?: { index: number; length: number; id: number };
}

export interface ShellScript {
  commands: ShellCommand[];
  /** True when the script contains a pipe `|` between commands. */
  hasPipe: boolean;
  /** True when tree-sitter reported a syntax error somewhere in the script. */
  hasError: boolean;
  /** Set when the script was not parsed (over a limit, or the parser failed): `commands` is then empty. */
  skipped?: ShellSkip;
}

/**
 * Parses `source` (script text whose offset 0 is document offset `base`) into simple commands.
 * `source` must already have Dockerfile line continuations blanked out (same length as the document span).
 * A script over SHELL_LIMITS is not given to the parser; one the parser fails on is reported as skipped.
 */
export function parseShell(source: string, base = 0): ShellScript {
  // After an edit most RUN scripts are unchanged: reuse their parse, shifted to the new offset.
  let cached = cache.get(source);
  if (cached) {
    cache.delete(source);
    cache.set(source, cached);
  } else {
    // The cache outlives the document, and the words of a parse are slices of its source: a script that is a slice
    // of the document's text (a RUN without continuations, a heredoc body) would keep that whole text alive — the
    // fuzz campaign's heap grew by half with scripts of 1 MB documents. A copy of the script is parsed and kept.
    source = detached(source);
    cached = parseUncached(source);
    // A script the parser failed on is remembered as failed (parsing it again would break the new parser too);
    // one skipped while the grammar loads or the parser restarts is not: the next analysis parses it.
    if (!waitsForParser(cached.skipped)) remember(source, cached);
  }
  return base === 0 ? cached : shiftedBy(cached, base);
}

// A RUN above an edit keeps its offset (and one below an edit within a line too): its shifted script from the
// analysis before is taken again, so what is kept per command object (dependencyInstall's answer) carries over.
// Only the shifted scripts of the last two models of a document are kept: kept for every script in the parse cache,
// they would hold as much again as the cache does.
type Shift = { by: number; script: ShellScript };
let shiftsOfThisModel = new Map<ShellScript, Shift>();
let shiftsOfLastModel = new Map<ShellScript, Shift>();

/** A document's model is being built: the shifted scripts of the model before it become the ones to reuse. */
export function newModelShifts(): void {
  shiftsOfLastModel = shiftsOfThisModel;
  shiftsOfThisModel = new Map();
}

function shiftedBy(script: ShellScript, by: number): ShellScript {
  const known = shiftsOfThisModel.get(script) ?? shiftsOfLastModel.get(script);
  const shift = known?.by === by ? known : { by, script: shiftScript(script, by) };
  shiftsOfThisModel.set(script, shift);
  return shift.script;
}

// Bounded by an estimate of the bytes held (script text and command objects), not by entry count: a few
// thousand large scripts would otherwise keep hundreds of MB.
const CACHE_BYTES = 16 * 1024 * 1024;
const cache = new Map<string, ShellScript>();
let cacheBytes = 0;

function costOf(source: string, script: ShellScript): number {
  const words = script.commands.reduce((n, c) => n + c.args.length + c.wrappers.length + c.assignments.length + 1, 0);
  return 2 * source.length + 160 * words + 200 * script.commands.length + 100;
}

function remember(source: string, script: ShellScript): void {
  const cost = costOf(source, script);
  if (cost > CACHE_BYTES / 4) return;
  cache.set(source, script);
  cacheBytes += cost;
  for (const [oldest, old] of cache) {
    if (cacheBytes <= CACHE_BYTES) break;
    cache.delete(oldest);
    cacheBytes -= costOf(oldest, old);
  }
}

/** Bytes the shell parse cache holds (estimated), for tests and diagnostics. */
export function shellCacheBytes(): number {
  return cacheBytes;
}

function shiftWord(w: ShellWord, by: number): ShellWord {
  return { value: w.value, raw: w.raw, start: w.start + by, end: w.end + by };
}

function shiftScript(script: ShellScript, by: number): ShellScript {
  return {
    hasPipe: script.hasPipe,
    hasError: script.hasError,
    ...(script.skipped ? { skipped: script.skipped } : {}),
    commands: script.commands.map((c) => ({
      ...c,
      nameWord: shiftWord(c.nameWord, by),
      args: c.args.map((w) => shiftWord(w, by)),
      wrappers: c.wrappers.map((w) => shiftWord(w, by)),
      assignments: c.assignments.map((w) => shiftWord(w, by)),
      start: c.start + by,
      end: c.end + by,
    })),
  };
}

function parseUncached(source: string): ShellScript {
  const limit = overLimit(source);
  if (limit) return { commands: [], hasPipe: false, hasError: false, skipped: limit };
  // A plain command list needs no grammar (shell-simple.ts: the same answer, without WebAssembly).
  const simple = simpleScript(source);
  if (simple) return simple;
  const current = loadedShellParser();
  if (!current) {
    // The grammar is loaded when a script first needs it (1.3 MB of WebAssembly, ~13 MB of memory, that a Dockerfile
    // of plain command lists never needs), or a broken parser is being replaced (see replaceBrokenParser); either way
    // this script waits for the next analysis. Callers that must not see the skip await shellGrammarFor first.
    const reason = shellParserRestarting() ? 'parser-restarting' : 'parser-loading';
    initShellParser().catch(() => undefined);
    return { commands: [], hasPipe: false, hasError: false, skipped: { reason, bytes: source.length, commands: 0 } };
  }
  try {
    const tree = current.parse(source);
    if (!tree) return { commands: [], hasPipe: false, hasError: true };
    try {
      return commandsOf(tree.rootNode, source);
    } finally {
      tree.delete();
    }
  } catch (e) {
    // Any throw from the WebAssembly side (abort, trap) may have corrupted the instance: never use it again.
    replaceBrokenParser(current);
    return { commands: [], hasPipe: false, hasError: false, skipped: { reason: 'parser-failed', bytes: source.length, commands: 0 } };
  }
}

/** True when `cmd` has any of the given options, e.g. `hasOption(cmd, '-y', '--yes')`; also finds `-qy` style bundles for single-letter flags. */
export function hasOption(cmd: ShellCommand, ...options: string[]): boolean {
  return cmd.args.some((a) => {
    const v = a.value;
    if (options.includes(v)) return true;
    if (options.some((o) => o.startsWith('--') && v.startsWith(o + '='))) return true;
    if (/^-[a-zA-Z]{2,}$/.test(v)) {
      return options.some((o) => /^-[a-zA-Z]$/.test(o) && v.includes(o[1]));
    }
    return false;
  });
}

/**
 * The value of a shell word as the shell would see it, or undefined when the word expands anything
 * (variables, command substitution, globs, braces, `~`) and so has no fixed value.
 */
export function literalShellWord(raw: string): string | undefined {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c === "'") {
      const close = raw.indexOf("'", i + 1);
      if (close < 0) return undefined;
      out += raw.slice(i + 1, close);
      i = close + 1;
    } else if (c === '"') {
      i++;
      while (i < raw.length && raw[i] !== '"') {
        if (raw[i] === '$' || raw[i] === '`') return undefined;
        if (raw[i] === '\\' && '$`"\\'.includes(raw[i + 1] ?? '')) i++;
        out += raw[i++];
      }
      if (i >= raw.length) return undefined;
      i++;
    } else if (c === '\\') {
      if (i + 1 >= raw.length) return undefined;
      out += raw[i + 1];
      i += 2;
    } else {
      if ('$`*?[{}()<>|&;'.includes(c) || /\s/.test(c) || (i === 0 && (c === '~' || c === '#'))) return undefined;
      out += c;
      i++;
    }
  }
  return out;
}
