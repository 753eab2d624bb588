// Running the user's `shellcheck` for the language server and the CLI: every RUN of an analysis not answered yet
// goes into ONE process (one temporary file per RUN, since ShellCheck reads one stdin), spawned with an argument
// array (never a shell), killed after a bound, stopped when the caller no longer needs it. Answers land in the
// core's cache (shellcheck-results.ts), where the shellcheck rule finds them. A missing binary or a stuck process
// is reported once per runner through `notify`; nothing waits on ShellCheck but the caller.
import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ShellcheckInput } from '../core/dockerfile/shellcheck-input';
import { parseJson1, shellcheckCache, uncachedInputs, type ShellcheckCache } from '../core/dockerfile/shellcheck-results';
import type { ShellcheckAnswers } from './shellcheck-answers';

export type Spawner = (command: string, args: string[], options: SpawnOptions) => ChildProcess;

export interface ShellcheckRunnerOptions {
  /** The binary: a path or a name looked up on PATH (default `shellcheck`). */
  path?: string;
  /** How long one ShellCheck process may take before it is killed (default 10 s plus 100 ms per RUN). */
  timeoutMs?: number;
  /** Where to set the setting that names the binary, for the messages (`stevedore.shellcheck.path`, `--shellcheck`). */
  pathSetting?: string;
  /** Reports a problem to the user; each kind (missing, timeout, failure) once per runner. */
  notify?: (message: string) => void;
  spawn?: Spawner;
  cache?: ShellcheckCache;
  /** Answers kept between runs (the CLI's, tools/shellcheck-answers.ts): read and written for small runs only. */
  answers?: ShellcheckAnswers;
}

/** How a run ended: all answers were cached already, ShellCheck answered, or why it did not. */
export type ShellcheckOutcome = 'cached' | 'done' | 'missing' | 'timeout' | 'failed' | 'cancelled';

export const DEFAULT_SHELLCHECK_TIMEOUT_MS = 10_000;
// ShellCheck takes about 4 ms of CPU per RUN; the bound leaves room for a busy machine.
const TIMEOUT_PER_RUN_MS = 100;
// Docker has no way to follow `source`/`.` into the build context from a RUN script: those notices are noise.
const EXCLUDED = 'SC1090,SC1091';
/** The options every run gives ShellCheck besides the files (part of the key of answers kept on disk). */
export const SHELLCHECK_OPTIONS = ['--format=json1', '--norc', `--exclude=${EXCLUDED}`];
// Runs with more inputs than this neither read nor write the answers kept on disk: one file per input is cheap for
// a pre-commit hook's few RUNs, not for a repository's thousands (ShellCheck then runs while the manifests are linted).
const KEPT_ANSWERS_LIMIT = 64;
// Input files written at once (each write is an open, a write and a close on libuv's thread pool).
const WRITE_BATCH = 32;

/** Runs ShellCheck over batches of RUN inputs; one per session (LSP) or per CLI run. */
export class ShellcheckRunner {
  /** Processes started (tests count them: one per analysis, none when everything is cached). */
  spawns = 0;
  private readonly told = new Set<string>();
  private missing = false;
  readonly binary: string;

  constructor(private readonly options: ShellcheckRunnerOptions = {}) {
    this.binary = options.path?.trim() || 'shellcheck';
  }

  /**
   * Makes sure every input has its answer in the cache; resolves once it has or why it could not. `started` is
   * called once ShellCheck runs (its input files written), or when it will not run: the CLI then lints the files
   * that do not need its answers meanwhile.
   */
  async check(inputs: readonly Pick<ShellcheckInput, 'text'>[], signal?: AbortSignal, started?: () => void): Promise<ShellcheckOutcome> {
    try {
      return await this.checkStarting(inputs, signal, started);
    } finally {
      started?.();
    }
  }

