// Runs the real kubectl against a test cluster, isolated from the user's ~/.kube: its own HOME and discovery cache.
// Asynchronous on purpose: the server runs in the calling process, so a synchronous spawn would deadlock.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const KUBECTL = process.env.STEVEDORE_KUBECTL ?? '/usr/bin/kubectl';

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface KubectlOptions {
  /** Reuse a discovery cache (e.g. to make only the API call slow); default: a fresh temp folder. */
  cacheDir?: string;
  input?: string;
  timeoutMs?: number;
}

/** `kubectl --kubeconfig <cluster's> --cache-dir <temp> ...args`, with HOME in a temp folder. */
export async function kubectl(cluster: { kubeconfig: string }, args: string[], opts: KubectlOptions = {}): Promise<KubectlResult> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-kubectl-'));
  const cacheDir = opts.cacheDir ?? path.join(home, 'cache');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, LANG: 'C' };
  try {
    return await new Promise<KubectlResult>((resolve, reject) => {
      const child = spawn(KUBECTL, ['--kubeconfig', cluster.kubeconfig, '--cache-dir', cacheDir, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`kubectl ${args.join(' ')} did not finish within ${opts.timeoutMs ?? 30000} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
      }, opts.timeoutMs ?? 30000);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code: code ?? -1, stdout, stderr });
      });
      child.stdin.end(opts.input ?? '');
    });
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/** Polls `check` until it returns a truthy value; fails with `what` after the timeout. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 10000, everyMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
