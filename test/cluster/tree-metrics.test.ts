// The metrics pipeline in the cluster tree, against the test API server and the real kubectl: a namespace whose
// autoscalers need a metrics API that is missing or not Available shows a warning with the APIService's condition and
// a "Copy install command" action (copy only); pods show `kubectl top` usage when the metrics API answers; KEDA
// ScaledObjects expand to their conditions, KEDA's HPA and their triggers.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readKubeconfig } from '../../client/src/cluster/kubeconfig';
import { copyInstallCommand, KEDA_INSTALL, METRICS_SERVER_INSTALL } from '../../client/src/cluster/metricsPipeline';
import { ClusterModel, type ClusterNode } from '../../client/src/cluster/model';
import { parseTopPods } from '../../client/src/cluster/podTop';
import { startTestCluster, type TestCluster } from '../support/apiserver/index';
import { kubectl, waitFor } from '../support/apiserver/kubectl';
import { Kubectl } from '../../client/src/cluster/kubectl';
import { metricsProblems } from '../../client/src/cluster/metricsPipeline';
import { commandOf, fakeKubectl, liveKubectl, tempDir, childrenOf as children, findNode as find, showNodes as show } from './support';

const tmp = tempDir();
after(tmp.cleanup);

const RESOURCE_WARNING = 'Metrics API unavailable: HPAs on cpu/memory cannot scale';
const EXTERNAL_WARNING = 'External metrics API unavailable: ScaledObjects cannot scale';
const GROUPS = ['Deployments — 3', 'Services — 1', 'Ingresses — 1', 'HorizontalPodAutoscalers — 3', 'ScaledObjects (KEDA) — 1'];

