// Pulled diagnostics with result ids (LSP 3.17): the client sends the id of the last report it holds for a document,
// and when the diagnostics of the new version are the same, the answer is `unchanged` instead of the whole list
// again. Typing in a big Dockerfile mostly leaves its findings as they were: the client (vscode-languageclient)
// then keeps what it shows instead of converting and re-rendering hundreds of diagnostics per keystroke.
import { DocumentDiagnosticReportKind, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver/node';

interface Reported {
  resultId: string;
  items: Diagnostic[];
}

export class DiagnosticReports {
  private readonly last = new Map<string, Reported>();
  private count = 0;
  /** Ids of this process only: an id from an earlier server (the client kept it across a restart) never matches. */
  private readonly prefix = `${process.pid.toString(36)}.${Date.now().toString(36)}.`;

  /** The report for `items`: unchanged when they equal those of the report the client holds (`previousResultId`). */
  report(uri: string, previousResultId: string | undefined, items: Diagnostic[]): DocumentDiagnosticReport {
    const last = this.last.get(uri);
    if (last && previousResultId === last.resultId && sameJson(last.items, items)) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
    const resultId = this.prefix + ++this.count;
    this.last.set(uri, { resultId, items });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  }

  /** The document was closed: its next report is a full one. */
  forget(uri: string): void {
    this.last.delete(uri);
  }
}

/** Whether two JSON-like values are equal as JSON (plain objects and arrays compared member by member; undefined members as absent). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], other[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter((k) => x[k] !== undefined);
  if (keys.length !== Object.keys(y).filter((k) => y[k] !== undefined).length) return false;
  for (const k of keys) if (!sameJson(x[k], y[k])) return false;
  return true;
}
