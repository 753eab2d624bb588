// "Set Image…" against the test API server with the real kubectl: container pick, the prefilled image, the
// confirmation (typed name on protected contexts), kubectl set image, the change-cause, the rollout status watch.
import assert from 'node:assert/strict';
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import { listRevisions } from '../../client/src/cluster/revisions';
import { imageProblem, setImage } from '../../client/src/cluster/setImage';
import { startTestCluster, type TestCluster } from '../support/apiserver/index';
import { kubectl } from '../support/apiserver/kubectl';
import { actionSetup, commandsRun } from './actions-support';
import { tempDir } from './support';

const tmp = tempDir();
after(tmp.cleanup);

let cluster: TestCluster;
beforeEach(async () => (cluster = await startTestCluster({ tickMs: 50 })));
afterEach(() => cluster?.close());

const WEB = { name: 'web', namespace: 'shop' };
const containers = (name: string) => cluster.get(`apps/v1/namespaces/shop/deployments/${name}`).spec.template.spec.containers as { name: string; image: string }[];

describe('set image', () => {
  test('one container: no pick; the image prefilled; confirm; set image, change-cause, rollout watched to the end', async () => {
    const s = actionSetup(cluster, tmp.dir, { ask: () => 'registry.example.com/web:1.3.0' });
    const outcome = await setImage(s.commands, s.deps, WEB);
    assert.deepEqual(s.ui.errors, []);
    assert.equal(s.ui.picks.length, 0);
    assert.deepEqual(s.ui.asked, [{ prompt: 'New image for container "web" of deployment "web" (shop · stevedore-test)', value: 'registry.example.com/web:1.2.0' }]);
    assert.equal(s.ui.confirms[0].message, 'Set the image of "web" in deployment "web"?');
    assert.equal(s.ui.confirms[0].detail, 'Context: stevedore-test\nNamespace: shop\nDeployment: web\nContainer: web\nImage: registry.example.com/web:1.2.0 → registry.example.com/web:1.3.0\n\nThe pods are replaced by a rolling update.');
    assert.deepEqual(outcome, { ok: true, message: 'Deployment "web" rolled out successfully (shop · stevedore-test).', reason: undefined });
    assert.equal(containers('web')[0].image, 'registry.example.com/web:1.3.0');
    assert.deepEqual(commandsRun(s.log).slice(1, 4), [
      'set image deployment/web web=registry.example.com/web:1.3.0',
      "annotate deployment/web 'kubernetes.io/change-cause=kubectl set image deployment/web web=registry.example.com/web:1.3.0' --overwrite",
      'rollout status deployment/web --watch --timeout=60s',
    ]);
    const [newest] = await listRevisions(s.deps.kubectl(), { context: 'stevedore-test', ...WEB });
    assert.deepEqual([newest.revision, newest.image, newest.changeCause, newest.current], [4, 'registry.example.com/web:1.3.0', 'kubectl set image deployment/web web=registry.example.com/web:1.3.0', true]);
    const history = await kubectl(cluster, ['rollout', 'history', 'deployment/web', '-n', 'shop']);
    assert.match(history.stdout, /^4\s+kubectl set image deployment\/web web=registry\.example\.com\/web:1\.3\.0$/m);
  });

  test('several containers: a pick with their images; only the picked one changes', async () => {
    const two = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'shop' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api' } },
        spec: { containers: [{ name: 'api', image: 'example.com/api:2.0' }, { name: 'proxy', image: 'envoyproxy/envoy:v1.30.1' }] } } } };
    assert.equal((await kubectl(cluster, ['apply', '-f', '-'], { input: JSON.stringify(two) })).code, 0);
    const s = actionSetup(cluster, tmp.dir, { pick: (items) => items.find((i) => i.label === 'proxy')?.value, ask: () => 'envoyproxy/envoy:v1.31.0' });
    assert.equal((await setImage(s.commands, s.deps, { name: 'api', namespace: 'shop' }))?.ok, true);
    assert.deepEqual(s.ui.picks[0].items.map((i) => `${i.label} ${i.description}`), ['api example.com/api:2.0', 'proxy envoyproxy/envoy:v1.30.1']);
    assert.equal(s.ui.picks[0].options.title, 'Container of api (shop · stevedore-test)');
    assert.equal(s.ui.asked[0].value, 'envoyproxy/envoy:v1.30.1');
    assert.deepEqual(containers('api').map((c) => c.image), ['example.com/api:2.0', 'envoyproxy/envoy:v1.31.0']);
  });

  test('protected context: the name must be typed; a wrong one, an unchanged or invalid image change nothing', async () => {
    const typo = actionSetup(cluster, tmp.dir, { ask: () => 'registry.example.com/web:9', type: () => 'wbe' });
    assert.equal((await setImage(typo.commands, typo.deps, { ...WEB, context: 'prod-eu' }))?.reason, 'refused');
    assert.match(typo.ui.confirms[0].detail, /^Context: prod-eu \(protected\)\n/);
    assert.deepEqual(typo.ui.errors, ['Nothing changed: you typed "wbe", not "web" (protected context prod-eu).']);
    const same = actionSetup(cluster, tmp.dir, { ask: () => ' registry.example.com/web:1.2.0 ' });
    assert.equal((await setImage(same.commands, same.deps, WEB))?.reason, 'unchanged');
    assert.deepEqual(same.ui.infos, ['Nothing changed: container "web" of "web" already runs registry.example.com/web:1.2.0.']);
    const bad = actionSetup(cluster, tmp.dir, { ask: () => 'web 1.3' });
    assert.equal((await setImage(bad.commands, bad.deps, WEB))?.reason, 'invalid');
    assert.deepEqual(bad.ui.errors, ['Not an image: "web 1.3" (an image reference has no spaces).']);
    assert.ok(![...typo.log, ...same.log, ...bad.log].some((l) => /set image|annotate/.test(l)));
    assert.equal(containers('web')[0].image, 'registry.example.com/web:1.2.0');

    const right = actionSetup(cluster, tmp.dir, { ask: () => 'registry.example.com/web:1.3.1', type: (name) => name });
    assert.equal((await setImage(right.commands, right.deps, { ...WEB, context: 'prod-eu' }))?.ok, true);
    assert.equal(containers('web')[0].image, 'registry.example.com/web:1.3.1');
  });

  test('image references', () => {
    assert.equal(imageProblem('nginx'), undefined);
    assert.equal(imageProblem('registry.example.com:5000/team/web@sha256:abc'), undefined);
    assert.equal(imageProblem('web:'), 'expected e.g. registry.example.com/web:1.3.0 or web@sha256:…');
    assert.equal(imageProblem(''), 'the image is empty');
  });
});
