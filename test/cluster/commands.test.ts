// The command flows end to end: scripted UI → real kubectl → the test API server; assertions on cluster state.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import { stringify } from 'yaml';
import { ClusterCommands } from '../../client/src/cluster/commands';
import { readKubeconfig } from '../../client/src/cluster/kubeconfig';
import { ClusterSelection } from '../../client/src/cluster/state';
import { startTestCluster, type TestCluster } from '../support/apiserver/index';
import { FakeUi, liveKubectl, tempDir, type ScriptedAnswers } from './support';

const tmp = tempDir();
after(tmp.cleanup);
const WEB = 'apps/v1/namespaces/shop/deployments/web';

let cluster: TestCluster;
beforeEach(async () => {
  cluster = await startTestCluster({ tickMs: 50 });
});
afterEach(() => cluster?.close());

function setup(answers: ScriptedAnswers = {}) {
  const log: string[] = [];
  const ui = new FakeUi(answers);
  let mutations = 0;
  const commands = new ClusterCommands({
    kubectl: () => liveKubectl(cluster.kubeconfig, mkdtempSync(join(tmp.dir, 'home-')), log),
    ui,
    kubeconfig: () => readKubeconfig([cluster.kubeconfig]),
    selection: new ClusterSelection(),
    protectedContexts: () => ['*prod*'],
    rolloutTimeoutSec: () => 60,
    onMutated: () => void mutations++,
    activeEditor: () => undefined,
  });
  return { ui, commands, log, mutations: () => mutations };
}
const image = () => cluster.get(WEB).spec.template.spec.containers[0].image as string;

describe('rollout undo', () => {
  test('pick (default: previous) → confirmation naming everything → undo → status; the image really reverts', async () => {
    const s = setup();
    assert.equal(image(), 'registry.example.com/web:1.2.0');
    const outcome = await s.commands.rolloutUndo({ name: 'web', namespace: 'shop' });
    assert.deepEqual(s.ui.errors, []);
    const pick = s.ui.picks[0];
    assert.deepEqual(pick.items.map((i) => `${i.label} | ${i.description} | ${i.detail?.split(' · ')[0]}`), [
      'Revision 2 | registry.example.com/web:1.1.0 | deploy 1.1.0',
      'Revision 1 | registry.example.com/web:1.0.0 | deploy 1.0.0',
    ]);
    assert.equal(pick.options.activeIndex, 0, 'the previous revision is the default');
    assert.equal(s.ui.confirms[0].message, 'Roll back deployment "web" to revision 2?');
    assert.equal(
      s.ui.confirms[0].detail,
      'Context: stevedore-test\nNamespace: shop\nDeployment: web\nTarget revision: 2 — registry.example.com/web:1.1.0 — deploy 1.1.0\nCurrent revision: 3 — registry.example.com/web:1.2.0 — deploy 1.2.0',
    );
    assert.equal(s.ui.typed.length, 0, 'not a protected context');
    assert.deepEqual(outcome, { ok: true, message: 'Deployment "web" rolled out successfully (shop · stevedore-test).', reason: undefined });
    assert.equal(image(), 'registry.example.com/web:1.1.0');
    assert.ok(s.log.some((l) => /^\$ \/usr\/bin\/kubectl --context stevedore-test --namespace shop --kubeconfig \S+ --cache-dir \S+ --request-timeout=10s rollout undo deployment\/web --to-revision=2$/.test(l)), s.log.join('\n'));
    assert.ok(s.mutations() >= 1, 'the tree was refreshed');
  });

  test('protected context prod-eu: a wrong typed name refuses, the right one rolls back', async () => {
    const wrong = setup({ type: () => 'webb' });
    assert.deepEqual(await wrong.commands.rolloutUndo({ name: 'web', namespace: 'shop', context: 'prod-eu' }), { ok: false, message: 'not confirmed', reason: 'refused' });
    assert.equal(wrong.ui.typed[0].prompt, 'Context "prod-eu" is protected. Type the deployment name "web" to confirm.');
    assert.match(wrong.ui.confirms[0].detail, /^Context: prod-eu \(protected\)\n/);
    assert.deepEqual(wrong.ui.errors, ['Nothing changed: you typed "webb", not "web" (protected context prod-eu).']);
    assert.equal(image(), 'registry.example.com/web:1.2.0');
    assert.ok(!wrong.log.some((l) => l.includes('rollout undo')));

    const right = setup({ type: (expected) => expected, pick: (items) => items.find((i) => i.label === 'Revision 1')?.value });
    assert.equal((await right.commands.rolloutUndo({ name: 'web', namespace: 'shop', context: 'prod-eu' }))?.ok, true);
    assert.equal(image(), 'registry.example.com/web:1.0.0');
  });
});

