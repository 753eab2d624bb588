// "Watch" on an HPA node: the node refreshes live (description, replicas, metrics, events) while VS Code keeps asking
// for its children, and stops when it no longer does (collapsed, or the view hidden). The view is played by the real
// ClusterTreeProvider with a stand-in for vscode's EventEmitter; kubectl is real, against the test API server.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import { HpaWatch } from '../../client/src/cluster/hpaWatch';
import { readKubeconfig } from '../../client/src/cluster/kubeconfig';
import { ClusterModel, type ClusterNode } from '../../client/src/cluster/model';
import { ClusterTreeProvider } from '../../client/src/cluster/treeView';
import { startTestCluster, type TestCluster } from '../support/apiserver/index';
import { waitFor } from '../support/apiserver/kubectl';
import { liveKubectl, tempDir } from './support';

const tmp = tempDir();
after(tmp.cleanup);

let cluster: TestCluster;
beforeEach(async () => (cluster = await startTestCluster({ tickMs: 50 })));
afterEach(() => cluster?.close());

class Emitter<T> {
  private listeners: ((e: T) => void)[] = [];
  event = (l: (e: T) => void) => (this.listeners.push(l), { dispose: () => undefined });
  fire(e: T) {
    for (const l of this.listeners) l(e);
  }
  dispose() {}
}

/** The view: on a node's refresh it reads the item and, while the node is expanded, its children. */
function view(cluster: TestCluster) {
  const log: string[] = [];
  const k = liveKubectl(cluster.kubeconfig, mkdtempSync(join(tmp.dir, 'home-')), log);
  const model = new ClusterModel({ kubectl: () => k, kubeconfig: () => readKubeconfig([cluster.kubeconfig]), selection: () => ({}) });
  const tree = new ClusterTreeProvider({ EventEmitter: Emitter } as never, () => model.roots());
  const watch = new HpaWatch({ kubectl: () => k, intervalMs: () => 100, refresh: (n) => tree.refreshNode(n) });
  tree.childrenRequested = (n) => watch.childrenRequested(n);
  const state = { expanded: true, refreshes: 0, shown: [] as string[], description: '', pending: new Set<Promise<unknown>>() };
  tree.onDidChangeTreeData((node) => {
    if (!node) return;
    state.refreshes++;
    state.description = node.description ?? '';
    if (!state.expanded) return;
    const loading = tree.getChildren(node).then((c) => (state.shown = c.map((n) => `${n.label} — ${n.description ?? ''}`)));
    state.pending.add(loading);
    void loading.finally(() => state.pending.delete(loading));
  });
  const find = async (nodes: ClusterNode[], label: string) => {
    const n = nodes.find((x) => x.label === label);
    assert.ok(n, `"${label}" in [${nodes.map((x) => x.label).join(', ')}]`);
    return n;
  };
  const hpa = async (name: string) => {
    const shop = await find(await tree.getChildren((await model.roots())[0]), 'shop');
    return find(await tree.getChildren(await find(await tree.getChildren(shop), 'HorizontalPodAutoscalers')), name);
  };
  return { tree, watch, state, hpa, log };
}

describe('HPA watch', () => {
  test('an expanded HPA follows the scaling live; collapsing it stops the polling', async () => {
    const v = view(cluster);
    const node = await v.hpa('web');
    assert.equal(node.description, '3 replicas (2–10) · cpu 83%/70%');
    assert.equal(v.watch.start(node), true);
    assert.equal(v.watch.isWatching(node.id), true);
    await waitFor('the first refresh', () => v.state.shown[0]?.startsWith('Replicas — 3 current'));
    assert.equal(v.state.description, '3 replicas (2–10) · cpu 83%/70% · watching');

    cluster.setHpaLoad('shop', 'web', 600);
    await waitFor('the node shows the HPA at 9 replicas', () => v.state.description === '9 replicas (2–10) · cpu 66%/70% · watching' || undefined, 20000);
    // The children come from their own read: one taken between the rescale and the next metrics sync shows 9
    // replicas at the old utilisation (100%); wait for a read with both.
    await waitFor('its children too', () => v.state.shown[0]?.startsWith('Replicas — 9 current · 9 desired · min 2 · max 10 · last scaled') && v.state.shown.includes('cpu — 66% / 70%'), 10000);
    assert.match(v.state.shown.find((l) => l.startsWith('Events')) ?? '', /^Events — [1-9]/);

    v.state.expanded = false; // collapsed: VS Code refreshes the item but no longer asks for its children
    await waitFor('the watch stops', () => !v.watch.isWatching(node.id), 15000);
    await Promise.all(v.state.pending); // children asked for before the collapse may still be loading
    const { refreshes } = v.state;
    const calls = v.log.length;
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(v.state.refreshes, refreshes, 'no refresh after the stop');
    assert.equal(v.log.length, calls, 'no kubectl after the stop');
    assert.equal(node.description, '9 replicas (2–10) · cpu 66%/70%');

    // Expanded again later, the node reads the HPA as it is then (not as the tree first listed it).
    cluster.setHpaLoad('shop', 'web', null);
    const again = (await node.children!()).map((n) => `${n.label} — ${n.description}`);
    assert.match(again[0], /^Replicas — \d+ current/);
    assert.ok(v.log.some((l) => l.endsWith('get horizontalpodautoscaler/web -o json')));
  });

  test('a node that is not expanded stops after its first refresh; only HPA nodes can be watched', async () => {
    const v = view(cluster);
    v.state.expanded = false;
    const node = await v.hpa('worker');
    assert.equal(v.watch.start(node), true);
    await waitFor('stopped', () => !v.watch.isWatching(node.id), 15000);
    assert.equal(v.state.refreshes, 1);
    assert.equal(v.state.description, '1 replica (1–3) · metrics unavailable · watching');
    assert.equal(node.description, '1 replica (1–3) · metrics unavailable');
    assert.equal(v.watch.start({ id: 'x', label: 'web', contextValue: 'stevedore.deployment', collapsible: true, target: { context: 'stevedore-test', namespace: 'shop', kind: 'deployment', name: 'web' } }), false);
    assert.equal(v.watch.start(undefined), false);
  });
});
