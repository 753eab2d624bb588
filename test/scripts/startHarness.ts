// Runs the real scripts/start.mjs with test/scripts/fake-code-server.mjs as the code-server binary, in folders of
// its own: the copy, kubeconfig and log under a fresh folder in the repo's ignored .cache/, the code-server profile
// under a temp STEVEDORE_CACHE. Nothing here touches the developer's own `npm start` state.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const repo = path.resolve(__dirname, '..', '..');
export const fakeCodeServer = path.join(__dirname, 'fake-code-server.mjs');

export interface FakeRecord {
  pid: number;
  helperPid: number;
  argv: string[];
  folder: string;
  userDataDir: string;
  kubeconfig: string | null;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** True while `pid` runs (a zombie waiting to be reaped has exited, so it counts as gone). */
export function running(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Resolves true once none of `pids` runs, false if some still do after `ms`. */
export async function allGone(pids: number[], ms = 5000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!pids.some(running)) return true;
    await sleep(50);
  }
  return !pids.some(running);
}

/** One sandbox: a demo dir under the repo's .cache/, a temp STEVEDORE_CACHE, a port. Call dispose() at the end. */
export class StartSandbox {
  readonly demoDir = StartSandbox.ignoredTempDir();
  readonly cache = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-start-cache-'));
  readonly recordFile = path.join(this.cache, 'fake-record.json');
  private readonly runs: StartRun[] = [];

  constructor(readonly port: number) {}

  /** A fresh folder under the repo's git-ignored .cache/ (where the real start keeps its copy). */
  private static ignoredTempDir(): string {
    fs.mkdirSync(path.join(repo, '.cache'), { recursive: true });
    return fs.mkdtempSync(path.join(repo, '.cache', 'test-start-'));
  }

  /** Spawns `node scripts/start.mjs --browser --no-build …` and waits until it prints the URL (or exits). */
  async start(extra: string[] = []): Promise<StartRun> {
    fs.rmSync(this.recordFile, { force: true });
    const args = ['scripts/start.mjs', '--browser', '--no-build', '--code-server', fakeCodeServer, '--port', String(this.port), '--demo-dir', this.demoDir, ...extra];
    const child = spawn(process.execPath, args, {
      cwd: repo,
      env: { ...process.env, STEVEDORE_CACHE: this.cache, FAKE_CODE_SERVER_RECORD: this.recordFile, KUBECONFIG: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run = new StartRun(child, this.recordFile);
    this.runs.push(run);
    await run.ready();
    return run;
  }

  /** Kills whatever a test left running (a failed assertion must not leave the port busy for the next test). */
  async killRuns(): Promise<void> {
    for (const run of this.runs.splice(0)) await run.kill();
  }

  async dispose(): Promise<void> {
    await this.killRuns();
    fs.rmSync(this.demoDir, { recursive: true, force: true });
    fs.rmSync(this.cache, { recursive: true, force: true });
  }
}

export class StartRun {
  stdout = '';
  stderr = '';
  private fake?: FakeRecord;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    readonly child: ChildProcess,
    private readonly recordFile: string,
  ) {
    child.stdout!.on('data', (d: Buffer) => (this.stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Waits for the "open this URL" block, which start prints once code-server accepts connections. */
  async ready(ms = 30_000): Promise<void> {
    let done = false;
    void this.exited.then(() => (done = true));
    const deadline = Date.now() + ms;
    while (!this.stdout.includes('/?folder=') && !done && Date.now() < deadline) await sleep(50);
    if (!this.stdout.includes('/?folder=')) throw new Error(`start did not get ready\nstdout: ${this.stdout}\nstderr: ${this.stderr}`);
    this.fake = JSON.parse(fs.readFileSync(this.recordFile, 'utf8')) as FakeRecord;
  }

  /** What the fake code-server was started with. */
  record(): FakeRecord {
    if (!this.fake) throw new Error('start is not ready');
    return this.fake;
  }

  /** Sends `signal` to the start process and waits for it to exit (at most 10 s). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    this.child.kill(signal);
    return Promise.race([this.exited, sleep(10_000).then(() => Promise.reject(new Error(`start did not exit after ${signal}`)))]);
  }

  /** Leaves nothing behind, whatever a failed test left running. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    if (!this.fake || !running(this.fake.pid)) return;
    // The fake runs in its own process group (start spawns it detached), with its helper.
    for (const target of [-this.fake.pid, this.fake.pid, this.fake.helperPid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    await allGone([this.fake.pid, this.fake.helperPid], 2000);
  }

}
