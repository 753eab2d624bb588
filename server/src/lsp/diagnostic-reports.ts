// Pulled diagnostics with result ids (LSP 3.17): the client sends the id of the last report it holds for a document,
// and when the diagnostics of the new version are the same, the answer is `unchanged` instead of the whole list
// again. Typing in a big Dockerfile mostly leaves its findings as they were: the client (vscode-languageclient)
// then keeps what it shows instead of converting and re-rendering hundreds of diagnostics per keystroke.
import { DocumentDiagnosticReportKind, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver/node';

interface Reported {
  resultId: string;
  /** The report's items as JSON (what the client received): compared as text, natively, so a first compare in a
   * fresh process is not hundreds of thousands of interpreted steps; a difference in key order only costs a full report. */
  json: string;
}

export class DiagnosticReports {
  private readonly last = new Map<string, Reported>();
  private count = 0;
  /** Ids of this process only: an id from an earlier server (the client kept it across a restart) never matches. */
  private readonly prefix = `${process.pid.toString(36)}.${Date.now().toString(36)}.`;

  /** The report for `items`: unchanged when they equal those of the report the client holds (`previousResultId`). */
  report(uri: string, previousResultId: string | undefined, items: Diagnostic[]): DocumentDiagnosticReport {
    const last = this.last.get(uri);
    const json = JSON.stringify(items);
    if (last && previousResultId === last.resultId && last.json === json) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
    const resultId = this.prefix + ++this.count;
    this.last.set(uri, { resultId, json });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  }

  /** The document was closed: its next report is a full one. */
  forget(uri: string): void {
    this.last.delete(uri);
  }
}
