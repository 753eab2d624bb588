// The vscode-bound glue (register.ts, treeView.ts, ui.ts) against a small stand-in for the `vscode` module.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { tempDir, waitFor } from './support';

const tmp = tempDir();
after(tmp.cleanup);

type Listener<T> = (e: T) => unknown;
class EventEmitter<T> {
  listeners: Listener<T>[] = [];
  event = (l: Listener<T>) => {
    this.listeners.push(l);
    return { dispose: () => undefined };
  };
  fire(e: T) {
    for (const l of this.listeners) l(e);
  }
  dispose() {}
}
class TreeItem {
  id?: string;
  description?: string;
  tooltip?: unknown;
  contextValue?: string;
  iconPath?: unknown;
  constructor(public label: string, public collapsibleState: number) {}
}

const settings: Record<string, unknown> = {};
const seen = { warnings: [] as { message: string; options?: unknown; items: string[] }[], infos: [] as string[], output: [] as string[], commands: new Map<string, (...a: unknown[]) => unknown>() };
let treeProvider: { getChildren(n?: unknown): Promise<{ label: string; contextValue: string }[]>; getTreeItem(n: unknown): TreeItem; onDidChangeTreeData: (l: Listener<unknown>) => unknown } | undefined;
const grantTrust = new EventEmitter<void>();
const configChange = new EventEmitter<{ affectsConfiguration: (s: string) => boolean }>();
let warningAnswer: string | undefined;
// What the user has selected in the cluster view (the view's `selection`).
let viewSelection: unknown[] = [];

const fakeVscode = {
  EventEmitter,
  TreeItem,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ThemeIcon: class { constructor(public id: string, public color?: unknown) {} },
  ThemeColor: class { constructor(public id: string) {} },
  MarkdownString: class { constructor(public value: string) {} },
  ProgressLocation: { Notification: 15 },
  Disposable: { from: (...d: unknown[]) => ({ dispose: () => d }) },
  Uri: class { static from(c: object) { return { ...c, toString: () => JSON.stringify(c) }; } },
  workspace: {
    isTrusted: false,
    getConfiguration: () => ({ get: (key: string, def?: unknown) => (key in settings ? settings[key] : def) }),
    onDidGrantWorkspaceTrust: grantTrust.event,
    onDidChangeConfiguration: configChange.event,
    registerTextDocumentContentProvider: () => ({ dispose() {} }),
  },
  window: {
    activeTextEditor: undefined,
    createOutputChannel: () => ({ appendLine: (l: string) => seen.output.push(l), dispose() {} }),
    createTreeView: (id: string, opts: { treeDataProvider: typeof treeProvider }) => {
      assert.equal(id, 'stevedore.clusters');
      treeProvider = opts.treeDataProvider;
      return {
        get selection() {
          return viewSelection;
        },
        dispose() {},
      };
    },
    showWarningMessage: async (message: string, ...rest: unknown[]) => {
      const [options, ...items] = typeof rest[0] === 'object' ? rest : [undefined, ...rest];
      seen.warnings.push({ message, options, items: items as string[] });
      return warningAnswer;
    },
    showInformationMessage: async (m: string) => void seen.infos.push(m),
    showErrorMessage: async (m: string) => void seen.infos.push(`error: ${m}`),
    withProgress: (_o: unknown, task: (p: unknown, t: unknown) => unknown) => {
      const cancel = new EventEmitter<void>();
      return task({ report() {} }, { onCancellationRequested: cancel.event });
    },
  },
  commands: {
    registerCommand: (id: string, fn: (...a: unknown[]) => unknown) => {
      seen.commands.set(id, fn);
      return { dispose() {} };
    },
  },
};

// register.ts loads 'vscode' lazily with require(); hand it the stand-in.
const mod = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const originalLoad = mod._load;
mod._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? fakeVscode : originalLoad.call(this, request, ...rest);
};
after(() => {
  mod._load = originalLoad;
});

