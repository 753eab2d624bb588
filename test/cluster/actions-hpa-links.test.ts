// The non-scaling HPA's links: its ScalingActive=False FailedGetResourceMetric (missing request) condition expands to
// the hpa-cpu-without-requests rule docs and the workspace manifest of the target Deployment at the container's
// resources. The YAML lookup and the file search as plain code; the tree against the test API server.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { findDeploymentManifest, locateContainer, openHpaLink, type HpaLinks, type ManifestSource } from '../../client/src/cluster/hpaLinks';
import { readKubeconfig } from '../../client/src/cluster/kubeconfig';
import { ClusterModel, type ClusterNode } from '../../client/src/cluster/model';
import { startTestCluster, type TestCluster } from '../support/apiserver/index';
import { liveKubectl, tempDir } from './support';

const tmp = tempDir();
after(tmp.cleanup);

const MANIFESTS = `apiVersion: v1
kind: Service
metadata:
  name: worker
spec:
  selector: {app: worker}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
  namespace: shop
spec:
  selector:
    matchLabels: {app: worker}
  template:
    metadata:
      labels: {app: worker}
    spec:
      containers:
        - name: sidecar
          image: envoyproxy/envoy:v1.30.1
          resources:
            requests: {cpu: 50m}
        - name: worker
          image: registry.example.com/worker:2.0.0
`;
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

/** A folder of files as the workspace search sees them. */
function folder(files: Record<string, string>): { dir: string; links: HpaLinks } {
  const dir = mkdtempSync(join(tmp.dir, 'ws-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const source: ManifestSource = { list: async () => Object.keys(files).sort().map((f) => join(dir, f)), read: async (p) => readFileSync(p, 'utf8') };
  return { dir, links: { source, relative: (p) => relative(dir, p) } };
}

describe('locating the container in a manifest', () => {
  test('at its resources key, else at the container; the namespace must match when the manifest sets one', () => {
    assert.deepEqual(locateContainer(MANIFESTS, 'worker', 'shop', 'sidecar'), { line: lineOf(MANIFESTS, 'resources:'), character: 10, atResources: true });
    assert.deepEqual(locateContainer(MANIFESTS, 'worker', 'shop', 'worker'), { line: lineOf(MANIFESTS, '- name: worker'), character: 10, atResources: false });
    assert.equal(locateContainer(MANIFESTS, 'worker', 'other', 'worker'), undefined);
    assert.equal(locateContainer(MANIFESTS, 'web', 'shop', 'worker'), undefined);
    const noNamespace = MANIFESTS.replace('  namespace: shop\n', '');
    assert.equal(locateContainer(noNamespace, 'worker', 'anything', 'worker')?.atResources, false);
  });

  test('the search takes files that say kind: Deployment and name it, in order, and stops at the first match', async () => {
    const ws = folder({ 'a/other.yaml': 'kind: Deployment\nmetadata: {name: api}\n', 'k8s/worker.yaml': MANIFESTS, 'z/worker-copy.yaml': MANIFESTS, 'notes.yaml': 'worker: true\n' });
    const read: string[] = [];
    const source: ManifestSource = { list: ws.links.source.list, read: async (p) => (read.push(relative(ws.dir, p)), readFileSync(p, 'utf8')) };
    const found = await findDeploymentManifest(source, { deployment: 'worker', container: 'worker', resource: 'cpu' }, 'shop');
    assert.deepEqual(found, { path: join(ws.dir, 'k8s/worker.yaml'), line: lineOf(MANIFESTS, '- name: worker'), character: 10, atResources: false });
    assert.deepEqual(read, ['a/other.yaml', 'k8s/worker.yaml']);
  });
});

describe('tree: the non-scaling HPA links to the rule and the manifest', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startTestCluster()));
  after(() => cluster?.close());

  async function hpaItems(name: string, links?: HpaLinks): Promise<ClusterNode[]> {
    const k = liveKubectl(cluster.kubeconfig, mkdtempSync(join(tmp.dir, 'live-')));
    const model = new ClusterModel({ kubectl: () => k, kubeconfig: () => readKubeconfig([cluster.kubeconfig]), selection: () => ({}), hpaLinks: links });
    const pick = async (n: ClusterNode, label: string) => (await n.children!()).find((x) => x.label === label)!;
    const shop = await pick((await model.roots())[0], 'shop');
    return (await pick(await pick(shop, 'HorizontalPodAutoscalers'), name)).children!();
  }

  test('ScalingActive of worker expands to the rule docs and the manifest at the container', async () => {
    const ws = folder({ 'deploy/worker.yaml': MANIFESTS });
    const active = (await hpaItems('worker', ws.links)).find((n) => n.label === 'ScalingActive')!;
    assert.equal(active.collapsible, true);
    const [rule, manifest] = await active.children!();
    assert.equal(rule.label, 'Rule hpa-cpu-without-requests');
    assert.equal(rule.description, 'utilization is a share of the cpu request: set one on every container');
    assert.deepEqual(rule.command, { command: 'stevedore.openHpaLink', title: rule.label, arguments: [{ url: 'https://github.com/stevedore-dev/stevedore/blob/main/docs/rules.md#hpa-cpu-without-requests' }] });
    assert.equal(manifest.label, 'Open deployment worker in deploy/worker.yaml');
    assert.equal(manifest.description, 'container worker (no resources yet)');
    assert.deepEqual(manifest.command?.arguments, [{ path: join(ws.dir, 'deploy/worker.yaml'), line: lineOf(MANIFESTS, '- name: worker'), character: 10, atResources: false }]);
  });

  test('no manifest in the workspace: says so; an HPA that scales has no links', async () => {
    const ws = folder({ 'web.yaml': 'kind: Deployment\nmetadata: {name: web}\n' });
    const active = (await hpaItems('worker', ws.links)).find((n) => n.label === 'ScalingActive')!;
    const [, none] = await active.children!();
    assert.equal(none.label, 'No workspace manifest defines Deployment worker');
    assert.equal(none.description, 'add a cpu request to container worker');
    assert.equal(none.command, undefined);
    const webActive = (await hpaItems('web', ws.links)).find((n) => n.label === 'ScalingActive')!;
    assert.equal(webActive.collapsible, false);
  });

  test('clicking a link: the docs open in the browser, the manifest at the container', async () => {
    const calls: unknown[] = [];
    class Position { constructor(readonly line: number, readonly character: number) {} }
    class Range { constructor(readonly start: Position, readonly end: Position) {} }
    const vscode = {
      Position, Range,
      Uri: { parse: (u: string) => ({ url: u }), file: (p: string) => ({ path: p }) },
      env: { openExternal: async (u: unknown) => void calls.push(['openExternal', u]) },
      window: { showTextDocument: async (u: unknown, o: unknown) => void calls.push(['showTextDocument', u, o]) },
    };
    await openHpaLink(vscode as never, { url: 'https://example.com/rules.md#x' });
    await openHpaLink(vscode as never, { path: '/ws/worker.yaml', line: 21, character: 10, atResources: false });
    assert.deepEqual(calls, [
      ['openExternal', { url: 'https://example.com/rules.md#x' }],
      ['showTextDocument', { path: '/ws/worker.yaml' }, { selection: new Range(new Position(21, 10), new Position(21, 10)) }],
    ]);
  });
});
