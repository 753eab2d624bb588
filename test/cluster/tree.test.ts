// The cluster tree model: lazy levels, one kubectl call per namespace, descriptions, error items instead of spinners.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readKubeconfig } from '../../client/src/cluster/kubeconfig';
import { Kubectl } from '../../client/src/cluster/kubectl';
import { ClusterModel } from '../../client/src/cluster/model';
import { startTestCluster, type TestCluster } from '../support/apiserver/index';
import { childrenOf as children, commandOf, fakeKubectl, findNode as find, liveKubectl, showNodes as show, tempDir, waitFor, type FakeRule } from './support';

const tmp = tempDir();
after(tmp.cleanup);
const sub = () => mkdtempSync(join(tmp.dir, 'fake-'));
const now = Date.parse('2025-01-10T12:00:00Z');
const ago = (min: number) => new Date(now - min * 60_000).toISOString();

const kubeconfigFile = join(tmp.dir, 'kubeconfig.yaml');
writeFileSync(kubeconfigFile, `apiVersion: v1
kind: Config
current-context: dev
clusters:
- {name: c, cluster: {server: 'http://127.0.0.1:1'}}
users:
- {name: u, user: {token: t}}
contexts:
- {name: dev, context: {cluster: c, user: u, namespace: shop}}
- {name: unreachable, context: {cluster: c, user: u}}
`);


const list = (items: object[]) => JSON.stringify({ kind: 'List', apiVersion: 'v1', items });
const web = {
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', uid: 'web-uid', creationTimestamp: ago(600), annotations: { 'deployment.kubernetes.io/revision': '3' } },
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'web', image: 'registry.example.com/web:1.2.0' }] } } },
  status: { replicas: 3, readyReplicas: 3 },
};
const many = Array.from({ length: 300 }, (_, i) => ({
  kind: 'Deployment',
  metadata: { name: `app-${String(i).padStart(3, '0')}`, uid: `u${i}`, annotations: { 'deployment.kubernetes.io/revision': '1' } },
  spec: { replicas: 2, selector: { matchLabels: { app: `a${i}` } } },
  status: { readyReplicas: 1 },
}));
const rs = (rev: number, image: string, cause: string, owner = 'web-uid') => ({
  kind: 'ReplicaSet',
  metadata: { name: `web-${rev}abc`, creationTimestamp: ago(60 * (4 - rev)), annotations: { 'deployment.kubernetes.io/revision': String(rev), 'kubernetes.io/change-cause': cause }, ownerReferences: [{ kind: 'Deployment', uid: owner, controller: true }] },
  spec: { template: { spec: { containers: [{ name: 'web', image }] } } },
});

const rules: FakeRule[] = [
  { cmd: 'api-resources --api-group=keda.sh -o name', stdout: 'scaledjobs.keda.sh\nscaledobjects.keda.sh\ntriggerauthentications.keda.sh\n' },
  { cmd: 'get namespaces -o json', stdout: list([{ metadata: { name: 'shop' } }, { metadata: { name: 'default' } }, { metadata: { name: 'big' } }]) },
  {
    cmd: 'get deployments,services,ingresses,horizontalpodautoscalers,scaledobjects.keda.sh -o json',
    stdout: list([
      web,
      { kind: 'Service', metadata: { name: 'web' }, spec: { type: 'ClusterIP', clusterIP: '10.0.0.12', ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] } },
      { kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' }, spec: { minReplicas: 2, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] }, status: { currentReplicas: 4, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 83 } } }] } },
      { kind: 'ScaledObject', metadata: { name: 'worker' }, spec: { minReplicaCount: 1, maxReplicaCount: 20, triggers: [{ type: 'prometheus' }] }, status: { conditions: [{ type: 'Ready', status: 'True' }] } },
      ...many,
    ]),
  },
  { cmd: 'get replicasets -l app=web -o json', stdout: list([rs(1, 'registry.example.com/web:1.0.0', 'initial'), rs(3, 'registry.example.com/web:1.2.0', 'bump to 1.2.0'), rs(2, 'registry.example.com/web:1.1.0', 'bump to 1.1.0'), rs(9, 'other:1', 'x', 'someone-else')]) },
  { cmd: 'get pods -l app=web -o json', stdout: list([{ metadata: { name: 'web-3abc-x1', creationTimestamp: ago(5) }, status: { phase: 'Running', containerStatuses: [{ ready: true, restartCount: 0 }] } }]) },
];

