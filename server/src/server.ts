// Entry point of the language server: `node dist/server.js --stdio` (or IPC when started by the client).
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/session';

// The shell parser's WebAssembly runs on V8's baseline compiler only (as in the CLI, cli/main.ts): its background
// optimisation competed with the first analyses for the CPU and made them slower, not faster. Must precede the
// module's compilation (initShellParser, after the handshake).
setFlagsFromString('--liftoff-only');
startServer(createConnection(ProposedFeatures.all));
