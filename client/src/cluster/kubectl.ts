// Runs kubectl: an argument array (never a shell), explicit --context/--namespace/--kubeconfig/--request-timeout,
// every command line logged, a hard time limit and cancellation so nothing hangs. No `vscode` import here.
import { spawn } from 'node:child_process';
import { KubectlError, classifyFailure } from './errors';
import { contextProblem, namespaceProblem, objectNameProblem } from './names';

export interface KubectlOptions {
  /** The kubectl executable (`stevedore.kubectl.path`); a bare name is looked up on PATH. */
  path: string;
  /** `stevedore.kubeconfig`; when unset kubectl uses KUBECONFIG or ~/.kube/config itself. */
  kubeconfig?: string;
  requestTimeoutSec: number;
  log: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  /** Hard limit for commands that set none; default: twice the request timeout plus 5 s. */
  defaultTimeoutMs?: number;
  /** kubectl's discovery cache folder (`--cache-dir`); tests point it at a temporary folder. */
  cacheDir?: string;
}

export interface RunOptions {
  context: string;
  namespace?: string;
  signal?: AbortSignal;
  /** Hard limit after which kubectl is killed (0: none). */
  timeoutMs?: number;
  stdin?: string;
  /** Exit codes that are not failures (kubectl diff exits 1 when it found differences). */
  okExitCodes?: number[];
  /** kubectl's --request-timeout for this call instead of the configured one; 0: none (it also cuts off streams like `logs -f`). */
  requestTimeoutSec?: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export type LineSink = (line: string, from: 'stdout' | 'stderr') => void;

/** `kind/name` for a kubectl argument, after checking the name is a valid Kubernetes object name. */
export function objectRef(kind: string, name: string): string {
  const problem = objectNameProblem(name);
  if (problem) throw new KubectlError('invalid-name', `Refusing to run kubectl: ${problem}.`);
  return `${kind}/${name}`;
}

/** Quotes an argument for display in the log only (the process gets the array as is). */
export function displayArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

const KILL_GRACE_MS = 2000;

export class Kubectl {
  constructor(readonly options: KubectlOptions) {}

  /** The full argument list for `args` (global flags first), after validating context and namespace. */
  argv(args: readonly string[], opts: Pick<RunOptions, 'context' | 'namespace' | 'requestTimeoutSec'>): string[] {
    const problem = contextProblem(opts.context) ?? (opts.namespace !== undefined ? namespaceProblem(opts.namespace) : undefined);
    if (problem) throw new KubectlError('invalid-name', `Refusing to run kubectl: ${problem}.`);
    const o = this.options;
    return [
      '--context', opts.context,
      ...(opts.namespace !== undefined ? ['--namespace', opts.namespace] : []),
      ...(o.kubeconfig ? ['--kubeconfig', o.kubeconfig] : []),
      ...(o.cacheDir ? ['--cache-dir', o.cacheDir] : []),
      `--request-timeout=${opts.requestTimeoutSec ?? o.requestTimeoutSec}s`,
      ...args,
    ];
  }

  /** Runs kubectl to completion; rejects with a classified KubectlError on failure, timeout or cancellation. */
  run(args: readonly string[], opts: RunOptions): Promise<RunResult> {
    return this.exec(args, opts);
  }

  /** Runs `kubectl … -o json` and parses the output; `malformed` when it is not a JSON object. */
  async json<T extends object>(args: readonly string[], opts: RunOptions): Promise<T> {
    const withOutput = args.includes('-o') ? args : [...args, '-o', 'json'];
    const { stdout } = await this.exec(withOutput, opts);
    let parsed: unknown;
    try {
      parsed = JSON.parse(stdout);
    } catch {
      const sample = stdout.trim().slice(0, 80).replace(/\s+/g, ' ');
      throw new KubectlError('malformed', `kubectl ${args[0] ?? ''} returned output that is not JSON${sample ? `: "${sample}"` : ' (empty output)'}. Check "stevedore.kubectl.path" points at kubectl.`);
    }
    if (typeof parsed !== 'object' || parsed === null) {
      throw new KubectlError('malformed', `kubectl ${args[0] ?? ''} returned JSON that is not an object.`);
    }
    return parsed as T;
  }

  /** Like run, and also hands each output line to `onLine` as it arrives (for `rollout status --watch`). */
  stream(args: readonly string[], onLine: LineSink, opts: RunOptions): Promise<RunResult> {
    return this.exec(args, { ...opts, timeoutMs: opts.timeoutMs ?? 0 }, onLine);
  }

