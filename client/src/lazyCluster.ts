// The cluster view and commands are registered at activation as thin stand-ins; their code (kubectl layer, tree
// model, the YAML parser for kubeconfigs) is a separate bundle loaded the first time the view or a command is used.
import type * as vscodeT from 'vscode';
import type { ClusterParts } from './cluster/register';
import { CLUSTER_COMMANDS } from '../../server/src/protocol';

/** `load` builds the cluster code; it gets the view's current selection (palette commands act on it). */
export function registerClusterLazily(vscode: typeof vscodeT, context: vscodeT.ExtensionContext, load: (selectedNodes: () => readonly unknown[]) => ClusterParts): void {
  let parts: ClusterParts | undefined;
  let view: vscodeT.TreeView<unknown> | undefined;
  const changed = new vscode.EventEmitter<unknown>();
  const get = (): ClusterParts => {
    if (!parts) {
      parts = load(() => view?.selection ?? []);
      context.subscriptions.push(parts.tree.onDidChangeTreeData((e) => changed.fire(e)));
    }
    return parts;
  };
  const provider: vscodeT.TreeDataProvider<unknown> = {
    onDidChangeTreeData: changed.event,
    getChildren: (node) => get().tree.getChildren(node as never),
    getTreeItem: (node) => get().tree.getTreeItem(node as never),
  };
  for (const id of CLUSTER_COMMANDS) context.subscriptions.push(vscode.commands.registerCommand(id, (arg?: unknown) => get().run(id, arg)));
  view = vscode.window.createTreeView('stevedore.clusters', { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(changed, view);
}