describe('tree: the metrics pipeline, pod usage and KEDA (test API server, real kubectl)', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startTestCluster({ keda: true })));
  after(() => cluster?.close());

  function live(metrics = true): { model: ClusterModel; log: string[] } {
    const log: string[] = [];
    const k = liveKubectl(cluster.kubeconfig, mkdtempSync(join(tmp.dir, 'live-')), log);
    return { model: new ClusterModel({ kubectl: () => k, kubeconfig: () => readKubeconfig([cluster.kubeconfig]), selection: () => ({}), metrics }), log };
  }
  async function namespace(model: ClusterModel, name: string): Promise<ClusterNode[]> {
    return children(find(await children((await model.roots())[0]), name));
  }
  async function webPods(groups: ClusterNode[]): Promise<ClusterNode[]> {
    const [, pods] = await children(find(await children(find(groups, 'Deployments')), 'web'));
    return children(pods);
  }

  test('metrics-server registered but not Available, KEDA not installed: two warnings naming the APIService condition; pods show no usage', async () => {
    const { model } = live();
    const shop = await namespace(model, 'shop');
    assert.deepEqual(show(shop), [
      `${RESOURCE_WARNING} — v1beta1.metrics.k8s.io: MissingEndpoints`,
      `${EXTERNAL_WARNING} — v1beta1.external.metrics.k8s.io: NotRegistered`,
      ...GROUPS,
    ]);
    assert.equal(shop[0].contextValue, 'stevedore.metricsApi.resource');
    assert.equal(shop[0].icon, 'warning');
    assert.match(shop[0].tooltip ?? '', /APIService `v1beta1\.metrics\.k8s\.io`: MissingEndpoints — endpoints for service\/metrics-server in "kube-system" have no addresses with port name "https"/);
    assert.match(shop[0].tooltip ?? '', /Affected here: keda-hpa-orders, web, worker/);
    assert.match(shop[1].tooltip ?? '', /the APIService v1beta1\.external\.metrics\.k8s\.io does not exist: KEDA is not installed/);
    assert.match(shop[1].tooltip ?? '', /Affected here: orders/);
    for (const p of await webPods(shop)) assert.match(p.description ?? '', /^Running · 1\/1 ready · 0 restarts · \d+[smhd]$/);
  });

  test('"Copy install command" copies the guide\'s command and tells the user to run it; nothing is applied', async () => {
    const shop = await namespace(live().model, 'shop');
    const before = cluster.requests.length;
    const copied: string[] = [];
    const infos: string[] = [];
    const ui = { copy: async (t: string) => void copied.push(t), showInfo: (m: string) => void infos.push(m) };
    await copyInstallCommand(shop[0], ui);
    await copyInstallCommand(shop[1], ui);
    assert.deepEqual(copied, [
      'kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml',
      'helm repo add kedacore https://kedacore.github.io/charts && helm repo update && helm install keda kedacore/keda --namespace keda --create-namespace',
    ]);
    assert.deepEqual(copied, [METRICS_SERVER_INSTALL, KEDA_INSTALL]);
    assert.equal(infos[0], `Copied the metrics-server install command. Review it, then run it in a terminal against context "stevedore-test": ${METRICS_SERVER_INSTALL}`);
    assert.equal(cluster.requests.length, before, 'copying talks to no cluster');
  });

  test('metrics API Available: no warning for it; pods show kubectl top usage', async () => {
    cluster.setMetricsApi('resource', 'available');
    cluster.setMetricsApi('external', 'available');
    try {
      const { model, log } = live();
      const shop = await namespace(model, 'shop');
      assert.deepEqual(show(shop), GROUPS);
      const pods = await webPods(shop);
      assert.ok(pods.length >= 2);
      // The seeded web pods request 100m of cpu and use 83 % of it; no memory request: 64Mi.
      for (const p of pods) assert.match(p.description ?? '', /^Running · 1\/1 ready · 0 restarts · \d+[smhd] · cpu 83m · mem 64Mi$/);
      assert.ok(log.some((l) => / top pod -l app=web --no-headers$/.test(l)), log.join('\n'));
    } finally {
      cluster.setMetricsApi('resource', 'unavailable');
      cluster.setMetricsApi('external', 'missing');
    }
  });

  test('without the setting (the model\'s default) and in namespaces without autoscalers, no metrics calls', async () => {
    const off = live(false);
    assert.deepEqual(show(await namespace(off.model, 'shop')), GROUPS);
    assert.ok(!off.log.some((l) => /apiservice| top /.test(l)), off.log.join('\n'));
    const on = live();
    assert.deepEqual(show(await namespace(on.model, 'default')), ['Deployments — 0', 'Services — 0', 'Ingresses — 0', 'HorizontalPodAutoscalers — 0', 'ScaledObjects (KEDA) — 0']);
    assert.ok(!on.log.some((l) => /apiservice/.test(l)), on.log.join('\n'));
  });

  test('a ScaledObject expands to Ready/Active/Fallback, the HPA KEDA created and its triggers', async () => {
    await waitFor('the KEDA HPA status', () => cluster.get('autoscaling/v2/namespaces/shop/horizontalpodautoscalers/keda-hpa-orders')?.status?.conditions?.length > 1);
    const shop = await namespace(live().model, 'shop');
    const orders = find(await children(find(shop, 'ScaledObjects (KEDA)')), 'orders');
    assert.equal(orders.description, '1–20 · prometheus, cpu · Ready');
    const items = await children(orders);
    assert.deepEqual(show(items), [
      'Ready — True · ScaledObjectReady: ScaledObject is defined correctly and is ready for scaling',
      'Active — False · ScalerNotActive: Scaling is not performed because triggers are not active',
      'Fallback — False · NoFallbackFound: No fallbacks are active on this scaled object',
      'HPA keda-hpa-orders — 1 replica (1–20) · metrics unavailable',
      // kubectl prints metadata keys sorted (a Go map); the summary is cut at 80 characters.
      'Trigger prometheus — query=sum(rate(orders_received_total[1m])), serverAddress=http://prometheus.mon…',
      'Trigger cpu — value=70',
    ]);
    assert.deepEqual(items.map((i) => i.icon), ['pass', 'debug-pause', 'pass', 'dashboard', 'symbol-event', 'symbol-event']);
    assert.deepEqual(items[3].target, { context: 'stevedore-test', namespace: 'shop', kind: 'hpa', name: 'keda-hpa-orders' });
    assert.match(items[4].tooltip ?? '', /- query: `sum\(rate\(orders_received_total\[1m\]\)\)`/);
  });

  test('a ScaledObject KEDA has not reconciled: conditions not reported, its HPA not created', async () => {
    const manifest = JSON.stringify({ apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', metadata: { name: 'ghost', namespace: 'shop' }, spec: { scaleTargetRef: { name: 'worker' }, triggers: [{ type: 'cron', metadata: { timezone: 'Europe/Paris', start: '0 8 * * *', end: '0 18 * * *', desiredReplicas: '3' } }] } });
    const r = await kubectl(cluster, ['apply', '-f', '-'], { input: manifest });
    assert.equal(r.code, 0, r.stderr);
    const shop = await namespace(live().model, 'shop');
    const ghost = find(await children(find(shop, 'ScaledObjects (KEDA)')), 'ghost');
    assert.deepEqual(show(await children(ghost)), [
      'Ready — not reported yet',
      'Active — not reported yet',
      'Fallback — not reported yet',
      'HPA keda-hpa-ghost — not created: KEDA has not reconciled this ScaledObject (is KEDA running?)',
      'Trigger cron — desiredReplicas=3, end=0 18 * * *, start=0 8 * * *, timezone=Europe/Paris',
    ]);
  });
});

