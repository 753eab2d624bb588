// "Show Logs" / "Stop Logs" with the real kubectl against the test API server, whose pods/log serves synthetic lines
// per container instance, a line per tick while followed, and the real 400 for --previous without a restart.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import type { PickItem, PickOptions } from '../../client/src/cluster/clusterUi';
import { logTerminals } from '../../client/src/cluster/logTerminal';
import { LogSessions, type LogView } from '../../client/src/cluster/logs';
import { startTestCluster, type TestCluster } from '../support/apiserver/index';
import { kubectl, waitFor } from '../support/apiserver/kubectl';
import { actionSetup, commandsRun } from './actions-support';
import { liveKubectl, tempDir } from './support';

const tmp = tempDir();
after(tmp.cleanup);

let cluster: TestCluster;
beforeEach(async () => (cluster = await startTestCluster({ tickMs: 50 })));
afterEach(() => cluster?.close());

/** The views the flow opened, with what a user sees in each, and a way to close one as the user would. */
class Views {
  readonly opened: { title: string; lines: string[]; close: () => void }[] = [];
  readonly open = (title: string): LogView => {
    const listeners: (() => void)[] = [];
    const view = { title, lines: [] as string[], close: () => listeners.forEach((f) => f()) };
    this.opened.push(view);
    return { append: (line) => view.lines.push(line), onClose: (f) => listeners.push(f) };
  };
}

/** Answers each pick by the label `choose` returns for its title (default: the first item). */
function picker(choose: Record<string, string>) {
  return <T>(items: PickItem<T>[], options: PickOptions): T | undefined => {
    const key = Object.keys(choose).find((k) => options.title.startsWith(k));
    return key ? items.find((i) => i.label === choose[key])?.value : items[0]?.value;
  };
}

function setup(choose: Record<string, string> = {}) {
  const s = actionSetup(cluster, tmp.dir, { pick: picker(choose) });
  const views = new Views();
  return { ...s, views, logs: new LogSessions(s.commands, s.deps, views.open) };
}

const shop = { context: 'stevedore-test', namespace: 'shop' };
const podsOf = async (app: string) => (await kubectl(cluster, ['get', 'pods', '-n', 'shop', '-l', `app=${app}`, '-o', 'name'])).stdout.trim().split('\n').map((n) => n.replace('pod/', '')).sort();
const image = () => cluster.get('apps/v1/namespaces/shop/deployments/web').spec.template.spec.containers[0].image as string;
/** kubectl processes still running against this cluster. */
const kubectlLeft = () => execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes(cluster.kubeconfig) && l.includes(' logs '));

