// Helpers for the in-host suite: waiting on the real VS Code API (events with timeouts, never sleeps).
import * as path from 'node:path';
import * as vscode from 'vscode';

declare const STEVEDORE_EXTENSION_ID: string;
/** `<publisher>.<name>` of the extension under test (from package.json at bundle time). */
export const EXTENSION_ID = STEVEDORE_EXTENSION_ID;

/** The workspace folder the suite runs in (a throwaway copy of test/vscode/workspace). */
export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the in-host suite needs a workspace folder (a copy of test/vscode/workspace)');
  return folder.uri.fsPath;
}

export function fileUri(rel: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), rel));
}

/** Opens a workspace file in an editor (pull diagnostics are requested for visible documents). */
export async function openFile(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(rel));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** The rule id of a diagnostic (`code` is `{ value, target }` when it links to the rule's docs). */
export function ruleId(d: vscode.Diagnostic): string {
  const c = d.code;
  return String(typeof c === 'object' && c !== null ? c.value : c ?? '');
}

export function ruleIds(ds: readonly vscode.Diagnostic[]): string[] {
  return ds.filter((d) => d.source === 'stevedore').map(ruleId);
}

/** Resolves with the document's diagnostics once `accept` holds for them; rejects with what was there after `ms`. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  ms = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let sub: vscode.Disposable | undefined;
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      sub?.dispose();
      if (timer) clearTimeout(timer);
    };
    const check = () => {
      const ds = vscode.languages.getDiagnostics(uri);
      if (!accept(ds)) return;
      finish();
      resolve(ds);
    };
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    timer = setTimeout(() => {
      finish();
      const now = ruleIds(vscode.languages.getDiagnostics(uri));
      reject(new Error(`timed out after ${ms} ms waiting for ${what} in ${uri.fsPath}; diagnostics now: [${now.join(', ')}]`));
    }, ms);
    check();
  });
}

/** Runs `act` and resolves with the document's diagnostics once they are next published after it. */
export function diagnosticsAfter(uri: vscode.Uri, act: () => Promise<void>, ms = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no new diagnostics for ${uri.fsPath} within ${ms} ms`));
    }, ms);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      sub.dispose();
      clearTimeout(timer);
      resolve(vscode.languages.getDiagnostics(uri));
    });
    act().catch((e) => {
      sub.dispose();
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Waits until every rule id is reported for the file, and returns the diagnostics. */
export function waitForRules(uri: vscode.Uri, ids: string[], ms?: number): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (ds) => ids.every((id) => ruleIds(ds).includes(id)), `rules ${ids.join(', ')}`, ms);
}

/** Code actions VS Code collects from every provider for a range (what Ctrl+. shows), optionally of one kind. */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  // Resolved as the editor resolves the one a user picks: the server sends fix-all and whole-file rewrites without
  // their edit and computes it on codeAction/resolve.
  const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', uri, range, kind, 1000);
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

/** Applies an action's workspace edit as the editor would, failing when VS Code refuses it. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  if (!action.edit) throw new Error(`code action "${action.title}" has no edit`);
  const ok = await vscode.workspace.applyEdit(action.edit);
  if (!ok) throw new Error(`VS Code did not apply the edit of "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** The markdown of every hover at a position, joined. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** Completion labels VS Code collects at a position. */
export async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

/** The position of the n-th (0-based) occurrence of `needle`, shifted by `shift` characters. */
export function positionOf(doc: vscode.TextDocument, needle: string, shift = 0, nth = 0): vscode.Position {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (occurrence ${nth}) not found in ${doc.uri.fsPath}`);
  }
  return doc.positionAt(at + shift);
}

/** Writes a file into the workspace copy and opens it (the suite avoids untitled documents: closing them prompts). */
export async function writeAndOpen(rel: string, content: string): Promise<vscode.TextDocument> {
  const uri = fileUri(rel);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
  return vscode.workspace.openTextDocument(uri);
}

/**
 * Puts every edited document back to what is on disk and closes the editors. The text is restored with an edit and
 * saved (a no-op on disk) instead of "revert", which needs the document's editor to be active.
 */
export async function revertAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty || doc.isUntitled) continue;
    const disk = Buffer.from(await vscode.workspace.fs.readFile(doc.uri)).toString('utf8');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), disk);
    await vscode.workspace.applyEdit(edit);
    await doc.save();
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