  private exec(args: readonly string[], opts: RunOptions, onLine?: LineSink): Promise<RunResult> {
    let argv: string[];
    try {
      argv = this.argv(args, opts);
    } catch (e) {
      return Promise.reject(e);
    }
    const { path, requestTimeoutSec, log, env } = this.options;
    log(`$ ${[path, ...argv].map(displayArg).join(' ')}`);
    const where = { context: opts.context, namespace: opts.namespace, requestTimeoutSec };
    const timeoutMs = opts.timeoutMs ?? this.options.defaultTimeoutMs ?? (requestTimeoutSec * 2 + 5) * 1000;
    if (opts.signal?.aborted) return Promise.reject(cancelled(args));

    return new Promise<RunResult>((resolve, reject) => {
      const child = spawn(path, argv, { shell: false, env: env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      const partial = { stdout: '', stderr: '' };
      let settled = false;
      let stopReason: KubectlError | undefined;
      let hardTimer: NodeJS.Timeout | undefined;
      let killTimer: NodeJS.Timeout | undefined;

      const finish = (f: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(hardTimer);
        opts.signal?.removeEventListener('abort', onAbort);
        f();
      };
      const stop = (reason: KubectlError) => {
        if (stopReason || settled) return;
        stopReason = reason;
        log(`  ${reason.kind === 'cancelled' ? 'cancelled' : 'killed'}: ${reason.message}`);
        child.kill('SIGTERM');
        killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
        // Even a process that ignores SIGKILL's effects on its pipes must not keep the caller waiting.
        setTimeout(() => finish(() => reject(reason)), KILL_GRACE_MS + 1000).unref();
      };
      const onAbort = () => stop(cancelled(args));
      opts.signal?.addEventListener('abort', onAbort);
      if (timeoutMs > 0) {
        hardTimer = setTimeout(() => {
          stop(new KubectlError('timeout', `kubectl did not finish within ${timeoutMs < 10000 ? `${timeoutMs / 1000}` : Math.round(timeoutMs / 1000)}s (context "${opts.context}"); it was stopped. The cluster may be unreachable or slow; check the connection or raise "stevedore.cluster.requestTimeout".`));
        }, timeoutMs);
      }

      const collect = (chunks: Buffer[], from: 'stdout' | 'stderr') => (chunk: Buffer) => {
        chunks.push(chunk);
        if (!onLine) return;
        const text = partial[from] + chunk.toString('utf8');
        const lines = text.split(/\r?\n/);
        partial[from] = lines.pop() ?? '';
        for (const line of lines) onLine(line, from);
      };
      child.stdout.on('data', collect(out, 'stdout'));
      child.stderr.on('data', collect(err, 'stderr'));
      child.stdin.on('error', () => undefined); // kubectl may exit before reading stdin
      child.stdin.end(opts.stdin ?? '');

      child.on('error', (e: NodeJS.ErrnoException) => {
        const message =
          e.code === 'ENOENT'
            ? `kubectl was not found ("${path}"). Install kubectl, or set "stevedore.kubectl.path" to its full path.`
            : e.code === 'EACCES'
              ? `kubectl at "${path}" is not executable. Fix its permissions, or set "stevedore.kubectl.path" to a working kubectl.`
              : `kubectl could not be started ("${path}"): ${e.message}. Check "stevedore.kubectl.path".`;
        log(`  ${message}`);
        finish(() => reject(new KubectlError('not-found-binary', message)));
      });
      child.on('exit', () => clearTimeout(killTimer));
      child.on('close', (code, signal) => {
        if (onLine) {
          if (partial.stdout) onLine(partial.stdout, 'stdout');
          if (partial.stderr) onLine(partial.stderr, 'stderr');
        }
        const stdout = Buffer.concat(out).toString('utf8');
        const stderr = Buffer.concat(err).toString('utf8');
        if (stopReason) return finish(() => reject(stopReason));
        const exitCode = code ?? (signal ? 128 : 1);
        if (exitCode === 0 || opts.okExitCodes?.includes(exitCode)) return finish(() => resolve({ stdout, stderr, exitCode }));
        const error = classifyFailure(stderr, exitCode, where);
        log(`  exit ${exitCode}: ${error.message}`);
        for (const line of stderr.trim().split('\n').slice(-5)) if (line.trim()) log(`  | ${line}`);
        finish(() => reject(error));
      });
    });
  }
}

function cancelled(args: readonly string[]): KubectlError {
  return new KubectlError('cancelled', `Cancelled: kubectl ${args.slice(0, 2).join(' ')} was stopped.`);
}