test('cluster wiring: untrusted shows only the notice; after trust the tree lists contexts and kubectl is logged', async () => {
  const kubeconfig = join(tmp.dir, 'kubeconfig');
  writeFileSync(kubeconfig, `apiVersion: v1\nkind: Config\ncurrent-context: dev\nclusters: [{name: c, cluster: {server: 'http://127.0.0.1:1'}}]\nusers: [{name: u, user: {token: t}}]\ncontexts:\n- {name: dev, context: {cluster: c, user: u, namespace: shop}}\n- {name: prod-eu, context: {cluster: c, user: u}}\n`);
  settings['kubeconfig'] = kubeconfig;
  settings['kubectl.path'] = '/usr/bin/kubectl';
  settings['cluster.requestTimeout'] = 5;
  // As activate() wires it: stand-in commands and tree at once, the cluster code on first use.
  const { createCluster } = await import('../../client/src/cluster/register');
  const { registerClusterLazily } = await import('../../client/src/lazyCluster');
  const subscriptions: unknown[] = [];
  const memento = new Map<string, unknown>();
  const context = { subscriptions, globalState: { get: (k: string) => memento.get(k), update: async (k: string, v: unknown) => void memento.set(k, v) } } as never;
  let loaded = 0;
  registerClusterLazily(fakeVscode as never, context, (selectedNodes) => (loaded++, createCluster(context, selectedNodes)));
  assert.equal(loaded, 0, 'the cluster code is not loaded at activation');

  assert.deepEqual([...seen.commands.keys()].sort(), [
    'stevedore.applyFile', 'stevedore.copyMetricsInstallCommand', 'stevedore.describe', 'stevedore.portForward', 'stevedore.previewClusterScaling', 'stevedore.refreshClusters', 'stevedore.rolloutHistory', 'stevedore.rolloutRestart', 'stevedore.rolloutStatus',
    'stevedore.rolloutUndo', 'stevedore.scale', 'stevedore.selectContext', 'stevedore.selectNamespace', 'stevedore.setImage', 'stevedore.showEvents', 'stevedore.showLogs', 'stevedore.stopLogs', 'stevedore.stopPortForward', 'stevedore.useAsCurrentContext', 'stevedore.watchHpa',
  ]);
  assert.ok(treeProvider);
  assert.deepEqual((await treeProvider.getChildren()).map((n) => n.label), ['Cluster features are disabled in untrusted workspaces.']);
  await seen.commands.get('stevedore.rolloutUndo')!({ name: 'web' });
  assert.deepEqual(seen.warnings.map((w) => w.message), ['Cluster features are disabled in untrusted workspaces.']);
  assert.equal(seen.output.length, 0, 'nothing ran, not even an output channel');

  let refreshed = 0;
  treeProvider.onDidChangeTreeData(() => refreshed++);
  grantTrust.fire();
  assert.equal(refreshed, 1);
  const roots = await treeProvider.getChildren();
  assert.deepEqual(roots.map((n) => n.label), ['dev', 'prod-eu']);
  const item = treeProvider.getTreeItem(roots[0]);
  assert.equal(item.id, 'ctx:dev');
  assert.equal(item.contextValue, 'stevedore.context.current');
  assert.equal(item.collapsibleState, 1);

  // Expanding the unreachable context runs kubectl: an error item, and the exact command line in the output channel.
  const [err] = await treeProvider.getChildren(roots[0]);
  assert.equal(err.contextValue, 'stevedore.error');
  assert.match(err.label, /^Cannot reach the cluster of context "dev"/);
  assert.equal(seen.output[0], `$ /usr/bin/kubectl --context dev --kubeconfig ${kubeconfig} --request-timeout=5s get namespaces -o json`);

  // A setting change is picked up on the next command.
  settings['cluster.requestTimeout'] = 9;
  configChange.fire({ affectsConfiguration: (s) => s === 'stevedore.cluster' });
  await treeProvider.getChildren(roots[0]);
  await waitFor(() => seen.output.some((l) => l.includes('--request-timeout=9s')), 5000, 'the new timeout');

  // Modal confirmation through showWarningMessage; declining changes nothing.
  warningAnswer = undefined;
  assert.equal(await seen.commands.get('stevedore.useAsCurrentContext')!({ target: { context: 'prod-eu' } }), undefined);
  const modal = seen.warnings.at(-1)!;
  assert.equal(modal.message, `Make "prod-eu" kubectl's current-context?`);
  assert.deepEqual(modal.options, { modal: true, detail: `This runs "kubectl config use-context prod-eu" and changes ${kubeconfig} for every terminal and tool that uses it.` });
  assert.deepEqual(modal.items, ['Use Context']);
  assert.ok(!seen.output.some((l) => l.includes('use-context')));

  // "Rollout Status" from the palette (no argument) acts on the Deployment selected in the view: no pick, no cursor.
  viewSelection = [{ id: 'x', label: 'web', contextValue: 'stevedore.deployment', collapsible: true, target: { context: 'prod-eu', namespace: 'shop', kind: 'deployment', name: 'web' } }];
  const before = seen.output.length;
  await seen.commands.get('stevedore.rolloutStatus')!();
  assert.match(seen.output.slice(before).join('\n'), /^\$ \/usr\/bin\/kubectl --context prod-eu --namespace shop .* deployment\/web/m);
  viewSelection = [];
});