describe('metrics pipeline checks (fake kubectl)', () => {
  const hpa = (name: string, metrics?: object[], v1cpu?: number) => ({ kind: 'HorizontalPodAutoscaler', metadata: { name }, spec: { maxReplicas: 3, ...(metrics ? { metrics } : {}), ...(v1cpu ? { targetCPUUtilizationPercentage: v1cpu } : {}) } });
  const external = [{ type: 'External', external: { metric: { name: 'queue' }, target: { type: 'Value', value: '5' } } }];
  const cpu = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }];
  const kubectlWith = (rules: Parameters<typeof fakeKubectl>[1]) => {
    const fake = fakeKubectl(mkdtempSync(join(tmp.dir, 'fake-')), rules);
    return { fake, k: new Kubectl({ path: fake.path, requestTimeoutSec: 5, log: () => undefined }) };
  };

  test('only HPAs on cpu/memory (or with no metrics, or autoscaling/v1 cpu) ask for the resource metrics API', async () => {
    const { fake, k } = kubectlWith([{ cmd: 'get apiservice', stderr: 'Error from server (NotFound): apiservices.apiregistration.k8s.io "v1beta1.metrics.k8s.io" not found\n', code: 1 }]);
    assert.deepEqual(await metricsProblems(k, 'dev', [hpa('queue', external)]), []);
    assert.deepEqual(fake.calls(), [], 'an HPA on an external metric needs no metrics-server');
    const problems = await metricsProblems(k, 'dev', [hpa('queue', external), hpa('web', cpu), hpa('default'), hpa('v1', undefined, 50)]);
    assert.deepEqual(problems, [{ apiService: 'v1beta1.metrics.k8s.io', reason: 'NotRegistered', message: 'the APIService v1beta1.metrics.k8s.io does not exist: metrics-server is not installed', dependents: ['web', 'default', 'v1'] }]);
    assert.deepEqual(fake.calls().map(commandOf), ['get apiservice v1beta1.metrics.k8s.io -o json']);
  });

  test('an APIService the user may not read gives no warning (no guessing); an Available one none either', async () => {
    const forbidden = kubectlWith([{ cmd: 'get apiservice', stderr: 'Error from server (Forbidden): apiservices.apiregistration.k8s.io "v1beta1.metrics.k8s.io" is forbidden: User "dev" cannot get resource "apiservices" in API group "apiregistration.k8s.io" at the cluster scope\n', code: 1 }]);
    assert.deepEqual(await metricsProblems(forbidden.k, 'dev', [hpa('web', cpu)]), []);
    const ok = kubectlWith([{ cmd: 'get apiservice', stdout: JSON.stringify({ kind: 'APIService', status: { conditions: [{ type: 'Available', status: 'True', reason: 'Passed' }] } }) }]);
    assert.deepEqual(await metricsProblems(ok.k, 'dev', [hpa('web', cpu)]), []);
    const failing = kubectlWith([{ cmd: 'get apiservice', stdout: JSON.stringify({ kind: 'APIService', status: { conditions: [{ type: 'Available', status: 'False', reason: 'FailedDiscoveryCheck', message: 'failing or missing response from https://10.96.0.9:443/apis/metrics.k8s.io/v1beta1: Get "https://10.96.0.9:443/apis/metrics.k8s.io/v1beta1": dial tcp 10.96.0.9:443: i/o timeout' }] } }) }]);
    const [p] = await metricsProblems(failing.k, 'dev', [hpa('web', cpu)]);
    assert.equal(p.reason, 'FailedDiscoveryCheck');
    assert.match(p.message, /dial tcp 10\.96\.0\.9:443: i\/o timeout$/);
  });

  test('from the palette (no item), Copy Install Command copies the metrics-server command', async () => {
    const copied: string[] = [];
    const infos: string[] = [];
    await copyInstallCommand(undefined, { copy: async (t) => void copied.push(t), showInfo: (m) => void infos.push(m) });
    assert.deepEqual(copied, [METRICS_SERVER_INSTALL]);
    assert.equal(infos[0], `Copied the metrics-server install command. Review it, then run it in a terminal: ${METRICS_SERVER_INSTALL}`);
  });
});

