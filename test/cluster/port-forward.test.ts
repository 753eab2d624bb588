// Port-forward: the flow against the test API server with the real kubectl up to its upgrade request (the server
// speaks no SPDY/WebSocket streams, so kubectl's POST …/portforward is refused and the user sees why), and the
// long-lived process, the status-bar item and stopping it (click, deactivate) with a kubectl stand-in that forwards.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { PickItem, PickOptions } from '../../client/src/cluster/clusterUi';
import { Kubectl } from '../../client/src/cluster/kubectl';
import type { NodeTarget } from '../../client/src/cluster/model';
import { PortForwards, type Forward } from '../../client/src/cluster/portForward';
import { startTestCluster, type TestCluster } from '../support/apiserver/index';
import { FakeUi, liveKubectl, tempDir, waitFor, writeScript } from './support';

const tmp = tempDir();
after(tmp.cleanup);

/** A FakeUi that also records what the local-port question offered. */
class AskingUi extends FakeUi {
  readonly asked: { prompt: string; placeholder?: string }[] = [];
  constructor(private readonly answer: (prompt: string, placeholder?: string) => string | undefined) {
    super();
  }
  override async ask(prompt: string, placeholder?: string): Promise<string | undefined> {
    this.asked.push({ prompt, placeholder });
    return this.answer(prompt, placeholder);
  }
  override async pick<T>(items: PickItem<T>[], options: PickOptions): Promise<T | undefined> {
    return super.pick(items, options);
  }
}

function listen(port = 0): Promise<Server> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(port, '127.0.0.1', () => resolve(s));
  });
}
const portOf = (s: Server) => (s.address() as { port: number }).port;
async function freePort(): Promise<number> {
  const s = await listen();
  const port = portOf(s);
  await new Promise((r) => s.close(r));
  return port;
}

function harness(kubectl: Kubectl, ui: FakeUi, selected?: NodeTarget) {
  const items: { forward: Forward; tooltip: string; disposed: boolean }[] = [];
  const forwards = new PortForwards({
    kubectl: () => kubectl,
    ui,
    scope: async () => ({ context: 'dev', namespace: 'shop' }),
    selectedTarget: () => selected,
    statusItem: (forward, tooltip) => {
      const item = { forward, tooltip, disposed: false };
      items.push(item);
      return { dispose: () => void (item.disposed = true) };
    },
  });
  return { forwards, items };
}

describe('port-forward (test API server, real kubectl)', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startTestCluster()));
  after(() => cluster?.close());

  test('a Service: the local port is asked, kubectl port-forward runs and reaches the pod\'s portforward request; its refusal is shown and the status item goes', async () => {
    const local = await freePort();
    const ui = new AskingUi(() => String(local));
    const log: string[] = [];
    const { forwards, items } = harness(liveKubectl(cluster.kubeconfig, tmp.dir, log), ui);
    const forward = await forwards.start({ target: { context: 'stevedore-test', namespace: 'shop', kind: 'service', name: 'web' } });
    assert.equal(forward?.text, `⇄ web ${local}→80`);
    assert.match(ui.asked[0].prompt, /^Local port for service\/web:80/);
    assert.equal(items.length, 1);
    assert.equal(items[0].tooltip, `kubectl port-forward service/web:80 (context stevedore-test, namespace shop) on localhost:${local}. Click to stop.`);
    await waitFor(() => ui.errors.length > 0, 15_000, 'kubectl to give up');
    assert.match(ui.errors[0], new RegExp(`^Port-forward ⇄ web ${local}→80 stopped: .*port-forward is not served by the test API server`));
    await waitFor(() => items[0].disposed, 5000, 'the status item to go');
    assert.deepEqual(forwards.list(), []);
    const pf = cluster.requests.filter((r) => /^\/api\/v1\/namespaces\/shop\/pods\/web-[a-z0-9]+-[a-z0-9]+\/portforward$/.test(r.path));
    assert.deepEqual(pf.map((r) => r.method), ['GET', 'POST'], 'the WebSocket attempt, then the SPDY fallback');
    assert.ok(log.some((l) => l.endsWith(` port-forward service/web ${local}:80`)), log.join('\n'));
  });
});

