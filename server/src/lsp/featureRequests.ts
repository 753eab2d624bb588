// Request handlers for hover, code lenses, definition, references, completion, document symbols and folding: each
// finds the document's language and asks it; a language without the feature answers nothing.
import { MarkupKind, type Connection, type Hover } from 'vscode-languageserver/node';
import { languageOf } from './languages';
import type { SessionContext } from './session';

/** Registers the read-only editor features on `connection`. */
export function registerFeatureRequests(connection: Connection, session: SessionContext): void {
  const { documents, analysisOf } = session;

  connection.onHover(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    const analysis = await analysisOf(params.textDocument.uri, token);
    if (!doc || !analysis) return null;
    return withMarkdown(analysis.language.hover(doc, analysis, params.position), session.images.hover(doc.uri, analysis, params.position));
  });

  connection.onCodeLens(async (params, token) => {
    const analysis = await analysisOf(params.textDocument.uri, token);
    return analysis ? [...analysis.language.lenses(analysis, session.options), ...session.images.lenses(params.textDocument.uri, analysis)] : [];
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

/** A hover with measured sizes (image-measure.ts) after the language's own parts. */
function withMarkdown(hover: Hover | null, extra: string | undefined): Hover | null {
  if (!extra) return hover;
  const own = hover && typeof hover.contents === 'object' && 'kind' in hover.contents ? hover.contents.value : undefined;
  return { ...(hover ?? {}), contents: { kind: MarkupKind.Markdown, value: own ? `${own}\n\n---\n\n${extra}` : extra } };
}
