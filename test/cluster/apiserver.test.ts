// The test API server against the real kubectl: reads of the seeded cluster and the rollout verbs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestCluster, type TestCluster } from '../support/apiserver';
import { kubectl, waitFor } from '../support/apiserver/kubectl';

const WEB = 'apps/v1/namespaces/shop/deployments/web';
const image = (c: TestCluster) => c.get(WEB)?.spec.template.spec.containers[0].image;

describe('test API server: reading the seeded cluster', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startTestCluster()));
  after(() => cluster.close());

  it('lists the seeded Deployments, Service, Ingress and HPAs as JSON', async () => {
    const r = await kubectl(cluster, ['get', 'deploy,svc,ing,hpa', '-n', 'shop', '-o', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const items: any[] = JSON.parse(r.stdout).items;
    assert.deepEqual(items.map((i) => `${i.kind}/${i.metadata.name}`), [
      'Deployment/web', 'Deployment/worker', 'Service/web', 'Ingress/web', 'HorizontalPodAutoscaler/web', 'HorizontalPodAutoscaler/worker',
    ]);
    const web = items[0];
    assert.equal(web.spec.template.spec.containers[0].image, 'registry.example.com/web:1.2.0');
    assert.equal(web.status.availableReplicas, 3);
    const hpa = items.find((i) => i.kind === 'HorizontalPodAutoscaler' && i.metadata.name === 'web');
    assert.equal(hpa.status.currentReplicas, 3);
    assert.equal(hpa.status.currentMetrics[0].resource.current.averageUtilization, 83);
    const worker = items.find((i) => i.kind === 'HorizontalPodAutoscaler' && i.metadata.name === 'worker');
    const active = worker.status.conditions.find((c: any) => c.type === 'ScalingActive');
    assert.equal(active.reason, 'FailedGetResourceMetric');
    assert.match(active.message, /missing request for cpu/);
  });

  it('prints server-side tables like a real cluster', async () => {
    const r = await kubectl(cluster, ['get', 'deploy,hpa', '-n', 'shop']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/m);
    assert.match(r.stdout, /^deployment\.apps\/web\s+3\/3\s+3\s+3\s+3d$/m);
    assert.match(r.stdout, /^horizontalpodautoscaler\.autoscaling\/web\s+Deployment\/web\s+cpu: 83%\/70%\s+2\s+10\s+3\s+3d$/m);
    assert.match(r.stdout, /^horizontalpodautoscaler\.autoscaling\/worker\s+Deployment\/worker\s+cpu: <unknown>\/70%/m);
    const pods = await kubectl(cluster, ['get', 'pods', '-l', 'app=web', '-n', 'shop']);
    assert.equal(pods.stdout.trim().split('\n').filter((l) => /^web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s/.test(l)).length, 3, pods.stdout);
  });

  it('shows three revisions with their change-causes in rollout history', async () => {
    const r = await kubectl(cluster, ['rollout', 'history', 'deployment/web', '-n', 'shop']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /REVISION\s+CHANGE-CAUSE\n1\s+deploy 1\.0\.0\n2\s+deploy 1\.1\.0\n3\s+deploy 1\.2\.0\n/);
    const rev2 = await kubectl(cluster, ['rollout', 'history', 'deployment/web', '-n', 'shop', '--revision=2']);
    assert.equal(rev2.code, 0, rev2.stderr);
    assert.match(rev2.stdout, /with revision #2/);
    assert.match(rev2.stdout, /Image:\s+registry\.example\.com\/web:1\.1\.0/);
  });

  it('answers NotFound for a missing deployment', async () => {
    const r = await kubectl(cluster, ['get', 'deployment', 'nope', '-n', 'shop']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Error from server \(NotFound\): deployments\.apps "nope" not found/);
  });
});

describe('test API server: rollouts', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startTestCluster()));
  after(() => cluster.close());

  it('rolls back with rollout undo and --to-revision, and rollout status waits for the rollout', async () => {
    const undo = await kubectl(cluster, ['rollout', 'undo', 'deployment/web', '-n', 'shop']);
    assert.equal(undo.code, 0, undo.stderr);
    assert.match(undo.stdout, /deployment\.apps\/web rolled back/);
    assert.equal(image(cluster), 'registry.example.com/web:1.1.0');
    const jsonpath = await kubectl(cluster, ['get', 'deploy', 'web', '-n', 'shop', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']);
    assert.equal(jsonpath.stdout, 'registry.example.com/web:1.1.0');

    const status = await kubectl(cluster, ['rollout', 'status', 'deployment/web', '-n', 'shop', '--timeout=20s']);
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, /deployment "web" successfully rolled out/);
    const history = await kubectl(cluster, ['rollout', 'history', 'deployment/web', '-n', 'shop']);
    // The ReplicaSet of revision 2 is reused and becomes revision 4, as with the real controller.
    assert.match(history.stdout, /1\s+deploy 1\.0\.0\n3\s+deploy 1\.2\.0\n4\s+deploy 1\.1\.0\n/);

    const toOne = await kubectl(cluster, ['rollout', 'undo', 'deployment/web', '-n', 'shop', '--to-revision=1']);
    assert.equal(toOne.code, 0, toOne.stderr);
    assert.equal(image(cluster), 'registry.example.com/web:1.0.0');
    const again = await kubectl(cluster, ['rollout', 'status', 'deployment/web', '-n', 'shop', '--timeout=20s']);
    assert.equal(again.code, 0, again.stderr);
    const pods = await kubectl(cluster, ['get', 'pods', '-n', 'shop', '-l', 'app=web', '-o', 'jsonpath={.items[*].spec.containers[0].image}']);
    assert.deepEqual(pods.stdout.split(' '), Array(3).fill('registry.example.com/web:1.0.0'));
  });

  it('rollout restart stamps restartedAt and creates a new revision', async () => {
    const before = Number(cluster.get(WEB).metadata.annotations['deployment.kubernetes.io/revision']);
    const r = await kubectl(cluster, ['rollout', 'restart', 'deployment/web', '-n', 'shop']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /deployment\.apps\/web restarted/);
    assert.ok(cluster.get(WEB).spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']);
    await waitFor('a new revision', () => Number(cluster.get(WEB).metadata.annotations['deployment.kubernetes.io/revision']) === before + 1);
    const history = await kubectl(cluster, ['rollout', 'history', 'deployment/web', '-n', 'shop']);
    assert.match(history.stdout, new RegExp(`^${before + 1}\\s`, 'm'));
  });

  it('reports an exceeded progress deadline when new pods never become ready', async () => {
    cluster.setFailRollouts(true);
    const set = await kubectl(cluster, ['set', 'image', 'deployment/web', 'web=registry.example.com/web:2.0.0', '-n', 'shop']);
    assert.equal(set.code, 0, set.stderr);
    assert.equal(image(cluster), 'registry.example.com/web:2.0.0');
    const status = await kubectl(cluster, ['rollout', 'status', 'deployment/web', '-n', 'shop', '--timeout=20s']);
    assert.notEqual(status.code, 0);
    assert.match(status.stderr, /error: deployment "web" exceeded its progress deadline/);
    const pods = await kubectl(cluster, ['get', 'pods', '-n', 'shop', '-l', 'app=web']);
    assert.match(pods.stdout, /web-[a-z0-9]+-[a-z0-9]{5}\s+0\/1\s+CrashLoopBackOff\s/);
    assert.equal(pods.stdout.split('\n').filter((l) => /\s1\/1\s+Running\s/.test(l)).length, 3, 'the old pods keep serving');
  });
});
