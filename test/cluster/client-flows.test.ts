// Command flows against a fake kubectl: which deployment a command acts on, confirmations, diff-before-apply.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ClusterCommands, type EditorSnapshot } from '../../client/src/cluster/commands';
import { readKubeconfig } from '../../client/src/cluster/kubeconfig';
import { Kubectl } from '../../client/src/cluster/kubectl';
import type { NodeTarget } from '../../client/src/cluster/model';
import { ClusterSelection, type Store } from '../../client/src/cluster/state';
import { FakeUi, commandOf, fakeKubectl, tempDir, waitFor, type FakeRule, type ScriptedAnswers } from './support';

const tmp = tempDir();
after(tmp.cleanup);
const kubeconfigFile = join(tmp.dir, 'kubeconfig.yaml');
const kubeconfigText = `apiVersion: v1
kind: Config
current-context: stevedore-test
clusters: [{name: c, cluster: {server: 'http://127.0.0.1:1'}}]
users: [{name: u, user: {token: t}}]
contexts:
- {name: stevedore-test, context: {cluster: c, user: u, namespace: shop}}
- {name: prod-eu, context: {cluster: c, user: u, namespace: shop}}
`;
writeFileSync(kubeconfigFile, kubeconfigText);

function memoryStore(): Store & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: <T>(k: string) => data.get(k) as T | undefined, update: async (k, v) => void data.set(k, v) };
}

const list = (items: object[]) => JSON.stringify({ kind: 'List', items });
const deployment = (name: string, extra: object = {}) => ({
  kind: 'Deployment',
  metadata: { name, uid: `${name}-uid`, annotations: { 'deployment.kubernetes.io/revision': '3' } },
  spec: { replicas: 3, selector: { matchLabels: { app: name } } },
  status: { readyReplicas: 3 },
  ...extra,
});
const rs = (rev: number, image: string) => ({
  metadata: { name: `web-${rev}`, annotations: { 'deployment.kubernetes.io/revision': String(rev), 'kubernetes.io/change-cause': `deploy ${image}` }, ownerReferences: [{ uid: 'web-uid' }] },
  spec: { template: { spec: { containers: [{ image }] } } },
});
const webRules: FakeRule[] = [
  { cmd: 'get deployment/web -o json', stdout: JSON.stringify(deployment('web')) },
  { cmd: 'get replicasets -l app=web -o json', stdout: list([rs(1, 'web:1.0.0'), rs(2, 'web:1.1.0'), rs(3, 'web:1.2.0')]) },
  { cmd: 'rollout undo deployment/web --to-revision=', stdout: 'deployment.apps/web rolled back\n' },
  { cmd: 'rollout status deployment/web', stdout: 'deployment "web" successfully rolled out\n' },
];

function setup(rules: FakeRule[], opts: { answers?: ScriptedAnswers; editor?: EditorSnapshot; selected?: NodeTarget } = {}) {
  const fake = fakeKubectl(mkdtempSync(join(tmp.dir, 'fake-')), rules);
  const ui = new FakeUi(opts.answers);
  const k = new Kubectl({ path: fake.path, kubeconfig: kubeconfigFile, requestTimeoutSec: 5, log: () => undefined });
  const store = memoryStore();
  const selection = new ClusterSelection(store);
  let mutations = 0;
  const commands = new ClusterCommands({
    kubectl: () => k,
    ui,
    kubeconfig: () => readKubeconfig([kubeconfigFile]),
    selection,
    protectedContexts: () => ['*prod*'],
    rolloutTimeoutSec: () => 60,
    onMutated: () => void mutations++,
    activeEditor: () => opts.editor,
    selectedTarget: () => opts.selected,
  });
  const ran = () => fake.calls().map(commandOf);
  const contexts = () => fake.calls().map((a) => a[a.indexOf('--context') + 1]);
  return { fake, ui, commands, selection, store, ran, contexts, mutations: () => mutations };
}

