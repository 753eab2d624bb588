// The one module that runs the user's image engine — docker, podman or buildah, which share the CLI surface for
// build/history/save — for the CLI and the language server. Argument arrays (never a shell), an explicit --file
// and --iidfile, the build context as given; every process runs in its own process group, so cancelling or
// timing out stops the whole build (SIGINT first: podman/buildah then stop the RUN container; SIGKILL after a
// grace). Every failure is an EngineError with a kind, and for a build the failing instruction's line and the
// log's last lines (core/image/build-log.ts reads the log).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { classifyBuildLog, failingLine, logTail } from '../core/image/build-log';
import { cleanUpStoppedBuild, type ContainerStore } from './build-leftovers';

export type EngineName = 'docker' | 'podman' | 'buildah';
export interface EngineSettings {
  engine: 'auto' | EngineName;
  /** Executable per engine (machine-scoped settings); `~/` is expanded; default: the name on PATH. */
  paths?: Partial<Record<EngineName, string>>;
  env?: NodeJS.ProcessEnv;
}
export interface Engine {
  name: EngineName;
  path: string;
  env?: NodeJS.ProcessEnv;
}
export type EngineErrorKind =
  | 'engine-missing' | 'daemon-not-running' | 'permission-denied' | 'base-image-not-found' | 'run-failed' | 'cancelled' | 'timeout' | 'failed';

