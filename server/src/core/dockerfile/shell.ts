// RUN commands parsed with a real shell grammar (tree-sitter-bash compiled to WebAssembly), so that
// `&&` chains, pipes, quoting, line continuations and heredocs are understood.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { Node, Parser } from 'web-tree-sitter';
import { overLimit, type ShellSkip } from './shell-limits';

/** A word of a command: `value` is the unquoted text; offsets are into the analysed document. */
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

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

function wasmPath(file: string, pkgPath: string): string {
  // Next to the bundle in dist/, or from node_modules when running from sources.
  const local = path.join(__dirname, file);
  return existsSync(local) ? local : require.resolve(pkgPath);
}

/**
 * A fresh copy of web-tree-sitter. The library keeps its WebAssembly instance in a module variable that
 * Parser.init never replaces, so after an abort (out of memory) or a trap the only way to a working parser is
 * to evaluate the library's code again; the broken copy and its heap are then garbage.
 */
function freshTreeSitter(): typeof import('web-tree-sitter') {
  const file = wasmPath('tree-sitter.cjs', 'web-tree-sitter');
  // A real Node require (not the bundler's), so that removing the cache entry makes the next call evaluate anew.
  const load = createRequire(file);
  delete load.cache[file];
  return load(file) as typeof import('web-tree-sitter');
}

/**
 * Loads the shell grammar; analysis functions require it to have finished. After the parser failed (see
 * parseShell) this returns the reload under way, so awaiting it again gives a working parser.
 */
export function initShellParser(): Promise<void> {
  if (!loading) {
    loading = (async () => {
      // Loaded here, not imported at the top: its module set-up is a noticeable part of server start-up.
      const { Parser, Language } = freshTreeSitter();
      await Parser.init({ locateFile: () => wasmPath('tree-sitter.wasm', 'web-tree-sitter/tree-sitter.wasm') });
      const bash = await Language.load(wasmPath('tree-sitter-bash.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm'));
      const p = new Parser();
      p.setLanguage(bash);
      parser = p;
    })();
    // A failed load must not stay cached: the next call tries again.
    const attempt = loading;
    attempt.catch(() => {
      if (loading === attempt) loading = undefined;
    });
  }
  return loading;
}

export function isShellParserReady(): boolean {
  return parser !== undefined;
}

/**
 * Drops a parser whose WebAssembly instance failed (an abort such as running out of memory leaves it corrupt:
 * every later call throws "Aborted()", "table index is out of bounds" …) and starts loading a fresh one.
 */
function replaceBrokenParser(): void {
  parser = undefined;
  loading = undefined;
  initShellParser().catch(() => undefined);
}

const WRAPPERS = new Set(['sudo', 'env', 'command', 'exec', 'nohup', 'time', 'nice', 'doas', 'su-exec', 'gosu']);
// Wrapper options that take a value (`sudo -u user cmd`, `env -u VAR cmd`, `gosu user cmd`).
const WRAPPER_VALUE_OPTS = new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-n']);
const TAKES_USER_ARG = new Set(['gosu', 'su-exec']);

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
    cached = parseUncached(source);
    // A script the parser failed on is remembered as failed (parsing it again would break the new parser too);
    // one skipped while the parser restarts is not: the next analysis parses it.
    if (cached.skipped?.reason !== 'parser-restarting') remember(source, cached);
  }
  return base === 0 ? cached : shiftScript(cached, base);
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
  if (!parser) {
    if (!loading) throw new Error('shell parser not initialised: await initShellParser() first');
    // A broken parser is being replaced (see replaceBrokenParser); this script waits for the next analysis.
    return { commands: [], hasPipe: false, hasError: false, skipped: { reason: 'parser-restarting', bytes: source.length, commands: 0 } };
  }
  const current = parser;
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
    if (parser === current) replaceBrokenParser();
    return { commands: [], hasPipe: false, hasError: false, skipped: { reason: 'parser-failed', bytes: source.length, commands: 0 } };
  }
}

type Pipe = { index: number; length: number; id: number };

