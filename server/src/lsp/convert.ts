// Conversions between core results and LSP structures.
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CreateFile,
  DiagnosticSeverity,
  TextDocumentEdit,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsUrl } from '../core/rule';
import type { Finding, FixResult, Severity } from '../core/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};
const FROM_SEVERITY: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export const SOURCE = 'stevedore';

export function toDiagnostic(f: Finding): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    // A finding with a page of its own (ShellCheck's wiki) links there instead of the rule's docs.
    codeDescription: { href: typeof f.data?.docsUrl === 'string' ? f.data.docsUrl : ruleDocsUrl(f.ruleId) },
    source: SOURCE,
    message: f.message,
    data: f.data ?? {},
  };
}

/** The finding a diagnostic of ours came from (diagnostics round-trip through the client). */
export function fromDiagnostic(d: Diagnostic): Finding | undefined {
  if (d.source !== SOURCE || typeof d.code !== 'string') return undefined;
  return {
    ruleId: d.code,
    severity: FROM_SEVERITY[d.severity ?? 1] ?? 'error',
    message: d.message,
    range: d.range,
    data: (d.data as Record<string, unknown> | undefined) ?? undefined,
  };
}

/** The filesystem path of a file: URI, or undefined for other schemes (untitled documents). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).toString();
}

/** A WorkspaceEdit for a fix: document edits, plus created or edited files (needs documentChanges support). */
export function toWorkspaceEdit(doc: TextDocument, result: FixResult, documentChanges: boolean): WorkspaceEdit | undefined {
  const files = result.files ?? [];
  if (!files.length) {
    return documentChanges
      ? { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, result.edits)] }
      : { changes: { [doc.uri]: result.edits } };
  }
  if (!documentChanges) return undefined;
  const changes: NonNullable<WorkspaceEdit['documentChanges']> = [];
  if (result.edits.length) changes.push(TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, result.edits));
  for (const f of files) {
    const uri = pathToUri(f.path);
    if (f.create !== undefined) {
      changes.push(CreateFile.create(uri, { ignoreIfExists: true }));
      changes.push(TextDocumentEdit.create({ uri, version: null }, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: f.create }]));
    } else if (f.edits) {
      changes.push(TextDocumentEdit.create({ uri, version: null }, f.edits));
    }
  }
  return { documentChanges: changes };
}