describe('which deployment a command acts on', () => {
  test('a tree node, a CodeLens argument, the cursor, or a quick pick of the namespace', async () => {
    const yaml = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: backend\nspec: {}\n';
    const s = setup([{ cmd: 'get deployments -o json', stdout: list([deployment('worker'), deployment('web')]) }], {
      editor: { languageId: 'yaml', text: yaml, offset: yaml.indexOf('spec'), label: 'api.yaml' },
    });
    assert.deepEqual(await s.commands.deployment({ target: { context: 'prod-eu', namespace: 'shop', kind: 'deployment', name: 'web' } }), { context: 'prod-eu', namespace: 'shop', name: 'web' });
    assert.deepEqual(await s.commands.deployment({ name: 'web', namespace: 'payments' }), { context: 'stevedore-test', namespace: 'payments', name: 'web' });
    assert.deepEqual(await s.commands.deployment({ name: 'web' }), { context: 'stevedore-test', namespace: 'shop', name: 'web' });
    assert.deepEqual(await s.commands.deployment(undefined), { context: 'stevedore-test', namespace: 'backend', name: 'api' }, 'cursor');
    assert.deepEqual(s.ran(), [], 'no kubectl call needed so far');

    const palette = setup([{ cmd: 'get deployments -o json', stdout: list([deployment('worker'), deployment('web')]) }], { answers: { pick: (items) => items[1].value } });
    await palette.selection.setNamespace('prod-eu', 'payments');
    assert.deepEqual(await palette.commands.deployment(undefined), { context: 'prod-eu', namespace: 'payments', name: 'worker' });
    assert.deepEqual(palette.ui.picks[0].items.map((i) => `${i.label} ${i.description}`), ['web 3/3 ready · rev 3', 'worker 3/3 ready · rev 3']);
    assert.equal(palette.ui.picks[0].options.title, 'Deployment in payments · prod-eu');
    assert.deepEqual(palette.contexts(), ['prod-eu']);
  });

  test('from the palette, the Deployment selected in the cluster view comes before the cursor and the quick pick', async () => {
    const yaml = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: backend\nspec: {}\n';
    const editor: EditorSnapshot = { languageId: 'yaml', text: yaml, offset: yaml.indexOf('spec'), label: 'api.yaml' };
    const web = { context: 'prod-eu', namespace: 'shop', kind: 'deployment' as const, name: 'web' };
    const selectedDeployment = setup([], { editor, selected: web });
    assert.deepEqual(await selectedDeployment.commands.deployment(undefined), { context: 'prod-eu', namespace: 'shop', name: 'web' });
    // An explicit argument (CodeLens, context menu) still wins over the selection.
    assert.deepEqual(await selectedDeployment.commands.deployment({ name: 'api', namespace: 'backend' }), { context: 'stevedore-test', namespace: 'backend', name: 'api' });
    // A pod or a namespace selected: not a Deployment, so the cursor decides.
    for (const selected of [{ context: 'prod-eu', namespace: 'shop', kind: 'pod' as const, name: 'web-1' }, { context: 'prod-eu', namespace: 'shop' }]) {
      assert.deepEqual(await setup([], { editor, selected }).commands.deployment(undefined), { context: 'stevedore-test', namespace: 'backend', name: 'api' });
    }
  });

  test('"Roll Back" from the palette with a revision selected acts on its Deployment: only the revision is picked', async () => {
    const s = setup(webRules, { selected: { context: 'stevedore-test', namespace: 'shop', kind: 'deployment', name: 'web', revision: 1 } });
    const outcome = await s.commands.rolloutUndo();
    assert.deepEqual(s.ui.errors, []);
    assert.deepEqual(s.ui.picks.map((p) => p.items.map((i) => i.label)), [['Revision 2', 'Revision 1']], 'no deployment pick');
    assert.equal(s.ui.confirms[0].message, 'Roll back deployment "web" to revision 2?');
    assert.ok(s.ran().includes('rollout undo deployment/web --to-revision=2'), s.ran().join('\n'));
    assert.equal(outcome?.ok, true);
  });

  test('a bad name from a CodeLens argument is refused before kubectl runs', async () => {
    const s = setup(webRules);
    assert.equal(await s.commands.rolloutStatus({ name: 'web --all', namespace: 'shop' }), undefined);
    assert.deepEqual(s.ui.errors, ['Refusing to run kubectl: "web --all" is not a valid Kubernetes name (lower-case letters, digits, \'-\' and \'.\', starting and ending with a letter or digit).']);
    assert.deepEqual(s.ran(), []);
  });
});

