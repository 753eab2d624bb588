// Entry point of the language server: `node dist/server.js --stdio` (or IPC when started by the client). It holds the
// connection and answers initialize (capabilities.ts); the session — rules, languages, schemas, parsers — is a
// second bundle (dist/server-session.js, scripts/build.mjs) loaded right after the initialize result is sent, so
// the result does not wait for it, and compiled through V8's code cache (code-cache.ts).
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures, type InitializeParams } from 'vscode-languageserver/node';
import { codeCacheDir, requireCompiled } from './code-cache';
import { initializeResult } from './lsp/capabilities';

// The session bundle imports vscode-languageserver from here (scripts/build.mjs), not from a second copy.
export * from 'vscode-languageserver/node';

// The shell parser's WebAssembly runs on V8's baseline compiler only (as in the CLI, cli/main.ts): its background
// optimisation competed with the first analyses for the CPU and made them slower, not faster. Must precede the
// module's compilation (initShellParser, after the handshake).
setFlagsFromString('--liftoff-only');

// The `yaml` package reads process.env once per token it lexes, and each read of node's process.env is a lookup in
// the C++ environment: a plain copy makes manifest parsing ~10 % cheaper (as the CLI does, cli/main.ts). Child
// processes (kubectl, ShellCheck) get the same variables.
process.env = { ...process.env };

/** When the session's compiled code is saved: after the first analyses compiled the functions they use. */
const CODE_CACHE_SAVE_MS = 5000;

/** The session bundle next to this one (a build), compiled through V8's code cache; from sources, the module. */
function loadSession(): typeof import('./lsp/session') {
  const bundle = path.join(__dirname, 'server-session.js');
  if (existsSync(bundle)) return requireCompiled(bundle, codeCacheDir(), CODE_CACHE_SAVE_MS, () => true) as typeof import('./lsp/session');
  return require('./lsp/session') as typeof import('./lsp/session');
}

const connection = createConnection(ProposedFeatures.all);
// A promise nobody handled (a client's failed answer to a request we only sent for its effect) is logged; node's
// default ends the process, and every open document with it.
process.on('unhandledRejection', (e) => connection.console.error(`unexpected error, the server goes on: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
let initializeParams: InitializeParams | undefined;
let initialized: (() => void) | undefined;
/** Loads and starts the session (once): synchronously, so its handlers are registered before the next message. */
const session = () => {
  if (!initialized && initializeParams) initialized = loadSession().startServer(connection, initializeParams);
  return initialized;
};
connection.onInitialize((params) => {
  initializeParams = params;
  // vscode-jsonrpc writes the result from an immediate queued after this handler returns: two turns later it is out.
  setImmediate(() => setImmediate(session));
  return initializeResult(params);
});
connection.onInitialized(() => session()?.());
connection.listen();