describe('rollout status', () => {
  test('success is reported after streaming progress', async () => {
    const s = setup();
    const outcome = await s.commands.rolloutStatus({ name: 'web', namespace: 'shop' });
    assert.equal(outcome?.ok, true);
    assert.deepEqual(s.ui.infos, ['Deployment "web" rolled out successfully (shop · stevedore-test).']);
    assert.deepEqual(s.ui.progressTitles, ['Rollout of web (shop · stevedore-test)']);
  });

  test('a rollout that cannot progress ends with ProgressDeadlineExceeded', async () => {
    cluster.setFailRollouts(true);
    const s = setup();
    const outcome = await s.commands.rolloutRestart({ name: 'web', namespace: 'shop' });
    assert.equal(s.ui.confirms[0].message, 'Restart deployment "web"?');
    assert.equal(outcome?.ok, false);
    assert.equal(outcome?.reason, 'ProgressDeadlineExceeded');
    assert.match(s.ui.errors[0], /^Rollout of "web" failed \(shop · stevedore-test\): ProgressDeadlineExceeded — ReplicaSet "web-[a-z0-9]+" has timed out progressing\.$/);
    assert.ok(s.ui.progressLines.some((l) => l.startsWith('Waiting for deployment "web" rollout to finish')), s.ui.progressLines.join('\n'));
  });
});

describe('errors reach the user as one clear line', () => {
  test('forbidden names the verb and the resource', async () => {
    cluster.setForbidden({ verb: 'patch', resource: 'deployments' });
    const s = setup();
    assert.equal(await s.commands.rolloutRestart({ name: 'web', namespace: 'shop' }), undefined);
    assert.equal(s.ui.errors.length, 1);
    assert.match(s.ui.errors[0], /^Forbidden: stevedore-test may not patch deployments\.apps in namespace "shop" \(context "stevedore-test"\)\. Ask a cluster admin/);
  });

  test('a deployment that does not exist', async () => {
    const s = setup();
    await s.commands.rolloutHistory({ name: 'nope', namespace: 'shop' });
    assert.deepEqual(s.ui.errors, ['Not found (context "stevedore-test", namespace "shop"): deployments.apps "nope" not found.']);
  });
});

describe('apply', () => {
  test('diff → confirm → apply changes the image; a second apply finds nothing to do', async () => {
    const live = cluster.get(WEB);
    const manifest = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop', labels: live.metadata.labels },
      spec: { ...live.spec, template: { ...live.spec.template, spec: { ...live.spec.template.spec, containers: [{ ...live.spec.template.spec.containers[0], image: 'registry.example.com/web:1.3.0' }] } } },
    };
    const file = join(mkdtempSync(join(tmp.dir, 'manifests-')), 'web.yaml');
    writeFileSync(file, stringify(manifest));
    const s = setup();
    const outcome = await s.commands.applyFile({ path: file });
    assert.deepEqual(s.ui.errors, []);
    assert.match(s.ui.diffs[0].diff, /^-\s+- image: registry\.example\.com\/web:1\.2\.0$/m);
    assert.match(s.ui.diffs[0].diff, /^\+\s+- image: registry\.example\.com\/web:1\.3\.0$/m);
    assert.equal(s.ui.confirms[0].message, 'Apply web.yaml to stevedore-test?');
    assert.equal(s.ui.confirms[0].detail, 'Context: stevedore-test\nNamespace: shop\nChanges: apps.v1.Deployment.shop.web');
    assert.deepEqual(outcome, { ok: true, message: 'Applied web.yaml to shop · stevedore-test: deployment.apps/web configured.' });
    assert.equal(image(), 'registry.example.com/web:1.3.0');

    const again = setup();
    assert.equal((await again.commands.applyFile({ path: file }))?.reason, 'unchanged');
    assert.deepEqual(again.ui.infos, ['No changes: web.yaml matches what runs in shop · stevedore-test.']);
  });

  test('declining the confirmation leaves the cluster as it was', async () => {
    const file = join(mkdtempSync(join(tmp.dir, 'manifests-')), 'svc.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: extra\nspec:\n  selector: {app: web}\n  ports: [{port: 81}]\n');
    const s = setup({ confirm: () => false });
    assert.equal((await s.commands.applyFile({ path: file }))?.reason, 'refused');
    assert.match(s.ui.diffs[0].diff, /\+\s+name: extra/);
    assert.equal(cluster.get('v1/namespaces/shop/services/extra'), undefined);
  });
});
