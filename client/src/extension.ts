// The VS Code side, kept small so activation is cheap: the language client (dist/lsp.js) and the cluster
// features (dist/cluster.js) are separate bundles. The client starts on the next turn of the event loop; the
// cluster code loads when its view or a command is first used. Everything else lives in the language server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type * as ClusterModule from './cluster/register';
import type * as LspModule from './lsp';
import type * as HpaPreviewModule from './hpaPreview';
import { registerClusterLazily } from './lazyCluster';
import { applySnippetEdit } from './snippetEdit';
import { HPA_PREVIEW_COMMAND, type HpaPreviewArgs } from '../../server/src/protocol';
import { APPLY_SNIPPET_EDIT_COMMAND, BUILD_AND_MEASURE_COMMAND, MEASURE_FIX_COMMAND, type SnippetEditArgs } from '../../server/src/protocol';

let client: LanguageClient | undefined;

/** Loads one of the extension's other bundles (next to this one in dist/). */
function bundle<T>(name: string): T {
  return require(path.join(__dirname, name)) as T;
}

export function activate(context: ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(APPLY_SNIPPET_EDIT_COMMAND, (args: SnippetEditArgs) => applySnippetEdit(vscode, args)));
  // Build and measure an image (client/src/imageBuild.ts, in the language client's bundle); off in untrusted workspaces.
  for (const id of [BUILD_AND_MEASURE_COMMAND, MEASURE_FIX_COMMAND]) {
    context.subscriptions.push(vscode.commands.registerCommand(id, (arg?: unknown) => bundle<typeof LspModule>('lsp.js').runImageCommand(client, id, arg)));
  }
  // The cluster view and commands (kubectl); off in untrusted workspaces.
  registerClusterLazily(vscode, context, (selectedNodes) => bundle<typeof ClusterModule>('cluster.js').createCluster(context, selectedNodes));
  // The HPA behaviour preview (a webview, dist/hpaPreview.js): it only computes, so it also opens in untrusted workspaces.
  context.subscriptions.push(vscode.commands.registerCommand(HPA_PREVIEW_COMMAND, (args?: HpaPreviewArgs) => bundle<typeof HpaPreviewModule>('hpaPreview.js').openHpaPreview(vscode, args)));
  setImmediate(() => {
    client = bundle<typeof LspModule>('lsp.js').startLanguageClient(context);
  });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
