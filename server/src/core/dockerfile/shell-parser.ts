// Loading the shell grammar (tree-sitter-bash on web-tree-sitter's WebAssembly) and replacing a parser whose
// WebAssembly instance failed; parseShell (shell.ts) is its one user.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { Parser } from 'web-tree-sitter';

let parser: Parser | undefined;
/** A broken parser was dropped and its replacement has not loaded yet. */
let restarting = false;
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
      restarting = false;
    })();
    // A failed load must not stay cached: the next call tries again.
    const attempt = loading;
    attempt.catch(() => {
      if (loading === attempt) loading = undefined;
    });
  }
  return loading;
}

/** True once the grammar has loaded and the parser is usable. */
export function isShellParserReady(): boolean {
  return parser !== undefined;
}

/**
 * Drops a parser whose WebAssembly instance failed, unless it was already replaced (an abort such as running out of
 * memory leaves it corrupt: every later call throws "Aborted()", "table index is out of bounds" …), and starts
 * loading a fresh one.
 */
export function replaceBrokenParser(broken: Parser): void {
  if (parser !== broken) return;
  parser = undefined;
  restarting = true;
  loading = undefined;
  initShellParser().catch(() => undefined);
}

/** The loaded parser: undefined before initShellParser has finished, and while a broken one is being replaced. */
export function loadedShellParser(): Parser | undefined {
  return parser;
}

/** True while a broken parser is being replaced (see replaceBrokenParser), as opposed to the grammar's first load. */
export function shellParserRestarting(): boolean {
  return restarting && parser === undefined;
}