describe('Show Logs', () => {
  test("a Deployment: pick one of its pods, the container is skipped, the current lines in 'Stevedore Logs: <pod>/web'", async () => {
    const pods = await podsOf('web');
    const s = setup({ 'Pod of': pods[1], 'Logs of': 'Current lines' });
    const session = await s.logs.show({ target: { ...shop, kind: 'deployment', name: 'web' } });
    assert.ok(session);
    await session.done;
    assert.deepEqual(s.ui.errors, []);
    assert.deepEqual(s.ui.picks.map((p) => p.options.title), ['Pod of deployment/web (shop · stevedore-test)', `Logs of ${pods[1]}/web (shop · stevedore-test)`]);
    assert.deepEqual(s.ui.picks[0].items.map((i) => [i.label, i.description]), pods.map((p) => [p, 'Running · 1/1 ready']));
    assert.deepEqual(s.ui.picks[1].items.map((i) => i.label), ['Follow', 'Current lines'], 'no previous container: web never restarted');
    assert.equal(s.views.opened.length, 1);
    assert.equal(s.views.opened[0].title, `Stevedore Logs: ${pods[1]}/web`);
    assert.deepEqual(s.views.opened[0].lines, [
      `kubectl logs pod/${pods[1]} --container=web --tail=1000 (context stevedore-test, namespace shop)`,
      `starting web (${image()}) in pod ${pods[1]}, start 1`,
      'listening on :8080',
      'ready',
      '— end of log —',
    ]);
    assert.deepEqual(commandsRun(s.log), ['get deployment/web -o json', 'get pods -l app=web -o json', `logs pod/${pods[1]} --container=web --tail=1000`]);
    assert.match(s.log.find((l) => l.includes(' logs '))!, /--context stevedore-test --namespace shop /);
  });

  test('follow receives new lines; closing the terminal and "Stop Logs" stop kubectl', async () => {
    const [first, second] = await podsOf('web');
    const s = setup();
    const a = await s.logs.show({ target: { ...shop, kind: 'pod', name: first } });
    const b = await s.logs.show({ target: { ...shop, kind: 'pod', name: second } });
    assert.ok(a && b);
    assert.deepEqual(s.ui.picks.map((p) => p.options.title), [`Logs of ${first}/web (shop · stevedore-test)`, `Logs of ${second}/web (shop · stevedore-test)`], 'one pod, one container: only the mode is asked');
    assert.equal(a.follow, true);
    const [va, vb] = s.views.opened;
    await waitFor('three tick lines in both views', () => [va, vb].every((v) => v.lines.includes('tick 3: GET /healthz 200')), 20000);
    assert.deepEqual(va.lines.slice(0, 5), [
      `kubectl logs pod/${first} --container=web --tail=1000 -f (context stevedore-test, namespace shop) — close this terminal or run "Stevedore: Stop Logs" to stop`,
      `starting web (${image()}) in pod ${first}, start 1`,
      'listening on :8080',
      'ready',
      'tick 1: GET /healthz 200',
    ]);
    assert.equal(s.logs.active().length, 2);
    assert.equal(kubectlLeft().length, 2, 'two kubectl logs -f running');

    va.close();
    await a.done;
    assert.equal(va.lines.at(-1), '— stopped —');
    assert.deepEqual(s.logs.active(), [b]);

    const stopped = await s.logs.stop();
    assert.equal(stopped, 1);
    assert.equal(vb.lines.at(-1), '— stopped —');
    assert.equal(s.ui.picks.length, 2, 'one log running: Stop Logs does not ask');
    assert.deepEqual(s.ui.errors, []);
    await waitFor('no kubectl logs process left', () => kubectlLeft().length === 0, 10000);
    assert.equal(await s.logs.stop(), 0);
    assert.deepEqual(s.ui.infos, ['No logs are being followed.']);
  });

  test("a followed log outlives kubectl's request timeout (1 s here): it is run with --request-timeout=0s", async () => {
    const s = setup();
    s.deps.kubectl = () => liveKubectl(cluster.kubeconfig, mkdtempSync(join(tmp.dir, 'short-')), s.log, 1);
    const [pod] = await podsOf('web');
    const session = await s.logs.show({ target: { ...shop, kind: 'pod', name: pod } });
    assert.ok(session);
    // 50 ms ticks: tick 60 is written three seconds into the stream, well past a 1 s request timeout.
    const view = s.views.opened[0];
    await waitFor('tick 60 in the view', () => view.lines.includes('tick 60: GET /healthz 200') || view.lines.some((l) => l.startsWith('error:')), 30000);
    assert.ok(!view.lines.some((l) => l.startsWith('error:')), view.lines.at(-1));
    assert.match(s.log.find((l) => l.includes(' logs '))!, / --request-timeout=0s logs pod\//);
    session.stop();
    await session.done;
    assert.deepEqual(s.ui.errors, []);
  });

  test('"Stop Logs" with several running asks which, one or all', async () => {
    const [first, second, third] = await podsOf('web');
    const s = setup({ 'Stop which logs?': `Stevedore Logs: ${second}/web` });
    const sessions = [];
    for (const name of [first, second, third]) sessions.push(await s.logs.show({ target: { ...shop, kind: 'pod', name } }));
    assert.equal(await s.logs.stop(), 1);
    const asked = s.ui.picks.at(-1)!;
    assert.deepEqual(asked.items.map((i) => [i.label, i.description]), [['All', '3 logs'], ...[first, second, third].map((p) => [`Stevedore Logs: ${p}/web`, undefined])]);
    assert.deepEqual(s.logs.active().map((x) => x.title), [`Stevedore Logs: ${first}/web`, `Stevedore Logs: ${third}/web`]);
    assert.equal(s.views.opened[1].lines.at(-1), '— stopped —');
    s.ui.answers.pick = picker({ 'Stop which logs?': 'All' });
    assert.equal(await s.logs.stop(), 2);
    await Promise.all(sessions.map((x) => x!.done));
    assert.deepEqual(s.logs.active(), []);
    await waitFor('no kubectl logs process left', () => kubectlLeft().length === 0, 10000);
  });

  test('deactivation stops every followed log', async () => {
    const s = setup();
    const sessions = await Promise.all((await podsOf('web')).map((name) => s.logs.show({ target: { ...shop, kind: 'pod', name } })));
    await waitFor('every log started', () => s.views.opened.every((v) => v.lines.includes('tick 1: GET /healthz 200')), 20000);
    s.logs.dispose();
    await Promise.all(sessions.map((x) => x!.done));
    assert.deepEqual(s.views.opened.map((v) => v.lines.at(-1)), sessions.map(() => '— stopped —'));
    await waitFor('no kubectl logs process left', () => kubectlLeft().length === 0, 10000);
  });

  test('after a restart the previous container is offered and shows the crashed instance', async () => {
    cluster.setFailRollouts(true);
    await kubectl(cluster, ['rollout', 'restart', 'deployment/web', '-n', 'shop']);
    const crashed = await waitFor('a restarted pod', async () => {
      const r = await kubectl(cluster, ['get', 'pods', '-n', 'shop', '-l', 'app=web', '-o', 'json']);
      return (JSON.parse(r.stdout).items as any[]).find((p) => p.status.containerStatuses?.[0]?.restartCount >= 1);
    }, 20000);
    const name = crashed.metadata.name as string;
    const s = setup({ 'Logs of': 'Previous container' });
    const session = await s.logs.show({ target: { ...shop, kind: 'pod', name } });
    assert.ok(session);
    await session.done;
    assert.deepEqual(s.ui.errors, []);
    assert.equal(s.ui.picks[0].items.length, 3);
    assert.match(s.ui.picks[0].items[2].description ?? '', /^the instance before the last restart \(\d+ restarts?; kubectl logs --previous\)$/);
    const view = s.views.opened[0];
    assert.equal(view.title, `Stevedore Logs: ${name}/web (previous)`);
    assert.match(view.lines[0], new RegExp(`^kubectl logs pod/${name} --container=web --tail=1000 --previous `));
    assert.match(view.lines[1], new RegExp(`^starting web \\(${crashed.spec.containers[0].image}\\) in pod ${name}, start \\d+$`));
    assert.deepEqual(view.lines.slice(2), ['listening on :8080', 'fatal: web exited with code 1', '— end of log —']);
  });

  test('--previous on a container that never restarted: the API server\'s 400, as kubectl prints it', async () => {
    const [pod] = await podsOf('web');
    const r = await kubectl(cluster, ['logs', `pod/${pod}`, '-n', 'shop', '--container=web', '--previous']);
    assert.equal(r.code, 1);
    assert.equal(r.stderr.trim(), `Error from server (BadRequest): previous terminated container "web" in pod "${pod}" not found`);
    const tail = await kubectl(cluster, ['logs', `pod/${pod}`, '-n', 'shop', '--tail=1']);
    assert.equal(tail.stdout, 'ready\n');
  });

  test('a pod with two containers: the container is picked; a dismissed pick runs nothing', async () => {
    const manifest = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  replicas: 1
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
      - {name: api, image: registry.example.com/api:2.0.0}
      - {name: proxy, image: registry.example.com/proxy:1.4.0}
`;
    assert.equal((await kubectl(cluster, ['apply', '-f', '-'], { input: manifest })).code, 0);
    await waitFor('the api pod', async () => (await podsOf('api'))[0], 20000);
    const [pod] = await podsOf('api');
    const s = setup({ 'Container of': 'proxy', 'Logs of': 'Current lines' });
    const session = await s.logs.show({ target: { ...shop, kind: 'deployment', name: 'api' } });
    await session!.done;
    assert.deepEqual(s.ui.picks.map((p) => p.options.title), [`Container of ${pod} (shop · stevedore-test)`, `Logs of ${pod}/proxy (shop · stevedore-test)`], 'one pod: not asked');
    assert.deepEqual(s.ui.picks[0].items.map((i) => i.label), ['api', 'proxy']);
    assert.deepEqual(s.views.opened[0].lines.slice(1), [`starting proxy (registry.example.com/proxy:1.4.0) in pod ${pod}, start 1`, 'listening on :8080', 'ready', '— end of log —']);

    const dismissed = actionSetup(cluster, tmp.dir, { pick: () => undefined });
    const views = new Views();
    assert.equal(await new LogSessions(dismissed.commands, dismissed.deps, views.open).show({ target: { ...shop, kind: 'deployment', name: 'api' } }), undefined);
    assert.deepEqual(views.opened, []);
    assert.ok(!commandsRun(dismissed.log).some((c) => c.startsWith('logs')));
  });

  test('a Deployment without pods says so', async () => {
    await kubectl(cluster, ['scale', 'deployment/worker', '-n', 'shop', '--replicas=0']);
    await waitFor('worker has no pods', async () => (await podsOf('worker'))[0] === '', 20000);
    const s = setup();
    assert.equal(await s.logs.show({ target: { ...shop, kind: 'deployment', name: 'worker' } }), undefined);
    assert.deepEqual(s.ui.infos, ['deployment/worker has no pods (shop · stevedore-test).']);
  });
});

test('the VS Code view: a pseudo-terminal named after the log that keeps early lines until opened and reports its closing', () => {
  const written: string[] = [];
  let created: { name: string; pty: { open(): void; close(): void; onDidWrite(l: (t: string) => void): void } } | undefined;
  const vscode = {
    EventEmitter: class {
      private l: ((t: string) => void)[] = [];
      event = (f: (t: string) => void) => void this.l.push(f);
      fire = (t: string) => this.l.forEach((f) => f(t));
      dispose = () => (this.l = []);
    },
    ThemeIcon: class {
      constructor(readonly id: string) {}
    },
    window: { createTerminal: (o: typeof created) => ((created = o), { show: () => undefined }) },
  };
  const view = logTerminals(vscode as never)('Stevedore Logs: web-1/web');
  assert.equal(created?.name, 'Stevedore Logs: web-1/web');
  created!.pty.onDidWrite((t) => written.push(t));
  let closed = 0;
  view.onClose(() => closed++);
  view.append('starting web');
  assert.deepEqual(written, [], 'VS Code ignores writes before open');
  created!.pty.open();
  view.append('ready');
  assert.deepEqual(written, ['starting web\r\n', 'ready\r\n']);
  created!.pty.close();
  view.append('— stopped —');
  assert.equal(closed, 1);
  assert.equal(written.length, 2);
});
