// A test-only extension that runs the in-host mocha suite inside code-server's extension host, where
// `--extensionTestsPath` does not exist. It runs when STEVEDORE_HOST_TESTS names a results file and the workspace
// holds the `.stevedore-host-tests` marker; otherwise it does nothing (so it can stay installed for other scenarios).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runAndReport } from '../../suite/runner';

export async function activate(): Promise<void> {
  const resultsPath = process.env.STEVEDORE_HOST_TESTS;
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!resultsPath || !root || !fs.existsSync(path.join(root, '.stevedore-host-tests'))) return;
  // One run per results file: a reload of the window must not run the suite again.
  if (fs.existsSync(resultsPath)) return;
  const r = await runAndReport(resultsPath);
  console.log(`[stevedore host tests] ${r.passed} passed, ${r.failed} failed, ${r.pending} pending -> ${resultsPath}`);
}

export function deactivate(): void {}