export class EngineError extends Error {
  constructor(
    readonly kind: EngineErrorKind,
    message: string,
    /** 0-based Dockerfile line of the failing instruction. */
    readonly line?: number,
    /** The last lines of the engine's output. */
    readonly logTail?: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/** One history entry of an image, oldest first. */
export interface HistoryEntry {
  id: string;
  createdBy: string;
  size: number;
  created?: string;
  comment?: string;
}

const AUTO_ORDER: EngineName[] = ['docker', 'podman', 'buildah'];
const PROBE_TIMEOUT_MS = 15_000;
const QUERY_TIMEOUT_MS = 60_000;
/** After SIGINT, how long the engine gets to stop its RUN container before the group is killed. */
const CANCEL_GRACE_MS = 10_000;

/** `docker|podman build` / `buildah bud` arguments (buildah needs --layers for one layer per instruction). */
export function buildArgs(name: EngineName, r: { dockerfile: string; context: string; iidfile: string; target?: string }): string[] {
  const target = r.target ? ['--target', r.target] : [];
  const head = name === 'buildah' ? ['bud', '--layers'] : ['build'];
  return [...head, '--file', r.dockerfile, '--iidfile', r.iidfile, ...target, r.context];
}

/** History arguments: podman prints a JSON array with sizes in bytes; docker one JSON object per line. */
export function historyArgs(name: EngineName, image: string): string[] {
  if (name === 'docker') return ['history', '--no-trunc', '--human=false', '--format', '{{json .}}', image];
  if (name === 'podman') return ['history', '--no-trunc', '--format', 'json', image];
  throw new EngineError('failed', 'buildah has no image history command: measure with podman or docker (podman reads the same image store)');
}

/** `save` arguments writing a docker-archive tar to stdout. */
export function saveArgs(name: EngineName, image: string): string[] {
  if (name === 'podman') return ['save', '--format', 'docker-archive', image];
  if (name === 'buildah') return ['push', image, 'docker-archive:/dev/stdout'];
  return ['save', image];
}

/** Reads either history format into entries, oldest first. */
export function parseHistory(stdout: string): HistoryEntry[] {
  const text = stdout.trim();
  const rows: Record<string, unknown>[] = text.startsWith('[') ? JSON.parse(text) : text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return rows
    .map((r) => ({
      id: str(r.id) ?? str(r.ID) ?? '<missing>',
      createdBy: str(r.CreatedBy) ?? str(r.createdBy) ?? '',
      size: Number(r.size ?? r.Size ?? 0),
      created: str(r.created) ?? str(r.CreatedAt),
      comment: str(r.comment) ?? str(r.Comment),
    }))
    .reverse();
}

const expandHome = (p: string) => (p.startsWith('~/') ? path.join(os.homedir(), p.slice(2)) : p);

/** The engine to use: the one named, or the first of docker (with its daemon up), podman, buildah that runs. */
export async function findEngine(s: EngineSettings): Promise<Engine> {
  const names = s.engine === 'auto' ? AUTO_ORDER : [s.engine];
  let last: EngineError | undefined;
  for (const name of names) {
    const engine: Engine = { name, path: expandHome(s.paths?.[name]?.trim() || name), env: s.env };
    try {
      await run(engine, ['--version'], { timeoutMs: PROBE_TIMEOUT_MS });
      if (name === 'docker') await run(engine, ['info', '--format', '{{.ServerVersion}}'], { timeoutMs: PROBE_TIMEOUT_MS });
      return engine;
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      if (s.engine !== 'auto') throw e;
      if (e.kind !== 'engine-missing') last ??= e;
    }
  }
  throw last ?? new EngineError('engine-missing', `no image engine found (looked for ${names.join(', ')} on PATH)`);
}

/** Builds `dockerfile` in `context`; resolves with the new image's id, or rejects with an EngineError. */
export async function buildImage(r: {
  engine: Engine; dockerfile: string; context: string; target?: string; signal?: AbortSignal; onOutput?: (chunk: string) => void; timeoutMs?: number;
}): Promise<{ imageId: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-build-'));
  const iidfile = path.join(dir, 'iid');
  const cancellable = r.engine.name !== 'docker' && (r.signal || r.timeoutMs);
  const before = cancellable ? await workingContainers(r.engine).catch(() => undefined) : undefined;
  const startedMs = Date.now();
  try {
    const args = buildArgs(r.engine.name, { dockerfile: r.dockerfile, context: r.context, iidfile, target: r.target });
    const out = await run(r.engine, args, { signal: r.signal, onOutput: r.onOutput, timeoutMs: r.timeoutMs, build: true }).catch(async (e: unknown) => {
      if (e instanceof EngineError && (e.kind === 'cancelled' || e.kind === 'timeout') && before) await cleanUpStoppedBuild(containerStore(r.engine), before, startedMs);
      throw buildError(e, r.dockerfile);
    });
    const imageId = fs.existsSync(iidfile) ? fs.readFileSync(iidfile, 'utf8').trim() : '';
    if (!imageId) throw new EngineError('failed', `${r.engine.name} build wrote no image id`, undefined, logTail(out));
    return { imageId };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function buildError(e: unknown, dockerfile: string): unknown {
  if (!(e instanceof EngineError) || e.kind !== 'failed' || e.logTail === undefined) return e;
  let text = '';
  try {
    text = fs.readFileSync(dockerfile, 'utf8');
  } catch {
    /* the line stays unknown */
  }
  const log = e.logTail;
  const kind = classifyBuildLog(log);
  const line = text ? failingLine(log, text) : undefined;
  const where = line === undefined ? '' : ` at line ${line + 1}`;
  const what = { 'run-failed': 'a RUN failed', 'base-image-not-found': 'the base image was not found', 'daemon-not-running': 'the engine daemon is not running', 'permission-denied': 'permission denied', failed: 'the build failed' }[kind];
  return new EngineError(kind, `${what}${where} (${path.basename(dockerfile)}): ${lastErrorLine(log)}`, line, logTail(log));
}

function lastErrorLine(log: string): string {
  const lines = log.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.reverse().find((l) => /error/i.test(l)) ?? lines[0] ?? '';
}

/** The image's history, oldest first. */
export async function imageHistory(engine: Engine, image: string, signal?: AbortSignal): Promise<HistoryEntry[]> {
  return parseHistory(await run(engine, historyArgs(engine.name, image), { signal, timeoutMs: QUERY_TIMEOUT_MS, stdoutOnly: true }));
}

/** The image's size in bytes as the engine reports it (`image inspect`'s Size). */
export async function imageSize(engine: Engine, image: string): Promise<number> {
  const args = engine.name === 'buildah' ? ['inspect', '--type', 'image', '--format', '{{.Size}}', image] : ['image', 'inspect', '--format', '{{.Size}}', image];
  return Number((await run(engine, args, { timeoutMs: QUERY_TIMEOUT_MS, stdoutOnly: true })).trim());
}

/** Removes an image (ignored when it is already gone). */
export async function removeImage(engine: Engine, image: string): Promise<void> {
  await run(engine, ['rmi', image], { timeoutMs: QUERY_TIMEOUT_MS }).catch((e) => {
    if (!(e instanceof EngineError && /no such image|image not known|not found/i.test(e.logTail ?? ''))) throw e;
  });
}

/** The image as a docker-archive tar, streamed from the engine's stdout; the stream errors when the engine fails. */
export function saveImage(engine: Engine, image: string, signal?: AbortSignal): NodeJS.ReadableStream {
  const out = new PassThrough();
  const child = spawn(engine.path, saveArgs(engine.name, image), { env: engine.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'], shell: false });
  const err: string[] = [];
  child.stderr.on('data', (b: Buffer) => err.push(b.toString('utf8')));
  child.stdout.pipe(out, { end: false });
  const onAbort = () => killGroup(child.pid, 'SIGKILL');
  signal?.addEventListener('abort', onAbort, { once: true });
  child.on('error', (e: NodeJS.ErrnoException) => out.destroy(spawnError(engine, e)));
  child.on('close', (code) => {
    signal?.removeEventListener('abort', onAbort);
    if (signal?.aborted) out.destroy(new EngineError('cancelled', `${engine.name} save was cancelled`));
    else if (code !== 0) out.destroy(new EngineError('failed', `${engine.name} save ${image} failed: ${lastErrorLine(err.join(''))}`, undefined, logTail(err.join(''))));
    else out.end();
  });
  return out;
}

interface RunOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  onOutput?: (chunk: string) => void;
  /** A build: SIGINT first on cancel so the engine stops its RUN container. */
  build?: boolean;
  /** Resolve with stdout only (stderr still goes into failures). */
  stdoutOnly?: boolean;
}

/** Runs the engine in its own process group; resolves with its output, rejects with an EngineError. */
function run(engine: Engine, args: string[], o: RunOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    if (o.signal?.aborted) return reject(new EngineError('cancelled', `${engine.name} ${args[0]} was cancelled`));
    const env = engine.name === 'docker' ? { ...(engine.env ?? process.env), BUILDKIT_PROGRESS: 'plain' } : engine.env ?? process.env;
    const child = spawn(engine.path, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'], shell: false });
    const all: string[] = [];
    const stdout: string[] = [];
    let stopped: 'cancelled' | 'timeout' | undefined;
    const take = (isOut: boolean) => (b: Buffer) => {
      const chunk = b.toString('utf8');
      all.push(chunk);
      if (isOut) stdout.push(chunk);
      o.onOutput?.(chunk);
    };
    child.stdout.on('data', take(true));
    child.stderr.on('data', take(false));
    let grace: NodeJS.Timeout | undefined;
    const stop = (why: 'cancelled' | 'timeout') => {
      if (stopped) return;
      stopped = why;
      killGroup(child.pid, o.build ? 'SIGINT' : 'SIGKILL');
      if (o.build) grace = setTimeout(() => killGroup(child.pid, 'SIGKILL'), CANCEL_GRACE_MS);
    };
    const timer = o.timeoutMs ? setTimeout(() => stop('timeout'), o.timeoutMs) : undefined;
    const onAbort = () => stop('cancelled');
    o.signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      clearTimeout(grace);
      o.signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (e: NodeJS.ErrnoException) => {
      done();
      reject(spawnError(engine, e));
    });
    child.on('close', (code, sig) => {
      done();
      // The group may still hold processes the engine left (its RUN container's are in their own group).
      killGroup(child.pid, 'SIGKILL');
      const log = all.join('');
      if (stopped === 'cancelled') return reject(new EngineError('cancelled', `${engine.name} ${args[0]} was cancelled`, undefined, logTail(log)));
      if (stopped === 'timeout') return reject(new EngineError('timeout', `${engine.name} ${args[0]} did not finish within ${Math.round(o.timeoutMs! / 1000)} s and was stopped`, undefined, logTail(log)));
      if (code === 0) return resolve(o.stdoutOnly ? stdout.join('') : log);
      const kind = o.build ? 'failed' : classifyBuildLog(log) === 'daemon-not-running' ? 'daemon-not-running' : classifyBuildLog(log) === 'permission-denied' ? 'permission-denied' : 'failed';
      reject(new EngineError(kind, `${engine.name} ${args[0]} failed (${sig ?? `exit ${code}`}): ${lastErrorLine(log)}`, undefined, o.build ? log : logTail(log)));
    });
  });
}

function spawnError(engine: Engine, e: NodeJS.ErrnoException): EngineError {
  if (e.code === 'ENOENT') return new EngineError('engine-missing', `${engine.name} was not found at ${engine.path}`);
  if (e.code === 'EACCES') return new EngineError('permission-denied', `${engine.path} cannot be run: permission denied`);
  return new EngineError('failed', `${engine.path} could not be started: ${e.message}`);
}

function killGroup(pid: number | undefined, sig: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, sig);
  } catch {
    /* the group is gone */
  }
}

/** The ids of podman's/buildah's containers, working containers of builds included (retried: a container removed
 * while podman lists them fails the listing). */
async function workingContainers(engine: Engine, attempts = 5): Promise<Set<string>> {
  const args = engine.name === 'buildah' ? ['containers', '--quiet', '--notruncate'] : ['ps', '--all', '--external', '--no-trunc', '--format', '{{.ID}}'];
  for (let i = 1; ; i++) {
    try {
      const out = await run(engine, args, { timeoutMs: QUERY_TIMEOUT_MS, stdoutOnly: true });
      return new Set(out.split('\n').map((l) => l.trim()).filter(Boolean));
    } catch (e) {
      if (i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

function containerStore(engine: Engine): ContainerStore {
  return {
    list: () => workingContainers(engine),
    remove: (ids) => run(engine, engine.name === 'buildah' ? ['rm', ...ids] : ['rm', '--force', ...ids], { timeoutMs: QUERY_TIMEOUT_MS }).then(() => undefined),
  };
}
