// `npm start` (scripts/start.mjs) with a fake code-server: the opened folder is a reset copy in an ignored path,
// signals and the parent's death stop code-server with what it started, a busy port names its holder, and
// --cluster hands the editor a kubeconfig kubectl can use; stopping start stops that API server.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { kubectl } from '../support/apiserver/kubectl';
import { allGone, freePort, repo, StartSandbox } from './startHarness';

function git(args: string[]): string {
  const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('npm start', () => {
  let box: StartSandbox;
  before(async () => {
    box = new StartSandbox(await freePort());
  });
  afterEach(async () => box.killRuns());
  after(async () => box.dispose());

  test('opens a copy of examples/ under an ignored path, reset on the next start; examples/ stays unchanged', async () => {
    const examplesBefore = git(['status', '--porcelain', '--', 'examples']);
    const first = await box.start();
    const opened = first.record().folder;
    assert.notEqual(path.resolve(opened), path.join(repo, 'examples'));
    assert.ok(fs.existsSync(path.join(opened, 'python-api', 'Dockerfile')), `the copy has the examples: ${opened}`);
    assert.equal(spawnSync('git', ['check-ignore', '-q', opened], { cwd: repo }).status, 0, `${opened} is git-ignored`);

    // What a visitor's quick fixes do: autosave an edited file, add one.
    const dockerfile = path.join(opened, 'python-api', 'Dockerfile');
    fs.writeFileSync(dockerfile, 'FROM scratch\n');
    fs.writeFileSync(path.join(opened, 'python-api', 'added-by-visitor.txt'), 'x');
    assert.equal((await first.stop('SIGINT')).code, 0);
    assert.equal(git(['status', '--porcelain', '--', 'examples']), examplesBefore);
    assert.equal(git(['status', '--porcelain', '--untracked-files=all', '--', path.relative(repo, box.demoDir)]), '');

    const second = await box.start();
    assert.equal(second.record().folder, opened);
    assert.equal(fs.existsSync(path.join(opened, 'python-api', 'added-by-visitor.txt')), false);
    assert.equal(fs.readFileSync(dockerfile, 'utf8'), fs.readFileSync(path.join(repo, 'examples', 'python-api', 'Dockerfile'), 'utf8'));
    await second.stop();
  });

  for (const signal of ['SIGHUP', 'SIGTERM'] as const) {
    test(`${signal} to start stops code-server and the processes it started`, async () => {
      const run = await box.start();
      const { pid, helperPid } = run.record();
      assert.ok(await allGone([pid, helperPid], 0).then((gone) => !gone), 'the fake code-server runs');
      // Exit code 0: start handled the signal and stopped the group itself (without a handler the watchdog would
      // still clean up, but start would die of the signal).
      assert.deepEqual(await run.stop(signal), { code: 0, signal: null });
      assert.ok(await allGone([pid, helperPid], 500), `pids ${pid} and ${helperPid} are gone once start exits after ${signal}`);
    });
  }

  test('when start is killed outright (SIGKILL), the watchdog stops code-server', async () => {
    const run = await box.start();
    const { pid, helperPid } = run.record();
    await run.stop('SIGKILL');
    assert.ok(await allGone([pid, helperPid], 5000), `pids ${pid} and ${helperPid} are gone after start was SIGKILLed`);
  });

  test('a busy port: one line naming the holder, exit code 1, nothing started', async () => {
    // A port of its own, held from the moment it is chosen: the sandbox's port may still be held by the fake
    // code-server of an earlier test while its process group is being stopped.
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as net.AddressInfo).port;
    try {
      const r = spawnSync(process.execPath, ['scripts/start.mjs', '--browser', '--no-build', '--code-server', '/nonexistent/code-server', '--port', String(port), '--demo-dir', box.demoDir], {
        cwd: repo,
        encoding: 'utf8',
        timeout: 20_000,
        env: { ...process.env, STEVEDORE_CACHE: box.cache },
      });
      assert.equal(r.status, 1, r.stderr);
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], new RegExp(`port ${port} is in use by pid ${process.pid} \\(${process.execPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `));
      assert.match(lines[0], /--port N/);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  test('--cluster: the editor gets a kubeconfig that kubectl uses; stopping start stops the API server', async () => {
    const run = await box.start(['--cluster']);
    const { kubeconfig, userDataDir } = run.record();
    assert.equal(kubeconfig, path.join(box.demoDir, 'cluster', 'kubeconfig'));
    const machine = JSON.parse(fs.readFileSync(path.join(userDataDir, 'Machine', 'settings.json'), 'utf8'));
    assert.equal(machine['stevedore.kubeconfig'], kubeconfig);
    assert.match(run.stdout, new RegExp(`kubectl --kubeconfig ${kubeconfig.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} get deploy -n shop`));

    const r = await kubectl({ kubeconfig: kubeconfig! }, ['get', 'deploy', '-n', 'shop', '-o', 'name']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^deployment\.apps\/web$/m);

    assert.equal((await run.stop('SIGHUP')).code, 0);
    const server = /server: https:\/\/127\.0\.0\.1:(\d+)/.exec(fs.readFileSync(kubeconfig!, 'utf8'));
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect(Number(server![1]), '127.0.0.1', () => resolve(!socket.destroy()));
      socket.once('error', () => resolve(true));
    });
    assert.ok(refused, 'the API server no longer accepts connections');

    // The next start without --cluster takes the setting out again (the cluster it named is gone).
    const plain = await box.start();
    assert.equal(plain.record().kubeconfig, '');
    const after = JSON.parse(fs.readFileSync(path.join(userDataDir, 'Machine', 'settings.json'), 'utf8'));
    assert.equal(after['stevedore.kubeconfig'], undefined);
    await plain.stop();
  });

  test('the default folders (no --demo-dir) are git-ignored', async () => {
    const { demoPaths } = await import(pathToFileURL(path.join(repo, 'scripts', 'demo-workspace.mjs')).href);
    const defaults = demoPaths();
    for (const p of [path.join(defaults.workspace, 'python-api', 'Dockerfile'), defaults.kubeconfig, defaults.log]) {
      assert.ok(p.startsWith(repo + path.sep), p);
      assert.equal(spawnSync('git', ['check-ignore', '-q', p], { cwd: repo }).status, 0, `${p} is git-ignored`);
    }
  });
});
