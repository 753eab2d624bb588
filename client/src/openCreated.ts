// Shows a file that a quick fix creates (e.g. "Create a .dockerignore"): a code action's command runs after its edit
// is applied, so an action whose edit creates a file gets a command that opens it.
import type * as vscode from 'vscode';

/** What this needs of a code action: its edit's target files and its command. */
export interface ActionLike<U> {
  edit?: { entries(): [U, unknown[]][] };
  command?: unknown;
}

/**
 * Gives an action whose edit writes a file that does not exist yet (one the edit creates) a command that opens
 * that file. Actions that already run a command (snippet edits) are left alone.
 */
export async function openCreatedFile<U, A extends ActionLike<U>>(action: A, exists: (uri: U) => Promise<boolean>, open: (uri: U) => vscode.Command): Promise<A> {
  if (!action.edit || action.command) return action;
  for (const [uri] of action.edit.entries()) {
    if (!(await exists(uri))) {
      action.command = open(uri);
      return action;
    }
  }
  return action;
}

/** True when the file or folder exists, through VS Code's file system (works for remote workspaces too). */
export async function uriExists(api: typeof vscode, uri: vscode.Uri): Promise<boolean> {
  // An untitled document exists only as an editor: an edit to it creates nothing.
  if (uri.scheme === 'untitled') return true;
  try {
    await api.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
