// "Scale…" against the test API server with the real kubectl: the replica count asked and confirmed, and — when an
// HPA or a KEDA ScaledObject scales the Deployment — the warning and the min/max edit offered instead.
import assert from 'node:assert/strict';
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import { ScaleFlow } from '../../client/src/cluster/scale';
import { startTestCluster, type TestCluster } from '../support/apiserver/index';
import { kubectl, waitFor } from '../support/apiserver/kubectl';
import { actionSetup, commandsRun } from './actions-support';
import { tempDir, type ScriptedAnswers } from './support';

const tmp = tempDir();
after(tmp.cleanup);

let cluster: TestCluster;
beforeEach(async () => (cluster = await startTestCluster({ tickMs: 50 })));
afterEach(() => cluster?.close());

const WORKER = 'apps/v1/namespaces/shop/deployments/worker';
const HPA_WEB = 'autoscaling/v2/namespaces/shop/horizontalpodautoscalers/web';

function scale(answers: ScriptedAnswers) {
  const s = actionSetup(cluster, tmp.dir, answers);
  return { ...s, flow: new ScaleFlow(s.commands, s.deps) };
}
async function withoutHpa(name: string) {
  assert.equal((await kubectl(cluster, ['delete', 'hpa', name, '-n', 'shop'])).code, 0);
}

describe('scale', () => {
  test('asks the count (prefilled), confirms naming context, namespace and deployment, scales', async () => {
    await withoutHpa('worker');
    const s = scale({ ask: () => '4' });
    const outcome = await s.flow.run({ name: 'worker', namespace: 'shop' });
    assert.deepEqual(s.ui.errors, []);
    assert.deepEqual(s.ui.asked, [{ prompt: 'Replicas for deployment "worker" (shop · stevedore-test); now 1', value: '1' }]);
    assert.equal(s.ui.confirms[0].message, 'Scale deployment "worker" to 4 replicas?');
    assert.equal(s.ui.confirms[0].detail, 'Context: stevedore-test\nNamespace: shop\nDeployment: worker\nReplicas: 1 → 4');
    assert.deepEqual(outcome, { ok: true, message: 'deployment.apps/worker scaled to 4 (shop · stevedore-test).' });
    assert.equal(cluster.get(WORKER).spec.replicas, 4);
    await waitFor('4 ready', () => cluster.get(WORKER).status.readyReplicas === 4 || undefined);
    assert.ok(commandsRun(s.log).includes('scale deployment/worker --replicas=4'));
    assert.equal(s.mutations(), 1);
  });

  test('refuses what is not a count; declining and protected contexts change nothing', async () => {
    await withoutHpa('worker');
    const bad = scale({ ask: () => 'three' });
    assert.equal((await bad.flow.run({ name: 'worker', namespace: 'shop' }))?.reason, 'invalid');
    assert.deepEqual(bad.ui.errors, ['Not a replica count: "three" (a whole number, 0 or more).']);
    const no = scale({ ask: () => '0', confirm: () => false });
    assert.equal((await no.flow.run({ name: 'worker', namespace: 'shop' }))?.reason, 'refused');
    assert.match(no.ui.confirms[0].detail, /Replicas: 1 → 0\n\nAll of its pods are stopped\.$/);
    const typo = scale({ ask: () => '0', type: () => 'wrker' });
    assert.equal((await typo.flow.run({ name: 'worker', namespace: 'shop', context: 'prod-eu' }))?.reason, 'refused');
    assert.equal(typo.ui.typed[0].prompt, 'Context "prod-eu" is protected. Type the deployment name "worker" to confirm.');
    assert.ok(![...bad.log, ...no.log, ...typo.log].some((l) => / scale /.test(l)));
    assert.equal(cluster.get(WORKER).spec.replicas, 1);
  });

  test('an HPA scales it: says so; declining leaves everything; accepting asks min and max and patches the HPA', async () => {
    const no = scale({ confirm: () => false });
    const outcome = await no.flow.run({ name: 'web', namespace: 'shop' });
    const told = 'web is scaled by HPA web (2–10); a manual scale is undone at its next sync.';
    assert.deepEqual(outcome, { ok: false, message: told, reason: 'autoscaled' });
    assert.deepEqual(no.ui.confirms.map((c) => [c.message, c.action]), [[told, 'Edit HPA min/max']]);
    assert.deepEqual(no.ui.asked, [], 'no replica count asked');

    const answers = ['3', '12'];
    const yes = scale({ ask: () => answers.shift() });
    const done = await yes.flow.run({ name: 'web', namespace: 'shop' });
    assert.deepEqual(yes.ui.errors, []);
    assert.deepEqual(yes.ui.asked, [
      { prompt: 'Minimum replicas of HPA web (now 2)', value: '2' },
      { prompt: 'Maximum replicas of HPA web (now 10; at least 3)', value: '10' },
    ]);
    assert.equal(yes.ui.confirms[1].message, 'Set HPA web to 3–12 replicas?');
    assert.equal(yes.ui.confirms[1].detail, 'Context: stevedore-test\nNamespace: shop\nHPA: web (scales deployment web)\nMin: 2 → 3\nMax: 10 → 12');
    assert.deepEqual(done, { ok: true, message: 'HPA web now scales web between 3 and 12 replicas (shop · stevedore-test).' });
    const spec = cluster.get(HPA_WEB).spec;
    assert.deepEqual([spec.minReplicas, spec.maxReplicas], [3, 12]);
    assert.ok(commandsRun(yes.log).includes('patch horizontalpodautoscaler/web --type=merge -p \'{"spec":{"minReplicas":3,"maxReplicas":12}}\''));
    assert.equal(cluster.get('apps/v1/namespaces/shop/deployments/web').spec.replicas, 3, 'the deployment was not scaled by hand');
  });

  test('a max below the min is refused', async () => {
    const answers = ['5', '4'];
    const s = scale({ ask: () => answers.shift() });
    assert.equal((await s.flow.run({ name: 'web', namespace: 'shop' }))?.reason, 'invalid');
    assert.deepEqual(s.ui.errors, ['Not a maximum: "4" (a whole number, at least 5).']);
    assert.equal(cluster.get(HPA_WEB).spec.maxReplicas, 10);
  });

  test('a KEDA ScaledObject scales it: named instead of its HPA, its minReplicaCount/maxReplicaCount patched', async () => {
    const so = { apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', metadata: { name: 'worker-queue', namespace: 'shop' },
      spec: { scaleTargetRef: { name: 'worker' }, minReplicaCount: 1, maxReplicaCount: 5, triggers: [{ type: 'cpu', metricType: 'Utilization', metadata: { value: '60' } }] } };
    assert.equal((await kubectl(cluster, ['apply', '-f', '-'], { input: JSON.stringify(so) })).code, 0);
    const answers = ['0', '8'];
    const s = scale({ ask: () => answers.shift() });
    const outcome = await s.flow.run({ name: 'worker', namespace: 'shop' });
    assert.equal(s.ui.confirms[0].message, 'worker is scaled by ScaledObject worker-queue (1–5); a manual scale is undone at its next sync.');
    assert.equal(s.ui.confirms[0].action, 'Edit ScaledObject min/max');
    assert.deepEqual(s.ui.errors, []);
    assert.equal(outcome?.message, 'ScaledObject worker-queue now scales worker between 0 and 8 replicas (shop · stevedore-test).');
    const spec = cluster.get('keda.sh/v1alpha1/namespaces/shop/scaledobjects/worker-queue').spec;
    assert.deepEqual([spec.minReplicaCount, spec.maxReplicaCount], [0, 8]);
  });
});
