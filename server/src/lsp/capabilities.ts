// The initialize result: what the server offers, from the client's capabilities alone. It lives apart from the
// session so the entry bundle (dist/server.js) can answer initialize before the session bundle is loaded.
import { CodeActionKind, TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver/node';

/**
 * The code action kind of "fix all" (also declared in codeActions.ts, which is part of the session bundle;
 * test/lsp/capabilities.test.ts keeps the two equal).
 */
const FIX_ALL_KIND = 'source.fixAll.stevedore';

/** The capabilities and server info answered to initialize. */
export function initializeResult(params: InitializeParams): InitializeResult {
  const pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor, CodeActionKind.RefactorRewrite, FIX_ALL_KIND], resolveProvider: true },
      hoverProvider: true,
      codeLensProvider: { resolveProvider: false },
      completionProvider: { triggerCharacters: ['-', '=', ' ', '$', '{', ':'], resolveProvider: false },
      documentSymbolProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      foldingRangeProvider: true,
      // Measured layer sizes after "Build and measure" (lsp/image-measure.ts); none before a build.
      inlayHintProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'stevedore', version: typeof STEVEDORE_VERSION === 'string' ? STEVEDORE_VERSION : 'dev' },
  };
}

declare const STEVEDORE_VERSION: string | undefined;
