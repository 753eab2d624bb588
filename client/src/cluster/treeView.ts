// TreeDataProvider over the plain node model; errors surface as error items, never as a spinning tree.
import type * as vscodeT from 'vscode';
import { errorNode, type ClusterNode } from './model';

export class ClusterTreeProvider implements vscodeT.TreeDataProvider<ClusterNode> {
  private readonly changed: vscodeT.EventEmitter<ClusterNode | undefined>;
  readonly onDidChangeTreeData: vscodeT.Event<ClusterNode | undefined>;

  constructor(
    private readonly vscode: typeof vscodeT,
    private readonly roots: () => Promise<ClusterNode[]>,
  ) {
    this.changed = new vscode.EventEmitter<ClusterNode | undefined>();
    this.onDidChangeTreeData = this.changed.event;
  }

  /** Called with each node whose children VS Code asks for (an HPA watch stops when its node is no longer asked). */
  childrenRequested?: (node: ClusterNode) => void;

  /** Reloads one node (its item, and its children when it is expanded and the view visible). */
  refreshNode(node: ClusterNode): void {
    this.changed.fire(node);
  }

  /** Reloads the whole tree (expanded items reload their children). */
  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  getTreeItem(node: ClusterNode): vscodeT.TreeItem {
    const { TreeItem, TreeItemCollapsibleState, ThemeIcon, ThemeColor, MarkdownString } = this.vscode;
    const item = new TreeItem(node.label, node.collapsible ? TreeItemCollapsibleState.Collapsed : TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip ? new MarkdownString(node.tooltip) : undefined;
    item.contextValue = node.contextValue;
    if (node.command) item.command = node.command;
    if (node.icon) item.iconPath = new ThemeIcon(node.icon, node.contextValue === 'stevedore.error' ? new ThemeColor('errorForeground') : undefined);
    return item;
  }

  async getChildren(node?: ClusterNode): Promise<ClusterNode[]> {
    try {
      if (!node) return await this.roots();
      this.childrenRequested?.(node);
      return node.children ? await node.children() : [];
    } catch (e) {
      return [errorNode(node?.id ?? 'root', e)];
    }
  }
}
