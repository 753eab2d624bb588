// The kubectl layer against fake kubectl executables: argument arrays, logging, error classification, no hangs.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { KubectlError, classifyFailure } from '../../client/src/cluster/errors';
import { Kubectl, objectRef } from '../../client/src/cluster/kubectl';
import { tempDir, waitFor, writeScript } from './support';

const tmp = tempDir();
after(tmp.cleanup);

function kubectl(path: string, extra: Partial<ConstructorParameters<typeof Kubectl>[0]> = {}) {
  const log: string[] = [];
  const k = new Kubectl({ path, requestTimeoutSec: 7, log: (l) => log.push(l), ...extra });
  return { k, log };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const echo = writeScript(tmp.dir, 'echo-kubectl', `process.stdout.write(JSON.stringify({argv: process.argv.slice(2), stdin: require('fs').readFileSync(0, 'utf8')}));`);

describe('Kubectl.run', () => {
  test('passes context, namespace, kubeconfig, request timeout and cache dir as separate arguments, no shell', async () => {
    const marker = join(tmp.dir, 'pwned');
    const { k, log } = kubectl(echo, { kubeconfig: '/home/u/my kube/config', cacheDir: '/tmp/cache' });
    const r = await k.json<{ argv: string[] }>(['get', 'pods', '-l', `app=web; touch ${marker}`, `$(touch ${marker})`], { context: 'prod eu', namespace: 'shop' });
    assert.deepEqual(r.argv, [
      '--context', 'prod eu', '--namespace', 'shop', '--kubeconfig', '/home/u/my kube/config', '--cache-dir', '/tmp/cache',
      '--request-timeout=7s', 'get', 'pods', '-l', `app=web; touch ${marker}`, `$(touch ${marker})`, '-o', 'json',
    ]);
    assert.equal(existsSync(marker), false, 'shell metacharacters must not run');
    assert.equal(
      log[0],
      `$ ${echo} --context 'prod eu' --namespace shop --kubeconfig '/home/u/my kube/config' --cache-dir /tmp/cache --request-timeout=7s get pods -l 'app=web; touch ${marker}' '$(touch ${marker})' -o json`,
    );
  });

  test('omits --namespace and --kubeconfig when not given, and feeds stdin', async () => {
    const { k } = kubectl(echo);
    const r = await k.json<{ argv: string[]; stdin: string }>(['apply', '-f', '-'], { context: 'c', stdin: 'kind: List\n' });
    assert.deepEqual(r.argv, ['--context', 'c', '--request-timeout=7s', 'apply', '-f', '-', '-o', 'json']);
    assert.equal(r.stdin, 'kind: List\n');
  });

  test('rejects invalid names before spawning', async () => {
    const { k, log } = kubectl(echo);
    await assert.rejects(k.run(['get', 'pods'], { context: '--kubeconfig=/etc/x' }), (e: KubectlError) => e.kind === 'invalid-name' && /starts with '-'/.test(e.message));
    await assert.rejects(k.run(['get', 'pods'], { context: 'c', namespace: 'Shop_1' }), (e: KubectlError) => e.kind === 'invalid-name' && /"Shop_1" is not a valid namespace/.test(e.message));
    assert.deepEqual(log, [], 'nothing was run');
    assert.throws(() => objectRef('deployment', '-o=yaml'), /not a valid Kubernetes name/);
    assert.equal(objectRef('deployment', 'web.v2'), 'deployment/web.v2');
  });

  test('a missing kubectl says how to set stevedore.kubectl.path', async () => {
    const { k } = kubectl(join(tmp.dir, 'no-such-kubectl'));
    await assert.rejects(k.run(['version'], { context: 'c' }), (e: KubectlError) => {
      assert.equal(e.kind, 'not-found-binary');
      assert.match(e.message, /kubectl was not found \(".*no-such-kubectl"\)\. Install kubectl, or set "stevedore\.kubectl\.path" to its full path\./);
      return true;
    });
  });

  test('output that is not JSON is reported as malformed', async () => {
    const bad = writeScript(tmp.dir, 'html-kubectl', `process.stdout.write('<html>proxy login</html>')`);
    const { k } = kubectl(bad);
    await assert.rejects(k.json(['get', 'deployments'], { context: 'c', namespace: 'shop' }), (e: KubectlError) => e.kind === 'malformed' && /not JSON: "<html>proxy login<\/html>"/.test(e.message));
  });

  test('okExitCodes lets kubectl diff exit 1', async () => {
    const diff = writeScript(tmp.dir, 'diff-kubectl', `process.stdout.write('-a\\n+b\\n'); process.exitCode = 1;`);
    const { k } = kubectl(diff);
    const r = await k.run(['diff', '-f', '/x.yaml'], { context: 'c', okExitCodes: [1] });
    assert.equal(r.exitCode, 1);
    assert.equal(r.stdout, '-a\n+b\n');
    await assert.rejects(k.run(['diff', '-f', '/x.yaml'], { context: 'c' }), (e: KubectlError) => e.kind === 'failed');
  });
});

describe('nothing hangs', () => {
  const pidFile = join(tmp.dir, 'pid');
  const hang = writeScript(tmp.dir, 'hang-kubectl', `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); process.on('SIGTERM', () => {}); console.log('watching'); setInterval(() => {}, 1000);`);

  const watch = writeScript(tmp.dir, 'watch-kubectl', `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); console.log('watching'); setInterval(() => {}, 1000);`);

  test('a hung kubectl is killed (even when it ignores SIGTERM) after the hard timeout', async () => {
    const { k } = kubectl(hang);
    const started = Date.now();
    await assert.rejects(k.run(['get', 'pods'], { context: 'c', timeoutMs: 300 }), (e: KubectlError) => {
      assert.equal(e.kind, 'timeout');
      assert.match(e.message, /did not finish within 0\.3s \(context "c"\); it was stopped/);
      return true;
    });
    assert.ok(Date.now() - started < 5000, 'gave up within the grace period');
    const pid = Number(readFileSync(pidFile, 'utf8'));
    await waitFor(() => !isAlive(pid), 3000, 'the hung process to be gone');
  });

  test('stream delivers lines as they come and stops on abort', async () => {
    const lines: string[] = [];
    const abort = new AbortController();
    const { k, log } = kubectl(watch);
    const run = k.stream(['rollout', 'status', 'deployment/web'], (line) => {
      lines.push(line);
      abort.abort();
    }, { context: 'c', namespace: 'shop', signal: abort.signal });
    await assert.rejects(run, (e: KubectlError) => e.kind === 'cancelled' && /Cancelled: kubectl rollout status was stopped/.test(e.message));
    assert.deepEqual(lines, ['watching']);
    assert.match(log.join('\n'), /cancelled: Cancelled/);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    await waitFor(() => !isAlive(pid), 3000, 'the cancelled process to be gone');
  });

  test('stream hands over stdout and stderr lines, including a last line without newline', async () => {
    const talk = writeScript(tmp.dir, 'talk-kubectl', `process.stdout.write('Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...\\r\\n'); process.stdout.write('deployment "web" successfully rolled out'); process.stderr.write('warn\\n');`);
    const seen: string[] = [];
    const { k } = kubectl(talk);
    await k.stream(['rollout', 'status'], (line, from) => seen.push(`${from}: ${line}`), { context: 'c' });
    assert.deepEqual(seen.sort(), [
      'stderr: warn',
      'stdout: Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...',
      'stdout: deployment "web" successfully rolled out',
    ]);
  });
});

describe('error classification (real kubectl wording)', () => {
  const where = { context: 'prod-eu', namespace: 'shop', requestTimeoutSec: 15 };
  const cases: [string, string, RegExp][] = [
    ['unreachable', 'E1125 00:00:46.240934    7601 memcache.go:265] "Unhandled Error" err="couldn\'t get current server API group list: Get \\"http://127.0.0.1:1/api?timeout=5s\\": dial tcp 127.0.0.1:1: connect: connection refused"\nThe connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?\n',
      /^Cannot reach the cluster of context "prod-eu": 127\.0\.0\.1:1 refused the connection\./],
    ['unreachable', 'Unable to connect to the server: dial tcp: lookup k8s.internal on 10.0.0.2:53: no such host\n', /^Cannot reach the cluster of context "prod-eu": dial tcp: lookup k8s\.internal .*no such host\./],
    ['unauthorized', 'error: You must be logged in to the server (Unauthorized)\n', /^Unauthorized: the cluster of context "prod-eu" rejected your credentials\./],
    ['forbidden', 'Error from server (Forbidden): deployments.apps "web" is forbidden: User "dev@example.com" cannot patch resource "deployments" in API group "apps" in the namespace "shop"\n',
      /^Forbidden: dev@example\.com may not patch deployments\.apps in namespace "shop" \(context "prod-eu"\)\./],
    ['forbidden', 'Error from server (Forbidden): namespaces is forbidden: User "dev" cannot list resource "namespaces" in API group "" at the cluster scope\n', /^Forbidden: dev may not list namespaces at cluster scope/],
    ['not-found', 'Error from server (NotFound): deployments.apps "x" not found\n', /^Not found \(context "prod-eu", namespace "shop"\): deployments\.apps "x" not found\.$/],
    ['not-found', 'error: context "nope" does not exist\n', /^Context "nope" does not exist in your kubeconfig/],
    ['timeout', 'Unable to connect to the server: context deadline exceeded (Client.Timeout exceeded while awaiting headers)\n', /^Timed out talking to the cluster of context "prod-eu" \(request timeout 15s\)/],
    ['timeout', 'Error from server (Timeout): the server was unable to return a response in the time allotted, but may still be processing the request (get deployments.apps)\n', /^Timed out/],
    ['failed', 'error: unable to find specified revision 9 in history\n', /^kubectl failed \(context "prod-eu"\): unable to find specified revision 9 in history$/],
    ['failed', 'error: failed to run "diff": exec: "diff": executable file not found in $PATH\n', /needs a "diff" program/],
  ];
  for (const [kind, stderr, message] of cases) {
    test(`${kind}: ${stderr.split('\n').filter((l) => !l.startsWith('E1125'))[0].slice(0, 60)}`, () => {
      const e = classifyFailure(stderr, 1, where);
      assert.equal(e.kind, kind);
      assert.match(e.message, message);
      assert.ok(!e.message.includes('\n'), 'one line');
      assert.equal(e.stderr, stderr);
    });
  }

  test('run() classifies a failing kubectl from its stderr', async () => {
    const fail = writeScript(tmp.dir, 'forbidden-kubectl', `process.stderr.write('Error from server (Forbidden): deployments.apps "web" is forbidden: User "u" cannot patch resource "deployments" in API group "apps" in the namespace "shop"\\n'); process.exitCode = 1;`);
    const { k, log } = kubectl(fail);
    await assert.rejects(k.run(['rollout', 'restart', 'deployment/web'], { context: 'c', namespace: 'shop' }), (e: KubectlError) => e.kind === 'forbidden' && e.exitCode === 1);
    assert.match(log[1], /^ {2}exit 1: Forbidden: u may not patch deployments\.apps in namespace "shop"/);
  });
});
