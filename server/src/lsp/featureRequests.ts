// Request handlers for hover, code lenses, definition, references, completion, document symbols and folding: each
// finds the document's language and asks it; a language without the feature answers nothing.
import type { Connection } from 'vscode-languageserver/node';
import { languageOf } from './languages';
import type { SessionContext } from './session';

/** Registers the read-only editor features on `connection`. */
export function registerFeatureRequests(connection: Connection, session: SessionContext): void {
  const { documents, analysisOf } = session;

  connection.onHover(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    const analysis = await analysisOf(params.textDocument.uri, token);
    if (!doc || !analysis) return null;
    return analysis.language.hover(doc, analysis, params.position);
  });

  connection.onCodeLens(async (params, token) => {
    const analysis = await analysisOf(params.textDocument.uri, token);
    return analysis ? analysis.language.lenses(analysis, session.options) : [];
  });

  connection.onDefinition(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    const analysis = await analysisOf(params.textDocument.uri, token);
    return (doc && analysis && analysis.language.definition?.(doc, analysis, params.position)) || [];
  });

  connection.onReferences(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    const analysis = await analysisOf(params.textDocument.uri, token);
    return (doc && analysis && analysis.language.references?.(doc, analysis, params.position)) || [];
  });

  connection.onCompletion(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    const language = doc && languageOf(doc);
    if (!doc || !language) return [];
    return language.complete(doc, params.position, () => analysisOf(params.textDocument.uri, token));
  });

  connection.onDocumentSymbol(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    const language = doc && languageOf(doc);
    if (!doc || !language) return [];
    return language.symbols(doc, params.textDocument, () => analysisOf(params.textDocument.uri, token));
  });

  connection.onFoldingRanges((params) => {
    const doc = documents.get(params.textDocument.uri);
    const language = doc && languageOf(doc);
    return (doc && language?.folding?.(doc)) || [];
  });
}