describe('port-forward (a kubectl stand-in that forwards until stopped)', () => {
  const dir = join(tmp.dir, 'fake');
  const pidFile = join(tmp.dir, 'pids.log');
  const argvFile = join(tmp.dir, 'argv.log');
  const service = { kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }, { name: 'dns', port: 53, protocol: 'UDP' }] } };
  let kubectl: Kubectl;
  let busy: Server;
  before(async () => {
    busy = await listen();
    const pod = { kind: 'Pod', metadata: { name: 'web-1' }, spec: { containers: [{ name: 'web', ports: [{ name: 'http', containerPort: portOf(busy) }, { name: 'metrics', containerPort: 9090 }] }] } };
    require('node:fs').mkdirSync(dir, { recursive: true });
    const path = writeScript(dir, 'kubectl', `const fs = require('fs');
const argv = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(argvFile)}, JSON.stringify(argv) + '\\n');
if (argv.includes('get')) { process.stdout.write(JSON.stringify(argv.includes('service/web') ? ${JSON.stringify(service)} : ${JSON.stringify(pod)})); process.exit(0); }
fs.appendFileSync(${JSON.stringify(pidFile)}, process.pid + '\\n');
const ports = argv[argv.length - 1].split(':');
process.stdout.write('Forwarding from 127.0.0.1:' + ports[0] + ' -> ' + ports[1] + '\\nForwarding from [::1]:' + ports[0] + ' -> ' + ports[1] + '\\n');
setInterval(() => {}, 1000);`);
    kubectl = new Kubectl({ path, requestTimeoutSec: 5, log: () => undefined });
  });
  after(() => busy.close());
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const pids = () => readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);

  test('runs until the status item is clicked: an info names the ports, the argument array is explicit, stopping kills kubectl', async () => {
    const local = await freePort();
    const ui = new AskingUi(() => String(local));
    const { forwards, items } = harness(kubectl, ui, { context: 'dev', namespace: 'shop', kind: 'service', name: 'web' });
    const forward = await forwards.start();
    assert.ok(forward);
    await waitFor(() => ui.infos.length > 0, 5000, 'the forwarding notice');
    assert.equal(ui.infos[0], `Forwarding localhost:${local} → service/web:80 (context dev, namespace shop). Click "⇄ web ${local}→80" in the status bar to stop.`);
    const argv = readFileSync(argvFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as string[]).pop()!;
    assert.deepEqual(argv, ['--context', 'dev', '--namespace', 'shop', '--request-timeout=0s', 'port-forward', 'service/web', `${local}:80`], 'no request timeout cutting the stream');
    const [pid] = pids().slice(-1);
    assert.ok(alive(pid));
    assert.deepEqual(forwards.list().map((f) => f.text), [`⇄ web ${local}→80`]);

    await forwards.stop({ portForward: forward.id });
    assert.equal(items[0].disposed, true);
    await waitFor(() => !alive(pid), 5000, 'kubectl port-forward to exit');
    assert.deepEqual(ui.errors, [], 'a stop the user asked for is no error');
    assert.deepEqual(forwards.list(), []);
  });

  test('a Pod whose port is taken locally: a pick of its ports, no default offered, a taken local port refused; deactivation stops every forward', async () => {
    const taken = portOf(busy);
    const ui = new AskingUi((_p, placeholder) => placeholder || String(taken));
    const { forwards, items } = harness(kubectl, ui);
    const pod = { target: { context: 'dev', namespace: 'shop', kind: 'pod' as const, name: 'web-1' } };
    await assert.rejects(forwards.start(pod), /^KubectlError: Local port \d+ is in use \(or needs privileges\); pick another one\.$/);
    assert.deepEqual(ui.picks[0].items.map((i) => i.label), [`${taken} (http) · container web`, '9090 (metrics) · container web']);
    assert.equal(ui.asked[0].placeholder, '');
    assert.match(ui.asked[0].prompt, new RegExp(`\\(${taken} is in use or needs privileges\\)$`));
    assert.equal(items.length, 0, 'nothing started');

    const a = await freePort();
    const b = await freePort();
    const answers = [String(a), String(b)];
    const ui2 = new AskingUi(() => answers.shift());
    const second = harness(kubectl, ui2, { context: 'dev', namespace: 'shop', kind: 'service', name: 'web' });
    await second.forwards.start();
    await second.forwards.start(pod);
    assert.deepEqual(second.forwards.list().map((f) => f.text).sort(), [`⇄ web ${a}→80`, `⇄ web-1 ${b}→${taken}`].sort());
    await waitFor(() => pids().length >= 3, 5000, 'both forwards to run');
    const running = pids().slice(-2);
    second.forwards.dispose();
    assert.ok(second.items.every((i) => i.disposed));
    await waitFor(() => running.every((p) => !alive(p)), 5000, 'both kubectl processes to exit');
  });
});
