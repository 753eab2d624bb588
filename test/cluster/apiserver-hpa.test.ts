// The test API server's HPA controller against the real kubectl: status with currentMetrics and the three conditions,
// the FailedGetResourceMetric warning of a target without cpu requests, and — with a synthetic load — rescaling that
// follows the algorithm of server/src/core/k8s/hpa-algorithm.ts, cross-checked with hpa-simulation.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { simulate } from '../../server/src/core/k8s/hpa-simulation';
import { startTestCluster, type TestCluster } from '../support/apiserver';
import { kubectl, waitFor } from '../support/apiserver/kubectl';

const WEB = 'apps/v1/namespaces/shop/deployments/web';
const ABOVE = 'cpu resource utilization (percentage of request) above target';

/** The HPA's events as `kubectl get events -o json` lists them, oldest first (names are chronological). */
async function hpaEvents(cluster: TestCluster, name: string): Promise<Array<{ type: string; reason: string; message: string }>> {
  const r = await kubectl(cluster, ['get', 'events', '-n', 'shop', '--field-selector', `involvedObject.kind=HorizontalPodAutoscaler,involvedObject.name=${name}`, '-o', 'json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout).items.sort((a: { metadata: { name: string } }, b: { metadata: { name: string } }) => a.metadata.name.localeCompare(b.metadata.name));
}

describe('test API server: HPA status, conditions and events', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startTestCluster()));
  after(() => cluster.close());

  it('an HPA whose target has no cpu request: ScalingActive False, two warnings, in describe and get events', async () => {
    const d = await kubectl(cluster, ['describe', 'hpa', 'worker', '-n', 'shop']);
    assert.equal(d.code, 0, d.stderr);
    assert.match(d.stdout, /^\s+resource cpu on pods\s+\(as a percentage of request\):\s+<unknown> \/ 70%$/m);
    assert.match(d.stdout, /^\s+AbleToScale\s+True\s+SucceededGetScale\s+the HPA controller was able to get the target's current scale$/m);
    assert.match(d.stdout, /^\s+ScalingActive\s+False\s+FailedGetResourceMetric\s+the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container worker of Pod worker-[a-z0-9]+-[a-z0-9]{5}$/m);
    assert.match(d.stdout, /^\s+Warning\s+FailedGetResourceMetric\s+\S+\s+horizontal-pod-autoscaler\s+failed to get cpu utilization: missing request for cpu in container worker of Pod worker-\S+$/m);
    assert.match(d.stdout, /^\s+Warning\s+FailedComputeMetricsReplicas\s+\S+\s+horizontal-pod-autoscaler\s+invalid metrics \(1 invalid out of 1\), first error is: failed to get cpu resource metric value: failed to get cpu utilization: missing request for cpu/m);
    const g = await kubectl(cluster, ['get', 'events', '-n', 'shop', '--field-selector', 'involvedObject.kind=HorizontalPodAutoscaler']);
    assert.match(g.stdout, /^\S+\s+Warning\s+FailedGetResourceMetric\s+horizontalpodautoscaler\/worker\s+failed to get cpu utilization: missing request for cpu in container worker/m);
    // Reported once when the condition starts, not on every sync.
    assert.equal((await hpaEvents(cluster, 'worker')).filter((e) => e.reason === 'FailedGetResourceMetric').length, 1);
  });

  it('without a load the seeded web HPA keeps its 3 replicas at 83 % with the three conditions', async () => {
    const hpa = cluster.get('autoscaling/v2/namespaces/shop/horizontalpodautoscalers/web');
    assert.deepEqual(hpa.status.currentMetrics, [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 83, averageValue: '83m' } } }]);
    assert.deepEqual(hpa.status.conditions.map((c: { type: string; status: string; reason: string }) => `${c.type}=${c.status} ${c.reason}`), [
      'AbleToScale=True SucceededGetScale', 'ScalingActive=True ValidMetricFound', 'ScalingLimited=False DesiredWithinRange',
    ]);
    assert.deepEqual(await hpaEvents(cluster, 'web'), []);
  });

  it('with a load it rescales as the algorithm does: 3 → 6 → 9 at 600m, then → 2 after the 300 s window at 100m', async () => {
    cluster.setHpaLoad('shop', 'web', 600); // 3 pods × 100m requested: 200 % against 70 %
    await waitFor('web at 9 replicas', () => cluster.get(WEB).spec.replicas === 9 || undefined);
    await waitFor('web HPA settled at 9', () => cluster.get('autoscaling/v2/namespaces/shop/horizontalpodautoscalers/web').status.currentMetrics[0].resource.current.averageUtilization === 66 || undefined);
    const d = await kubectl(cluster, ['describe', 'hpa', 'web', '-n', 'shop']);
    assert.match(d.stdout, /^\s+resource cpu on pods\s+\(as a percentage of request\):\s+66% \(66m\) \/ 70%$/m);
    assert.match(d.stdout, /^Deployment pods:\s+9 current \/ 9 desired$/m);
    assert.match(d.stdout, /^\s+ScalingLimited\s+False\s+DesiredWithinRange\s+the desired count is within the acceptable range$/m);
    assert.match(d.stdout, new RegExp(`^\\s+Normal\\s+SuccessfulRescale\\s+\\S+\\s+horizontal-pod-autoscaler\\s+New size: 6; reason: ${ABOVE.replace(/[()]/g, '\\$&')}$`, 'm'));
    assert.match(d.stdout, /New size: 9; reason: cpu resource utilization \(percentage of request\) above target$/m);
    assert.ok(cluster.get('autoscaling/v2/namespaces/shop/horizontalpodautoscalers/web').status.lastScaleTime);

    cluster.setHpaLoad('shop', 'web', 100);
    await waitFor('web back at 2 replicas', () => cluster.get(WEB).spec.replicas === 2 || undefined);
    const g = await kubectl(cluster, ['get', 'events', '-n', 'shop', '--field-selector', 'involvedObject.kind=HorizontalPodAutoscaler,involvedObject.name=web']);
    assert.match(g.stdout, /^\S+\s+Normal\s+SuccessfulRescale\s+horizontalpodautoscaler\/web\s+New size: 2; reason: All metrics below target$/m);
    const rescales = (await hpaEvents(cluster, 'web')).map((e) => e.message);
    assert.deepEqual(rescales, [`New size: 6; reason: ${ABOVE}`, `New size: 9; reason: ${ABOVE}`, 'New size: 2; reason: All metrics below target']);

    // Cross-check: the preview's simulation of the same HPA (2–10, 70 %, no behavior), 100m requests, 600m then 100m.
    const sim = simulate({
      minReplicas: 2, maxReplicas: 10, targetUtilization: 70, initialReplicas: 3, durationSeconds: 600,
      load: { shape: 'step', base: 600, peak: 100, startSeconds: 60, durationSeconds: 0 },
      capacity: { perPodAtRequest: 100, readinessDelaySeconds: 30 },
    });
    const simulated = sim.filter((s) => s.rescaleReason).map((s) => `New size: ${s.desired}; reason: ${s.rescaleReason}`);
    assert.deepEqual(simulated, rescales);
    cluster.setHpaLoad('shop', 'web', null);
  });
});