describe('test API server: the resource metrics API', () => {
  test('kubectl top answers only while v1beta1.metrics.k8s.io is Available; usage follows setHpaLoad', async () => {
    const cluster = await startTestCluster({ metricsApi: { resource: 'available' } });
    try {
      const svc = await kubectl(cluster, ['get', 'apiservice', 'v1beta1.metrics.k8s.io', '-o', 'jsonpath={.status.conditions[0].status} {.status.conditions[0].reason}']);
      assert.equal(svc.stdout, 'True Passed');
      const top = await kubectl(cluster, ['top', 'pod', '-n', 'shop', '--no-headers']);
      assert.equal(top.code, 0, top.stderr);
      const usage = parseTopPods(top.stdout);
      assert.deepEqual([...new Set([...usage].filter(([n]) => n.startsWith('web-')).map(([, u]) => u))], ['cpu 83m · mem 64Mi']);
      assert.deepEqual([...usage].filter(([n]) => n.startsWith('worker-')).map(([, u]) => u), ['cpu 5m · mem 64Mi'], 'no cpu request: 5m');
      cluster.setHpaLoad('shop', 'web', 600);
      const loaded = parseTopPods((await kubectl(cluster, ['top', 'pod', '-n', 'shop', '-l', 'app=web', '--no-headers'])).stdout);
      const total = [...loaded.values()].reduce((n, u) => n + Number(/cpu (\d+)m/.exec(u)![1]), 0);
      assert.ok(total <= 600 && total > 600 - loaded.size, `the pods share the 600m load: ${[...loaded.values()].join(', ')}`);
      assert.ok(cluster.requests.some((r) => r.path === '/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods' && r.query === 'labelSelector=app%3Dweb'));

      cluster.setMetricsApi('resource', 'unavailable');
      const down = await kubectl(cluster, ['top', 'pod', '-n', 'shop']);
      assert.equal(down.code, 1);
      assert.match(down.stderr, /error: Metrics API not available/);
      const status = await kubectl(cluster, ['get', 'apiservice', 'v1beta1.metrics.k8s.io', '-o', 'jsonpath={.status.conditions[0].reason}: {.status.conditions[0].message}']);
      assert.equal(status.stdout, 'MissingEndpoints: endpoints for service/metrics-server in "kube-system" have no addresses with port name "https"');
      cluster.setMetricsApi('resource', 'missing');
      const gone = await kubectl(cluster, ['get', 'apiservice', 'v1beta1.metrics.k8s.io']);
      assert.match(gone.stderr, /Error from server \(NotFound\): apiservices\.apiregistration\.k8s\.io "v1beta1\.metrics\.k8s\.io" not found/);
    } finally {
      await cluster.close();
    }
  });
});
