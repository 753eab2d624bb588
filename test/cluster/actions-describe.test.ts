// "Describe": kubectl describe output for the tree's objects and the palette's pick, in a stevedore-describe:
// document whose path names context/namespace/kind/name; run against the test API server with the real kubectl.
import assert from 'node:assert/strict';
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import { describeCommand, describePath, parseDescribePath, type DescribeRef, type DescribeView } from '../../client/src/cluster/describe';
import { startTestCluster, type TestCluster } from '../support/apiserver/index';
import { actionSetup, commandsRun } from './actions-support';
import { tempDir } from './support';
import { waitFor } from '../support/apiserver/kubectl';

const tmp = tempDir();
after(tmp.cleanup);

let cluster: TestCluster;
beforeEach(async () => (cluster = await startTestCluster({ tickMs: 50 })));
afterEach(() => cluster?.close());

class Recorder implements DescribeView {
  readonly shown: { path: string; text: string }[] = [];
  async show(ref: DescribeRef, text: string): Promise<void> {
    this.shown.push({ path: describePath(ref), text });
  }
}
const line = (text: string, key: string) => text.split('\n').find((l) => l.startsWith(`${key}:`))?.replace(/\s+/g, ' ');

describe('describe', () => {
  test('an HPA node: the document shows kubectl describe hpa, under /context/namespace/kind/name', async () => {
    const s = actionSetup(cluster, tmp.dir);
    const view = new Recorder();
    const ref = await describeCommand(s.commands, s.deps, view, { target: { context: 'stevedore-test', namespace: 'shop', kind: 'hpa', name: 'web' } });
    assert.deepEqual(s.ui.errors, []);
    assert.deepEqual(ref, { context: 'stevedore-test', namespace: 'shop', kind: 'hpa', name: 'web' });
    assert.equal(view.shown[0].path, '/stevedore-test/shop/hpa/web');
    const text = view.shown[0].text;
    assert.equal(line(text, 'Name'), 'Name: web');
    assert.equal(line(text, 'Reference'), 'Reference: Deployment/web');
    assert.equal(line(text, 'Min replicas'), 'Min replicas: 2');
    assert.equal(line(text, 'Max replicas'), 'Max replicas: 10');
    assert.match(text, /^\s+ScalingActive\s+True\s+ValidMetricFound\s/m);
    assert.deepEqual(commandsRun(s.log), ['describe hpa/web']);
  });

  test('re-running refreshes: the second describe of the HPA shows its new status', async () => {
    const s = actionSetup(cluster, tmp.dir);
    const view = new Recorder();
    const target = { target: { context: 'stevedore-test', namespace: 'shop', kind: 'hpa' as const, name: 'web' } };
    await describeCommand(s.commands, s.deps, view, target);
    cluster.setHpaLoad('shop', 'web', 600);
    await waitFor('web settled at 9', () => cluster.get('autoscaling/v2/namespaces/shop/horizontalpodautoscalers/web').status.currentReplicas === 9 || undefined);
    await describeCommand(s.commands, s.deps, view, target);
    assert.deepEqual(view.shown.map((v) => v.path), ['/stevedore-test/shop/hpa/web', '/stevedore-test/shop/hpa/web']);
    assert.equal(line(view.shown[0].text, 'Deployment pods'), 'Deployment pods: 3 current / 3 desired');
    assert.equal(line(view.shown[1].text, 'Deployment pods'), 'Deployment pods: 9 current / 9 desired');
    assert.match(view.shown[1].text, /^\s+Normal\s+SuccessfulRescale\s+.*New size: 9; reason: cpu resource utilization \(percentage of request\) above target$/m);
  });

  test('Deployments, Services, Ingresses and Pods', async () => {
    const s = actionSetup(cluster, tmp.dir);
    const view = new Recorder();
    const at = (kind: 'deployment' | 'service' | 'ingress' | 'pod', name: string) => ({ target: { context: 'stevedore-test', namespace: 'shop', kind, name } });
    await describeCommand(s.commands, s.deps, view, at('deployment', 'web'));
    await describeCommand(s.commands, s.deps, view, at('service', 'web'));
    await describeCommand(s.commands, s.deps, view, at('ingress', 'web'));
    const pods = await s.deps.kubectl().json<{ items: { metadata: { name: string } }[] }>(['get', 'pods', '-l', 'app=web'], { context: 'stevedore-test', namespace: 'shop' });
    const pod = pods.items[0].metadata.name;
    await describeCommand(s.commands, s.deps, view, at('pod', pod));
    assert.deepEqual(s.ui.errors, []);
    assert.deepEqual(view.shown.map((v) => v.path), ['/stevedore-test/shop/deployment/web', '/stevedore-test/shop/service/web', '/stevedore-test/shop/ingress/web', `/stevedore-test/shop/pod/${pod}`]);
    assert.equal(line(view.shown[0].text, 'Selector'), 'Selector: app=web');
    assert.match(view.shown[0].text, /^\s+Image:\s+registry\.example\.com\/web:1\.2\.0$/m);
    assert.equal(line(view.shown[1].text, 'Type'), 'Type: ClusterIP');
    assert.equal(line(view.shown[2].text, 'Ingress Class'), 'Ingress Class: nginx');
    assert.equal(line(view.shown[3].text, 'Name'), `Name: ${pod}`);
    assert.equal(line(view.shown[3].text, 'Status'), 'Status: Running');
  });

  test('from the palette: a pick of the namespace\'s objects, Deployments first', async () => {
    const s = actionSetup(cluster, tmp.dir, { pick: (items) => items.find((i) => i.label === 'web' && i.description === 'Service')?.value });
    const view = new Recorder();
    await describeCommand(s.commands, s.deps, view);
    const pick = s.ui.picks[0];
    assert.equal(pick.options.title, 'Describe in shop · stevedore-test');
    const rows = pick.items.map((i) => `${i.description} ${i.label}`);
    assert.deepEqual(rows.slice(0, 4), ['Deployment web', 'Deployment worker', 'HorizontalPodAutoscaler web', 'HorizontalPodAutoscaler worker']);
    assert.ok(rows.includes('Ingress web') && rows.some((r) => /^Pod web-/.test(r)), rows.join('\n'));
    assert.equal(view.shown[0].path, '/stevedore-test/shop/service/web');
    assert.equal(line(view.shown[0].text, 'Selector'), 'Selector: app=web');
  });

  test('the selected tree node is used from the palette; a missing object is one error line', async () => {
    const s = actionSetup(cluster, tmp.dir, {}, { context: 'stevedore-test', namespace: 'shop', kind: 'deployment', name: 'gone' });
    const view = new Recorder();
    assert.equal(await describeCommand(s.commands, s.deps, view), undefined);
    assert.deepEqual(view.shown, []);
    assert.deepEqual(s.ui.errors, ['Not found (context "stevedore-test", namespace "shop"): deployments.apps "gone" not found.']);
  });

  test('paths round-trip, also for context names with slashes and colons', () => {
    const ref: DescribeRef = { context: 'arn:aws:eks:eu-west-1:1:cluster/prod', namespace: 'shop', kind: 'pod', name: 'web-1' };
    assert.equal(describePath(ref), '/arn%3Aaws%3Aeks%3Aeu-west-1%3A1%3Acluster%2Fprod/shop/pod/web-1');
    assert.deepEqual(parseDescribePath(describePath(ref)), ref);
    assert.equal(parseDescribePath('/a/b/secret/x'), undefined);
    assert.equal(parseDescribePath('/a/b/pod'), undefined);
  });
});