function model(kubectlPath: string, extra: Partial<ConstructorParameters<typeof Kubectl>[0]> = {}, selection = {}) {
  const k = new Kubectl({ path: kubectlPath, requestTimeoutSec: 5, log: () => undefined, env: { ...process.env, HOME: tmp.dir }, cacheDir: join(tmp.dir, 'cache'), ...extra });
  return new ClusterModel({ kubectl: () => k, kubeconfig: () => readKubeconfig([kubeconfigFile]), selection: () => selection, now: () => now });
}

describe('tree model (fake kubectl)', () => {
  test('contexts → namespaces → kind groups → objects → revisions and pods, with one get per namespace', async () => {
    const fake = fakeKubectl(sub(), rules);
    const m = model(fake.path, {}, { context: 'unreachable' });
    const roots = await m.roots();
    assert.deepEqual(show(roots), ['dev — current-context', 'unreachable — ● selected']);
    assert.equal(roots[0].contextValue, 'stevedore.context.current');

    const namespaces = await children(roots[0]);
    assert.deepEqual(show(namespaces), ['big', 'default', 'shop — ● selected'], "the context's own namespace is marked");
    const groups = await children(find(namespaces, 'shop'));
    assert.deepEqual(show(groups), ['Deployments — 301', 'Services — 1', 'Ingresses — 0', 'HorizontalPodAutoscalers — 1', 'ScaledObjects (KEDA) — 1']);
    const deployments = await children(find(groups, 'Deployments'));
    assert.equal(deployments.length, 301);
    assert.deepEqual(show(deployments.slice(0, 2)), ['app-000 — 1/2 ready · rev 1', 'app-001 — 1/2 ready · rev 1']);
    assert.deepEqual(show(await children(find(groups, 'HorizontalPodAutoscalers'))), ['web — 4 replicas (2–10) · cpu 83%/70%']);
    assert.deepEqual(show(await children(find(groups, 'Services'))), ['web — ClusterIP · 10.0.0.12 · 80→8080/TCP']);
    assert.deepEqual(show(await children(find(groups, 'ScaledObjects (KEDA)'))), ['worker — 1–20 · prometheus · Ready']);

    const webNode = find(deployments, 'web');
    assert.equal(webNode.description, '3/3 ready · rev 3');
    assert.deepEqual(webNode.target, { context: 'dev', namespace: 'shop', kind: 'deployment', name: 'web' });
    const [revisions, pods] = await children(webNode);
    const revs = await children(revisions);
    assert.deepEqual(show(revs), [
      'Revision 3 (current) — registry.example.com/web:1.2.0 · bump to 1.2.0 · 1h',
      'Revision 2 — registry.example.com/web:1.1.0 · bump to 1.1.0 · 2h',
      'Revision 1 — registry.example.com/web:1.0.0 · initial · 3h',
    ]);
    assert.deepEqual(revs.map((r) => r.contextValue), ['stevedore.revision.current', 'stevedore.revision', 'stevedore.revision']);
    assert.equal(revs[1].target?.revision, 2);
    assert.deepEqual(show(await children(pods)), ['web-3abc-x1 — Running · 1/1 ready · 0 restarts · 5m']);

    // Expanding a second namespace reuses the KEDA discovery of the context.
    await children(find(namespaces, 'big'));
    const commands = fake.calls().map(commandOf);
    assert.deepEqual(commands, [
      'get namespaces -o json',
      'api-resources --api-group=keda.sh -o name',
      'get deployments,services,ingresses,horizontalpodautoscalers,scaledobjects.keda.sh -o json',
      'get replicasets -l app=web -o json',
      'get pods -l app=web -o json',
      'get deployments,services,ingresses,horizontalpodautoscalers,scaledobjects.keda.sh -o json',
    ]);
    for (const argv of fake.calls()) {
      assert.deepEqual(argv.slice(0, 2), ['--context', 'dev']);
      assert.ok(argv.includes('--request-timeout=5s'));
    }
    const nsOf = (argv: string[]) => argv[argv.indexOf('--namespace') + 1];
    assert.deepEqual(fake.calls().filter((a) => a.includes('--namespace')).map(nsOf), ['shop', 'shop', 'shop', 'big']);
  });

  test('without the KEDA CRD there is no ScaledObjects group and no request for it', async () => {
    const fake = fakeKubectl(sub(), [
      { cmd: 'api-resources', stdout: '' },
      { cmd: 'get deployments,services,ingresses,horizontalpodautoscalers -o json', stdout: list([web]) },
      ...rules,
    ]);
    const m = model(fake.path);
    const groups = await children(find(await children((await m.roots())[0]), 'shop'));
    assert.deepEqual(show(groups), ['Deployments — 1', 'Services — 0', 'Ingresses — 0', 'HorizontalPodAutoscalers — 0']);
  });

  test('failures become error items: malformed output, forbidden namespace list, a hung kubectl', async () => {
    const fake = fakeKubectl(sub(), [
      { cmd: 'get namespaces', code: 1, stderr: 'Error from server (Forbidden): namespaces is forbidden: User "dev" cannot list resource "namespaces" in API group "" at the cluster scope\n' },
      { cmd: 'api-resources', stdout: '' },
      { cmd: 'get deployments', stdout: 'Warning: something\n{"kind":' },
    ]);
    const m = model(fake.path);
    const namespaces = await children((await m.roots())[0]);
    assert.deepEqual(show(namespaces), ['shop — ● selected', 'Cannot list namespaces here; use "Select Namespace" to open another']);
    const groups = await children(namespaces[0]);
    assert.equal(groups.length, 1);
    assert.equal(groups[0].contextValue, 'stevedore.error');
    assert.match(groups[0].label, /^kubectl get returned output that is not JSON: "Warning: something \{"kind":"/);

    fake.setRules([{ cmd: 'get namespaces', hang: true }]);
    const hung = model(fake.path, { defaultTimeoutMs: 400 });
    const started = Date.now();
    const [err] = await children((await hung.roots())[0]);
    assert.equal(err.contextValue, 'stevedore.error');
    assert.match(err.label, /kubectl did not finish within 0\.4s \(context "dev"\); it was stopped/);
    assert.ok(Date.now() - started < 5000);
  });

  test('a kubeconfig without contexts says so', async () => {
    const empty = join(tmp.dir, 'empty.yaml');
    writeFileSync(empty, 'apiVersion: v1\nkind: Config\n');
    const m = new ClusterModel({ kubectl: () => { throw new Error('not used'); }, kubeconfig: () => readKubeconfig([empty]), selection: () => ({}) });
    assert.deepEqual(show(await m.roots()), [`No contexts in ${empty}`]);
  });
});