  private async checkStarting(inputs: readonly Pick<ShellcheckInput, 'text'>[], signal: AbortSignal | undefined, started: (() => void) | undefined): Promise<ShellcheckOutcome> {
    const cache = this.options.cache ?? shellcheckCache;
    let todo = uncachedInputs(inputs, cache);
    const kept = this.options.answers && todo.length <= KEPT_ANSWERS_LIMIT ? this.options.answers : undefined;
    if (kept && todo.length) {
      const found = kept.read(todo.map((input) => input.text));
      for (const [text, comments] of found) cache.set(text, comments);
      todo = todo.filter((input) => !found.has(input.text));
    }
    if (!todo.length) return 'cached';
    if (this.missing) return 'missing';
    if (signal?.aborted) return 'cancelled';
    // Written with the asynchronous API: a thousand-RUN file is hundreds of files, and synchronous writes held the
    // server's event loop for a quarter of a second after each analysis.
    let dir: string | undefined;
    try {
      dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'stevedore-shellcheck-'));
      const names = todo.map((_, i) => `run-${i + 1}.sh`);
      for (let i = 0; i < todo.length; i += WRITE_BATCH) {
        if (signal?.aborted) return 'cancelled';
        await Promise.all(todo.slice(i, i + WRITE_BATCH).map((input, j) => fs.promises.writeFile(path.join(dir!, names[i + j]), input.text)));
      }
      if (signal?.aborted) return 'cancelled';
      const timeoutMs = this.options.timeoutMs ?? DEFAULT_SHELLCHECK_TIMEOUT_MS + TIMEOUT_PER_RUN_MS * names.length;
      const running = this.spawnOnce([...SHELLCHECK_OPTIONS, ...names], dir, timeoutMs, signal);
      started?.();
      const result = await running;
      if (result.outcome !== 'done') return result.outcome;
      let byFile;
      try {
        byFile = parseJson1(result.stdout);
      } catch {
        this.tell('failed', `ShellCheck (${this.binary}) gave no readable answer: ${firstLine(result.stderr) || 'output is not JSON'}`);
        return 'failed';
      }
      todo.forEach((input, i) => cache.set(input.text, byFile.get(names[i]) ?? []));
      kept?.write(todo.map((input, i) => [input.text, byFile.get(names[i]) ?? []] as const));
      return 'done';
    } catch (e) {
      this.tell('failed', `ShellCheck's input files could not be written in ${os.tmpdir()}: ${(e as Error).message}`);
      return 'failed';
    } finally {
      if (dir) await fs.promises.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  private spawnOnce(args: string[], cwd: string, timeoutMs: number, signal?: AbortSignal): Promise<{ outcome: ShellcheckOutcome; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      this.spawns++;
      let child: ChildProcess;
      try {
        child = (this.options.spawn ?? nodeSpawn)(this.binary, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], shell: false, windowsHide: true });
        outliveNot(child);
      } catch (e) {
        resolve({ outcome: this.spawnFailed(e as NodeJS.ErrnoException), stdout: '', stderr: '' });
        return;
      }
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout?.on('data', (b: Buffer) => out.push(b));
      child.stderr?.on('data', (b: Buffer) => err.push(b));
      let ended: ShellcheckOutcome | undefined;
      const finish = (outcome: ShellcheckOutcome) => {
        if (ended) return;
        ended = outcome;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve({ outcome, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
      };
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        this.tell('timeout', `ShellCheck (${this.binary}) did not answer within ${Math.round(timeoutMs / 100) / 10} s and was stopped; RUN scripts are checked without it until it answers in time.`);
        finish('timeout');
      }, timeoutMs);
      const onAbort = () => {
        child.kill('SIGKILL');
        finish('cancelled');
      };
      signal?.addEventListener('abort', onAbort);
      child.on('error', (e: NodeJS.ErrnoException) => finish(this.spawnFailed(e)));
      child.on('close', (code, sig) => {
        // 0: no comments, 1: comments; anything else is a failure of ShellCheck itself.
        if (code === 0 || code === 1) return finish('done');
        if (!ended) this.tell('failed', `ShellCheck (${this.binary}) failed (${sig ?? `exit ${code}`}): ${firstLine(Buffer.concat(err).toString('utf8'))}`);
        finish('failed');
      });
    });
  }

  private spawnFailed(e: NodeJS.ErrnoException): ShellcheckOutcome {
    if (e.code === 'ENOENT' || e.code === 'EACCES') {
      this.missing = true;
      const setting = this.options.pathSetting ? ` or set ${this.options.pathSetting}` : '';
      this.tell(
        'missing',
        `ShellCheck was not found (${this.binary}), so RUN scripts are checked without it. Install it (apt-get install shellcheck, brew install shellcheck, dnf install ShellCheck, choco install shellcheck)${setting}.`,
      );
      return 'missing';
    }
    this.tell('failed', `ShellCheck (${this.binary}) could not be started: ${e.message}`);
    return 'failed';
  }

  private tell(kind: string, message: string): void {
    if (this.told.has(kind)) return;
    this.told.add(kind);
    this.options.notify?.(message);
  }
}

// ShellCheck processes under way. A child outlives a parent that exits (it is re-parented to init): a server stopped
// while ShellCheck worked through a thousand RUNs left it running for seconds, on a core the next session needed.
const live = new Set<ChildProcess>();

/** Stops `child` when this process exits before it does. */
function outliveNot(child: ChildProcess): void {
  if (!live.size) process.once('exit', stopLive);
  live.add(child);
  child.once('close', () => {
    live.delete(child);
    if (!live.size) process.off('exit', stopLive);
  });
}

function stopLive(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}
