// "Preview Scaling" from the cluster tree: the live HPA read with the real kubectl from the test API server is what the
// preview gets, and the preview's core reads the same bounds and target from it.
import assert from 'node:assert/strict';
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import { previewClusterScaling } from '../../client/src/cluster/scalingPreview';
import { parsePreviewSpec } from '../../server/src/core/k8s/hpa-preview';
import type { HpaPreviewArgs } from '../../server/src/protocol';
import { startTestCluster, type TestCluster } from '../support/apiserver/index';
import { actionSetup, commandsRun } from './actions-support';
import { tempDir } from './support';

const tmp = tempDir();
after(tmp.cleanup);

let cluster: TestCluster;
beforeEach(async () => (cluster = await startTestCluster({ tickMs: 50, keda: true })));
afterEach(() => cluster?.close());

const WEB_HPA = { context: 'stevedore-test', namespace: 'shop', kind: 'hpa' as const, name: 'web' };

describe('Preview Scaling from the tree', () => {
  test('an HPA node: kubectl get hpa -o json in its context and namespace, the live spec to the preview', async () => {
    const s = actionSetup(cluster, tmp.dir);
    // The spec as it is in the cluster, not as a manifest says: maxReplicas changed there.
    await s.deps.kubectl().run(['patch', 'hpa/web', '--type=merge', '-p', '{"spec":{"maxReplicas":7}}'], { context: 'stevedore-test', namespace: 'shop' });
    assert.equal(cluster.get('autoscaling/v2/namespaces/shop/horizontalpodautoscalers/web').spec.maxReplicas, 7);
    s.log.length = 0;
    const opened: HpaPreviewArgs[] = [];
    const args = await previewClusterScaling(s.commands, s.deps, (a) => opened.push(a), { target: WEB_HPA });
    assert.deepEqual(s.ui.errors, []);
    assert.deepEqual(commandsRun(s.log), ['get horizontalpodautoscalers/web -o json']);
    assert.equal(opened.length, 1);
    assert.equal(opened[0], args);
    assert.equal(args?.origin, 'stevedore-test · shop');
    const spec = parsePreviewSpec(args?.object);
    assert.ok(!('error' in spec), JSON.stringify(spec));
    assert.deepEqual([spec.kind, spec.name, spec.minReplicas, spec.maxReplicas, spec.metric.targetText], ['HorizontalPodAutoscaler', 'web', 2, 7, '70 % of the cpu request']);
  });

  test('from the palette it takes the selected node; on anything else it says what it needs and runs nothing', async () => {
    const selected = actionSetup(cluster, tmp.dir, {}, WEB_HPA);
    const opened: HpaPreviewArgs[] = [];
    await previewClusterScaling(selected.commands, selected.deps, (a) => opened.push(a));
    assert.equal((opened[0]?.object as any)?.metadata?.name, 'web');
    const s = actionSetup(cluster, tmp.dir, {}, { context: 'stevedore-test', namespace: 'shop', kind: 'deployment', name: 'web' });
    assert.equal(await previewClusterScaling(s.commands, s.deps, (a) => opened.push(a)), undefined);
    assert.deepEqual(s.ui.infos, ['Preview Scaling works on a HorizontalPodAutoscaler or ScaledObject: select one in the Clusters view.']);
    assert.deepEqual(commandsRun(s.log), []);
    assert.equal(opened.length, 1);
  });

  test('a ScaledObject node: kubectl get scaledobjects.keda.sh, the preview follows its prometheus trigger and notes the cpu one', async () => {
    const s = actionSetup(cluster, tmp.dir);
    const opened: HpaPreviewArgs[] = [];
    const args = await previewClusterScaling(s.commands, s.deps, (a) => opened.push(a), { target: { context: 'stevedore-test', namespace: 'shop', kind: 'scaledobject', name: 'orders' } });
    assert.deepEqual(s.ui.errors, []);
    assert.deepEqual(commandsRun(s.log), ['get scaledobjects.keda.sh/orders -o json']);
    const spec = parsePreviewSpec(args?.object);
    assert.ok(!('error' in spec), JSON.stringify(spec));
    assert.deepEqual([spec.kind, spec.name, spec.minReplicas, spec.maxReplicas, spec.metric.targetText], ['ScaledObject', 'orders', 1, 20, '50 prometheus per pod']);
    assert.deepEqual(spec.notes, ['Not simulated: cpu (70 % of the cpu request); the preview follows prometheus.']);
  });

  test('a missing HPA: kubectl\'s NotFound is the error shown, nothing opens', async () => {
    const s = actionSetup(cluster, tmp.dir);
    const opened: HpaPreviewArgs[] = [];
    assert.equal(await previewClusterScaling(s.commands, s.deps, (a) => opened.push(a), { target: { ...WEB_HPA, name: 'gone' } }), undefined);
    assert.equal(opened.length, 0);
    assert.match(s.ui.errors.join('\n'), /gone.*not found/i);
  });
});
