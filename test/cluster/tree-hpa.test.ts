// The cluster tree's HPA node against the test API server and the real kubectl: replicas and bounds, each metric
// current vs target, the conditions with reason and message, and the HPA's events newest first.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { newestFirst } from '../../client/src/cluster/hpaNodes';
import { readKubeconfig } from '../../client/src/cluster/kubeconfig';
import { ClusterModel, type ClusterNode } from '../../client/src/cluster/model';
import { startTestCluster, type TestCluster } from '../support/apiserver/index';
import { waitFor } from '../support/apiserver/kubectl';
import { liveKubectl, tempDir, childrenOf as children, findNode as find, showNodes as show } from './support';

const tmp = tempDir();
after(tmp.cleanup);

const ABOVE = 'cpu resource utilization (percentage of request) above target';

describe('tree: an HPA expands to its status and events', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startTestCluster()));
  after(() => cluster?.close());

  async function hpaNode(name: string): Promise<ClusterNode> {
    const k = liveKubectl(cluster.kubeconfig, mkdtempSync(join(tmp.dir, 'live-')));
    const model = new ClusterModel({ kubectl: () => k, kubeconfig: () => readKubeconfig([cluster.kubeconfig]), selection: () => ({}) });
    const shop = find(await children((await model.roots())[0]), 'shop');
    return find(await children(find(await children(shop), 'HorizontalPodAutoscalers')), name);
  }

  test('an HPA that cannot scale says why: unknown metric, ScalingActive False, the warnings', async () => {
    const worker = await hpaNode('worker');
    assert.equal(worker.collapsible, true);
    const items = await children(worker);
    const lines = show(items);
    assert.equal(lines[0], 'Replicas — 1 current · 1 desired · min 1 · max 3');
    assert.equal(lines[1], 'cpu — unknown / 70% — FailedGetResourceMetric');
    assert.match(items[1].tooltip ?? '', /^FailedGetResourceMetric: the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container worker of Pod worker-/);
    assert.equal(lines[2], "AbleToScale — True · SucceededGetScale: the HPA controller was able to get the target's current scale");
    assert.match(lines[3], /^ScalingActive — False · FailedGetResourceMetric: the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container worker of Pod worker-\S+$/);
    assert.equal(items[3].icon, 'warning');
    assert.equal(lines[4], 'Events — 2');
    const events = show(await children(items[4]));
    assert.equal(events.length, 2);
    for (const e of events) assert.match(e, /^(FailedGetResourceMetric|FailedComputeMetricsReplicas) — .*missing request for cpu in container worker of Pod worker-\S+ · [23]d$/);
  });

  test('a scaling HPA: metric current vs target, last scale time, SuccessfulRescale events newest first', async () => {
    cluster.setHpaLoad('shop', 'web', 600);
    await waitFor('web settled at 9', () => cluster.get('autoscaling/v2/namespaces/shop/horizontalpodautoscalers/web').status.currentMetrics?.[0]?.resource.current.averageUtilization === 66 || undefined);
    const items = await children(await hpaNode('web'));
    cluster.setHpaLoad('shop', 'web', null);
    const lines = show(items);
    assert.match(lines[0], /^Replicas — 9 current · 9 desired · min 2 · max 10 · last scaled \d+s ago$/);
    assert.equal(lines[1], 'cpu — 66% / 70%');
    assert.deepEqual(lines.slice(2, 5), [
      'AbleToScale — True · ReadyForNewScale: recommended size matches current size',
      'ScalingActive — True · ValidMetricFound: the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
      'ScalingLimited — False · DesiredWithinRange: the desired count is within the acceptable range',
    ]);
    assert.deepEqual(items.slice(2, 5).map((n) => n.icon), ['pass', 'pass', 'pass']);
    const events = await children(find(items, 'Events'));
    assert.deepEqual(events.map((e) => e.description?.replace(/ · \d+s$/, '')), [`New size: 9; reason: ${ABOVE}`, `New size: 6; reason: ${ABOVE}`]);
    assert.deepEqual(events.map((e) => `${e.label} ${e.icon}`), ['SuccessfulRescale info', 'SuccessfulRescale info']);
  });

  test('newest first: by last timestamp, then by the recorder\'s time-ordered name', () => {
    const e = (name: string, lastTimestamp: string) => ({ metadata: { name }, lastTimestamp });
    const sorted = newestFirst([e('a.1', '2026-01-01T00:00:00Z'), e('a.3', '2026-01-01T00:00:05Z'), e('a.2', '2026-01-01T00:00:05Z')]);
    assert.deepEqual(sorted.map((x) => x.metadata?.name), ['a.3', 'a.2', 'a.1']);
  });
});