describe('tree model (real kubectl)', () => {
  test('a missing kubectl shows how to configure it instead of children', async () => {
    const m = model(join(tmp.dir, 'not-installed', 'kubectl'));
    const [err] = await children((await m.roots())[0]);
    assert.equal(err.contextValue, 'stevedore.error');
    assert.match(err.label, /^kubectl was not found \(".*not-installed\/kubectl"\)\. Install kubectl, or set "stevedore\.kubectl\.path" to its full path\.$/);
  });

  test('an unreachable cluster shows an error item, promptly', async () => {
    const m = model('/usr/bin/kubectl', { kubeconfig: kubeconfigFile });
    const started = Date.now();
    const items = await children(find(await m.roots(), 'unreachable'));
    assert.equal(items.length, 1);
    assert.equal(items[0].contextValue, 'stevedore.error');
    assert.equal(items[0].label, 'Cannot reach the cluster of context "unreachable": 127.0.0.1:1 refused the connection. Is the cluster running, and does your kubeconfig point at it?');
    assert.ok(Date.now() - started < 10_000);
  });
});

describe('tree model (test API server, real kubectl)', () => {
  let cluster: TestCluster;
  before(async () => {
    cluster = await startTestCluster({ tickMs: 50 });
  });
  after(() => cluster?.close());

  const live = (requestTimeoutSec = 10) => {
    const k = liveKubectl(cluster.kubeconfig, mkdtempSync(join(tmp.dir, 'live-')), [], requestTimeoutSec);
    return new ClusterModel({ kubectl: () => k, kubeconfig: () => readKubeconfig([cluster.kubeconfig]), selection: () => ({}) });
  };

  test('contexts → namespaces → the seeded objects, with status at a glance', async () => {
    const roots = await live().roots();
    assert.deepEqual(show(roots), ['stevedore-test — ● selected · current-context', 'prod-eu', 'unreachable', 'bad-token']);
    const namespaces = await children(roots[0]);
    assert.deepEqual(show(namespaces), ['default', 'kube-system', 'shop — ● selected']);
    const groups = await children(find(namespaces, 'shop'));
    assert.deepEqual(show(groups), ['Deployments — 2', 'Services — 1', 'Ingresses — 1', 'HorizontalPodAutoscalers — 2', 'ScaledObjects (KEDA) — 0']);

    assert.deepEqual(show(await children(find(groups, 'Deployments'))), ['web — 3/3 ready · rev 3', 'worker — 1/1 ready · rev 1']);
    const clusterIP = cluster.get('v1/namespaces/shop/services/web').spec.clusterIP;
    assert.deepEqual(show(await children(find(groups, 'Services'))), [`web — ClusterIP · ${clusterIP} · 80→http/TCP`]);
    assert.deepEqual(show(await children(find(groups, 'Ingresses'))), ['web — shop.example.com · class nginx']);
    const hpas = await children(find(groups, 'HorizontalPodAutoscalers'));
    const webReplicas = cluster.get('autoscaling/v2/namespaces/shop/horizontalpodautoscalers/web').status.currentReplicas;
    assert.deepEqual(show(hpas), [`web — ${webReplicas} replicas (2–10) · cpu 83%/70%`, 'worker — 1 replica (1–3) · metrics unavailable']);
    assert.match(hpas[1].tooltip ?? '', /no metrics-server/);
    assert.doesNotMatch(hpas[0].tooltip ?? '', /unavailable/);

    const [revisions, pods] = await children(find(await children(find(groups, 'Deployments')), 'web'));
    // Ages follow the server's backdated clock (about 1, 2 and 3 days); the age format itself is unit-tested.
    const revs = show(await children(revisions));
    assert.equal(revs.length, 3);
    assert.match(revs[0], /^Revision 3 \(current\) — registry\.example\.com\/web:1\.2\.0 · deploy 1\.2\.0 · (2[0-3]h|1d)$/);
    assert.match(revs[1], /^Revision 2 — registry\.example\.com\/web:1\.1\.0 · deploy 1\.1\.0 · [12]d$/);
    assert.match(revs[2], /^Revision 1 — registry\.example\.com\/web:1\.0\.0 · deploy 1\.0\.0 · [23]d$/);
    const podItems = await children(pods);
    assert.equal(podItems.length, 3);
    for (const p of podItems) {
      assert.match(p.label, /^web-[a-z0-9]+-[a-z0-9]+$/);
      assert.match(p.description ?? '', /^Running · 1\/1 ready · 0 restarts · \d+[smhd]$/);
    }
  });

  test('unreachable and bad-token contexts show error items, no hang', async () => {
    const roots = await live().roots();
    const [unreachable] = await children(find(roots, 'unreachable'));
    assert.equal(unreachable.contextValue, 'stevedore.error');
    assert.equal(unreachable.label, 'Cannot reach the cluster of context "unreachable": 127.0.0.1:1 refused the connection. Is the cluster running, and does your kubeconfig point at it?');
    const [badToken] = await children(find(roots, 'bad-token'));
    assert.equal(badToken.label, 'Unauthorized: the cluster of context "bad-token" rejected your credentials. Log in again or refresh the token in your kubeconfig.');
  });

  test('forbidden listing shows verb and resource; a slow server times out into an error item', async () => {
    const m = live(1);
    const shop = find(await children((await m.roots())[0]), 'shop');
    cluster.setForbidden({ verb: 'list', resource: 'deployments', namespace: 'shop' });
    try {
      const [err] = await children(shop);
      assert.equal(err.contextValue, 'stevedore.error');
      assert.match(err.label, /^Forbidden: \S+ may not list deployments\.apps in namespace "shop" \(context "stevedore-test"\)\./);
    } finally {
      cluster.setForbidden(null);
    }
    cluster.setDelay(1500);
    try {
      const started = Date.now();
      const [err] = await children(shop);
      assert.equal(err.contextValue, 'stevedore.error');
      assert.match(err.label, /^Timed out talking to the cluster of context "stevedore-test" \(request timeout 1s\)/);
      assert.ok(Date.now() - started < 15_000);
    } finally {
      cluster.setDelay(0);
    }
    await waitFor(async () => (await children(shop))[0].label === 'Deployments', 10_000, 'the namespace to load again');
  });
});
