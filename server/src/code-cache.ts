// Loading a CommonJS bundle through V8's code cache: the first start compiles its source and, a while later, saves
// the compiled code (with the functions the first analyses compiled lazily); later starts deserialize that instead of
// compiling again. The cache is only an optimisation: a missing, unreadable, stale or rejected one means a normal
// compile, and a cache that cannot be written is not retried.
import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import { createRequire, wrap } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { userCacheFolder, writeCacheFile } from './user-cache';

/**
 * The code cache's folder in the user's own cache folder (compiled code read from a shared temporary one would run
 * as ours): STEVEDORE_CODE_CACHE if set ('' turns the cache off), else `code-cache` there.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string | undefined {
  return userCacheFolder('STEVEDORE_CODE_CACHE', 'code-cache', env, platform, home);
}

/**
 * How much more compiled code than the cache it read a process must hold for `refreshAtExit` to save it again: a
 * session that ran analyses the cache's session did not (1.46× here: 0.70 → 1.02 MB after a 1,000-line Dockerfile),
 * not the few functions any session compiles anew.
 */
const REFRESH_GROWTH = 1.1;

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
 *
 * When `refreshAtExit()` says so at exit, a cache that was used is saved again if the process compiled much more than
 * the cache held (REFRESH_GROWTH): a cache saved by a session that only started (or only ever saw Dockerfiles) would
 * otherwise leave every later session compiling its analyses' functions from source again. Finding out costs a
 * serialisation of the compiled code (~15 ms for the CLI's), so a caller may ask only after long runs.
 */
export function requireCompiled(file: string, dir: string | undefined, saveAfterMs: number, refreshAtExit: () => boolean = () => false): unknown {
  const source = bundleSource(fs.readFileSync(file));
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
  } else if (cache && cachedData) {
    const target = cache;
    const read = cachedData.length;
    process.once('exit', () => {
      if (!refreshAtExit()) return;
      try {
        const data = script.createCachedData();
        if (data.length > read * REFRESH_GROWTH) writeCodeCache(data, target, `${path.basename(file, '.js')}-`);
      } catch {
        // As for any save: the cache is an optimisation.
      }
    });
  }
  return module.exports;
}

/**
 * A bundle's text. esbuild writes ASCII (it escapes other characters), and ASCII read as Latin-1 is the same text
 * without UTF-8 decoding: the 1 MB session bundle's read 32 -> 25 ms here (medians of 10 fresh processes). Anything
 * else is decoded as UTF-8.
 */
export function bundleSource(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/**
 * Writes the script's compiled code to `target` (through a temporary file, so a reader never sees half of it) and
 * removes the caches of earlier builds of the bundle (the other files named `prefix`…).
 */
function saveCodeCache(script: vm.Script, target: string, prefix: string): void {
  try {
    writeCodeCache(script.createCachedData(), target, prefix);
  } catch {
    // Not written: the next start compiles as usual and tries again.
  }
}

function writeCodeCache(data: Buffer, target: string, prefix: string): void {
  try {
    writeCacheFile(target, data);
    const dir = path.dirname(target);
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith(prefix) && name.endsWith('.bin') && name !== path.basename(target)) fs.rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    // Not written: the next start compiles as usual and tries again.
  }
}
