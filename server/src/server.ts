// Entry point of the language server: `node dist/server.js --stdio` (or IPC when started by the client).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/session';

startServer(createConnection(ProposedFeatures.all));