const SUBSTITUTION = /\$\(|`|[<>]\(/;

/**
 * The commands of a parsed script. Walks with an explicit stack: nesting depth (subshells, substitutions)
 * grows with the input, and a recursive walk overflowed the call stack on 2,000 nested `( … )`.
 */
function commandsOf(root: Node, source: string): ShellScript {
  const commands: ShellCommand[] = [];
  let hasPipe = false;
  let pipelineId = 0;
  // nested: below a command, only substitutions hold further commands.
  const stack: Array<{ node: Node; pipe?: Pipe; nested: boolean }> = [{ node: root, nested: false }];
  while (stack.length) {
    const { node, pipe, nested } = stack.pop()!;
    const children = node.namedChildren.filter((c): c is Node => c !== null);
    if (nested) {
      const substitution = node.type === 'command_substitution' || node.type === 'process_substitution';
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], nested: !substitution });
      continue;
    }
    if (node.type === 'pipeline') {
      hasPipe = true;
      const id = ++pipelineId;
      const stages = children.filter((c) => c.type !== 'comment');
      for (let i = stages.length - 1; i >= 0; i--) stack.push({ node: stages[i], pipe: { index: i, length: stages.length, id }, nested: false });
      continue;
    }
    if (node.type === 'command') {
      const cmd = toCommand(node, source);
      if (cmd) {
        if (pipe) cmd.pipeline = pipe;
        commands.push(cmd);
      }
      // Command substitutions inside arguments hold commands too; most words have none (every visit is a call
      // into WebAssembly, and one RUN may hold thousands of words).
      for (let i = children.length - 1; i >= 0; i--) if (SUBSTITUTION.test(textOf(children[i], source))) stack.push({ node: children[i], nested: true });
      continue;
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], pipe: node.type === 'redirected_statement' ? pipe : undefined, nested: false });
  }
  commands.sort((a, b) => a.start - b.start);
  return { commands, hasPipe, hasError: root.hasError };
}

// A node's text is sliced from the source here: web-tree-sitter's Node.text copies the whole rest of the script
// for every node (its text callback returns input.slice(index)), which made 10,000 words take over a second.
function textOf(node: Node, source: string): string {
  return source.slice(node.startIndex, node.endIndex);
}

function toWord(node: Node, source: string): ShellWord {
  return { value: unquote(node, source), raw: textOf(node, source), start: node.startIndex, end: node.endIndex };
}

function unquote(node: Node, source: string): string {
  switch (node.type) {
    case 'raw_string':
      return textOf(node, source).slice(1, -1);
    case 'string': {
      const t = textOf(node, source);
      return t.length >= 2 ? t.slice(1, -1) : t;
    }
    case 'ansi_c_string':
      return textOf(node, source).slice(2, -1);
    case 'concatenation':
      return node.namedChildren.map((c) => (c ? unquote(c, source) : '')).join('');
    case 'word':
    case 'number':
      return textOf(node, source).replace(/\\(.)/g, '$1');
    default:
      return textOf(node, source);
  }
}

function toCommand(node: Node, source: string): ShellCommand | undefined {
  const assignments: ShellWord[] = [];
  let nameNode: Node | null = null;
  const argNodes: Node[] = [];
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'variable_assignment' && !nameNode) assignments.push(toWord(child, source));
    else if (child.type === 'command_name') nameNode = child.namedChild(0) ?? child;
    else if (nameNode && !child.type.endsWith('redirect')) argNodes.push(child);
  }
  if (!nameNode) return undefined;
  let words = [toWord(nameNode, source), ...argNodes.map((n) => toWord(n, source))];
  const wrappers: ShellWord[] = [];
  // Peel `sudo -E apt-get …`, `env A=b apt-get …`, `gosu user cmd` down to the real command.
  while (words.length > 1 && WRAPPERS.has(basename(words[0].value))) {
    const wrapper = basename(words[0].value);
    wrappers.push(words[0]);
    let i = 1;
    while (i < words.length) {
      const v = words[i].value;
      if (v === '--') { i++; break; }
      // `env A=b cmd` and `sudo A=b cmd` set variables for the command.
      if ((wrapper === 'env' || wrapper === 'sudo' || wrapper === 'doas') && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) { i++; continue; }
      if (v.startsWith('-') && v.length > 1) { i += WRAPPER_VALUE_OPTS.has(v) ? 2 : 1; continue; }
      break;
    }
    if (TAKES_USER_ARG.has(wrapper)) i++;
    if (i >= words.length) return undefined;
    words = words.slice(i);
  }
  const nameWord = words[0];
  return {
    name: nameWord.value,
    program: basename(nameWord.value),
    nameWord,
    args: words.slice(1),
    wrappers,
    assignments,
    start: node.startIndex,
    end: node.endIndex,
  };
}

function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
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

/** The first non-option argument (the subcommand of `apt-get install`, `pip install`, `npm ci` …). */
export function subcommand(cmd: ShellCommand): ShellWord | undefined {
  return cmd.args.find((a) => !a.value.startsWith('-'));
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
