// Runs the server's snippet edits (fixes whose guessed values the user should tab through, e.g. resource requests).
import type * as vscode from 'vscode';
import type { SnippetEditArgs } from '../../server/src/protocol';

/** Inserts the snippet over the edit's range; does nothing (and says so) when the document changed since. */
export async function applySnippetEdit(api: typeof vscode, args: SnippetEditArgs): Promise<boolean> {
  const uri = api.Uri.parse(args.uri);
  const doc = await api.workspace.openTextDocument(uri);
  const { start, end } = args.edit.range;
  const range = new api.Range(start.line, start.character, end.line, end.character);
  if (doc.version !== args.version) {
    // The document changed since the fix was computed: its range may be stale, so do nothing rather than misplace it.
    void api.window.showWarningMessage('Stevedore: the document changed before the fix ran; run the quick fix again.');
    return false;
  }
  const editor = await api.window.showTextDocument(doc, { preserveFocus: false, preview: false });
  // keepWhitespace: the server already indented every line; VS Code must not re-indent them.
  return editor.insertSnippet(new api.SnippetString(args.snippet), range, { keepWhitespace: true, undoStopBefore: true, undoStopAfter: true });
}