describe('selection is the extension\'s own state', () => {
  test('select context and namespace; the kubeconfig is untouched until "Use as kubectl current-context"', async () => {
    const s = setup([
      { cmd: 'get namespaces -o json', stdout: list([{ metadata: { name: 'payments' } }, { metadata: { name: 'shop' } }]) },
      { cmd: 'config use-context prod-eu', stdout: 'Switched to context "prod-eu".\n' },
    ], { answers: { pick: (items) => items.find((i) => i.label === 'prod-eu' || i.label === 'payments')?.value } });
    assert.equal(await s.commands.selectContext(), 'prod-eu');
    assert.equal(await s.commands.selectNamespace(), 'payments');
    assert.deepEqual(s.selection.get(), { context: 'prod-eu', namespace: 'payments' });
    assert.deepEqual(await s.commands.scope(), { context: 'prod-eu', namespace: 'payments' });
    assert.equal(readFileSync(kubeconfigFile, 'utf8'), kubeconfigText);
    assert.deepEqual(s.ran(), ['get namespaces -o json']);
    assert.equal(s.mutations(), 2, 'the tree refreshed after each selection');

    assert.equal(await s.commands.useAsCurrentContext({ target: { context: 'prod-eu' } }), 'prod-eu');
    assert.match(s.ui.confirms[0].message, /Make "prod-eu" kubectl's current-context\?/);
    assert.match(s.ui.confirms[0].detail, /changes .*kubeconfig\.yaml for every terminal/);
    assert.deepEqual(s.ran().slice(-1), ['config use-context prod-eu']);
    assert.deepEqual(s.ui.infos, ['Switched to context "prod-eu".']);
  });

  test('"Use as kubectl current-context" really switches the kubeconfig (real kubectl); Select Context does not', async () => {
    const copy = join(mkdtempSync(join(tmp.dir, 'kc-')), 'config');
    writeFileSync(copy, kubeconfigText);
    const ui = new FakeUi({ pick: (items) => items.find((i) => i.label === 'prod-eu')?.value });
    const k = new Kubectl({ path: '/usr/bin/kubectl', kubeconfig: copy, requestTimeoutSec: 5, log: () => undefined, env: { ...process.env, HOME: tmp.dir } });
    const selection = new ClusterSelection(memoryStore());
    const commands = new ClusterCommands({ kubectl: () => k, ui, kubeconfig: () => readKubeconfig([copy]), selection, protectedContexts: () => [], rolloutTimeoutSec: () => 60, onMutated: () => undefined, activeEditor: () => undefined });
    await commands.selectContext();
    assert.equal((await readKubeconfig([copy])).currentContext, 'stevedore-test');
    assert.equal(await commands.useAsCurrentContext(), 'prod-eu');
    assert.deepEqual(ui.errors, []);
    assert.equal((await readKubeconfig([copy])).currentContext, 'prod-eu');
    assert.deepEqual(ui.infos, ['Switched to context "prod-eu".']);
  });

  test('namespaces that cannot be listed are typed in, and validated', async () => {
    const s = setup([{ cmd: 'get namespaces', code: 1, stderr: 'Error from server (Forbidden): namespaces is forbidden: User "u" cannot list resource "namespaces" in API group "" at the cluster scope\n' }], {
      answers: { ask: () => 'Team_A' },
    });
    assert.equal(await s.commands.selectNamespace(), undefined);
    assert.match(s.ui.errors[0], /^Not a namespace: "Team_A" is not a valid namespace/);
    s.ui.answers.ask = () => 'team-a';
    assert.equal(await s.commands.selectNamespace(), 'team-a');
  });
});

describe('rollouts (fake kubectl)', () => {
  test('undo on a protected context refuses when the typed name is wrong; nothing is rolled back', async () => {
    const s = setup(webRules, { answers: { type: () => 'wbe' } });
    const outcome = await s.commands.rolloutUndo({ name: 'web', namespace: 'shop', context: 'prod-eu' });
    assert.deepEqual(outcome, { ok: false, message: 'not confirmed', reason: 'refused' });
    assert.equal(s.ui.picks[0].items[s.ui.picks[0].options.activeIndex ?? 0].label, 'Revision 2', 'defaults to the previous revision');
    assert.equal(s.ui.confirms[0].detail, 'Context: prod-eu (protected)\nNamespace: shop\nDeployment: web\nTarget revision: 2 — web:1.1.0 — deploy web:1.1.0\nCurrent revision: 3 — web:1.2.0 — deploy web:1.2.0');
    assert.equal(s.ui.typed[0].prompt, 'Context "prod-eu" is protected. Type the deployment name "web" to confirm.');
    assert.deepEqual(s.ui.errors, ['Nothing changed: you typed "wbe", not "web" (protected context prod-eu).']);
    assert.ok(!s.ran().some((c) => c.startsWith('rollout undo')));
    assert.equal(s.mutations(), 0);
  });

  test('undo to a revision picked in the tree skips the pick, then watches the rollout', async () => {
    const s = setup(webRules);
    const outcome = await s.commands.rolloutUndo({ target: { context: 'stevedore-test', namespace: 'shop', kind: 'deployment', name: 'web', revision: 1 } });
    assert.equal(outcome?.ok, true);
    assert.equal(s.ui.picks.length, 0);
    assert.equal(s.ui.typed.length, 0, 'not a protected context');
    assert.deepEqual(s.ran(), ['get deployment/web -o json', 'get replicasets -l app=web -o json', 'rollout undo deployment/web --to-revision=1', 'rollout status deployment/web --watch --timeout=60s']);
    assert.deepEqual(s.ui.infos, ['deployment.apps/web rolled back to revision 1 (shop · stevedore-test); watching the rollout…', 'Deployment "web" rolled out successfully (shop · stevedore-test).']);
    assert.ok(s.mutations() >= 1);
  });

  test('a failed rollout names the reason from the Deployment condition', async () => {
    const stuck = deployment('web', { status: { conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-4" has timed out progressing.' }] } });
    const s = setup([
      { cmd: 'rollout status', stdout: 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n', stderr: 'error: deployment "web" exceeded its progress deadline\n', code: 1 },
      { cmd: 'get deployment/web', stdout: JSON.stringify(stuck) },
    ]);
    const outcome = await s.commands.rolloutStatus({ name: 'web' });
    assert.deepEqual(outcome, { ok: false, reason: 'ProgressDeadlineExceeded', message: 'Rollout of "web" failed (shop · stevedore-test): ProgressDeadlineExceeded — ReplicaSet "web-4" has timed out progressing.' });
    assert.deepEqual(s.ui.progressLines, ['Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...']);
    assert.deepEqual(s.ui.errors, [outcome?.message]);
  });

  test('cancelling the status watch stops kubectl and says the rollout goes on', async () => {
    const s = setup([{ cmd: 'rollout status', hang: true }]);
    const controller = new AbortController();
    s.ui.progress = (_title, _cancellable, task) => task(() => undefined, controller.signal);
    const pending = s.commands.rolloutStatus({ name: 'web' });
    await waitFor(() => s.ran().some((c) => c.startsWith('rollout status')), 5000, 'kubectl rollout status to start');
    controller.abort();
    assert.deepEqual(await pending, { ok: false, message: 'cancelled', reason: 'cancelled' });
    assert.deepEqual(s.ui.infos, ['Stopped watching the rollout of "web"; the rollout itself goes on.']);
  });

  test('history lists revisions with image and change-cause', async () => {
    const s = setup(webRules);
    const revisions = await s.commands.rolloutHistory({ name: 'web' });
    assert.deepEqual(revisions?.map((r) => r.revision), [3, 2, 1]);
    const text = s.ui.texts[0].text.split('\n');
    assert.equal(text[0], 'Rollout history of deployment/web (context stevedore-test, namespace shop)');
    assert.match(text[2], /^REVISION\s+IMAGE\s+AGE\s+CHANGE-CAUSE$/);
    assert.match(text[3], /^3 \(current\)\s+web:1\.2\.0\s+deploy web:1\.2\.0$/);
  });
});

describe('apply (fake kubectl)', () => {
  const file = join(tmp.dir, 'web.yaml');
  writeFileSync(file, 'kind: Deployment\n');
  test('no differences: nothing applied, the user is told', async () => {
    const s = setup([{ cmd: 'diff -f', code: 0 }]);
    assert.equal((await s.commands.applyFile({ path: file }))?.reason, 'unchanged');
    assert.deepEqual(s.ui.infos, ['No changes: web.yaml matches what runs in shop · stevedore-test.']);
    assert.deepEqual(s.ran(), [`diff -f ${file}`]);
  });
  test('differences are shown; declining applies nothing', async () => {
    const diff = `diff -u -N /tmp/LIVE-1/apps.v1.Deployment.shop.web /tmp/MERGED-2/apps.v1.Deployment.shop.web\n--- /tmp/LIVE-1/apps.v1.Deployment.shop.web\n+++ /tmp/MERGED-2/apps.v1.Deployment.shop.web\n-  image: a\n+  image: b\n`;
    const s = setup([{ cmd: 'diff -f', code: 1, stdout: diff }], { answers: { confirm: () => false } });
    assert.equal((await s.commands.applyFile({ path: file }))?.reason, 'refused');
    assert.equal(s.ui.diffs[0].diff, diff);
    assert.equal(s.ui.confirms[0].detail, 'Context: stevedore-test\nNamespace: shop\nChanges: apps.v1.Deployment.shop.web');
    assert.deepEqual(s.ran(), [`diff -f ${file}`]);
  });
  test('a diff error (exit > 1) is an error, and unsaved editor text goes through stdin', async () => {
    const s = setup([{ cmd: 'diff -f -', code: 2, stderr: 'error: error parsing STDIN: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context\n' }], {
      editor: { languageId: 'yaml', text: 'kind: x: y\n', offset: 0, label: 'Untitled-1' },
    });
    assert.equal(await s.commands.applyFile(), undefined);
    assert.deepEqual(s.ui.errors, ['kubectl failed (context "stevedore-test"): error parsing STDIN: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context']);
  });
});
