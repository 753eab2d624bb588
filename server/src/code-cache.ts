// Loading a CommonJS bundle through V8's code cache: the first start compiles its source and, a while later, saves
// the compiled code (with the functions the first analyses compiled lazily); later starts deserialize that instead of
// compiling again. The cache is only an optimisation: a missing, unreadable, stale or rejected one means a normal
// compile, and a cache that cannot be written is not retried.
import * as fs from 'node:fs';
import { createRequire, wrap } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** Stevedore's folder in the user's own cache folder (`~/.cache/stevedore` on Linux), or undefined without a home. */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string | undefined {
  if (!home) return undefined;
  const base =
    platform === 'win32'
      ? (env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Caches')
        : (env.XDG_CACHE_HOME ?? path.join(home, '.cache'));
  return path.join(base, 'stevedore');
}

/**
 * The user's own cache folder (never a shared temporary one: compiled code from there would run as ours):
 * STEVEDORE_CODE_CACHE if set ('' turns the cache off), else the platform's per-user cache folder.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string | undefined {
  const set = env.STEVEDORE_CODE_CACHE;
  if (set !== undefined) return set || undefined;
  const base = userCacheDir(env, platform, home);
  return base && path.join(base, 'code-cache');
}

/** The cache file of `file`: V8 only checks the source's length, so the key also holds its size and modification time. */
function cacheFile(dir: string, file: string): string {
  const { size, mtimeMs } = fs.statSync(file);
  return path.join(dir, `${path.basename(file, '.js')}-${process.versions.v8}-${process.arch}-${size}-${Math.round(mtimeMs)}.bin`);
}

/**
 * Evaluates the bundle `file` as `require` would (its own `require`, `module`, `__dirname`) and returns its exports;
 * with a cache folder, compiled through its code cache, saved `saveAfterMs` later when there was none to use — or
 * when the process exits before that, so that a short session (a server stopped within seconds, bench:peers' rounds)
 * leaves the functions it compiled for the next start too.
 */
export function requireCompiled(file: string, dir: string | undefined, saveAfterMs: number): unknown {
  const source = fs.readFileSync(file, 'utf8');
  let cache: string | undefined;
  let cachedData: Buffer | undefined;
  try {
    if (dir) {
      cache = cacheFile(dir, file);
      cachedData = fs.readFileSync(cache);
    }
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(wrap(source), { filename: file, cachedData });
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  if (cache && (!cachedData || script.cachedDataRejected)) {
    const target = cache;
    let saved = false;
    const save = () => {
      if (saved) return;
      saved = true;
      process.off('exit', save);
      saveCodeCache(script, target, `${path.basename(file, '.js')}-`);
    };
    setTimeout(save, saveAfterMs).unref();
    process.once('exit', save);
  }
  return module.exports;
}

/**
 * Writes the script's compiled code to `target` (through a temporary file, so a reader never sees half of it) and
 * removes the caches of earlier builds of the bundle (the other files named `prefix`…).
 */
function saveCodeCache(script: vm.Script, target: string, prefix: string): void {
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(tmp, target);
    const dir = path.dirname(target);
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith(prefix) && name.endsWith('.bin') && name !== path.basename(target)) fs.rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    fs.rm(tmp, { force: true }, () => undefined);
  }
}
