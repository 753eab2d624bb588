// Stevedore's folders in the user's own cache folder (never a shared temporary one: what is read from there is
// trusted as ours) and the one way files are written there: private to the user, atomically.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

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
 * One cache's folder: the environment variable `variable` when set ('' turns that cache off), else `name` in
 * Stevedore's folder of the user's cache folder.
 */
export function userCacheFolder(variable: string, name: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string | undefined {
  const set = env[variable];
  if (set !== undefined) return set || undefined;
  const base = userCacheDir(env, platform, home);
  return base && path.join(base, name);
}

/**
 * Writes a cache file readable by the user only (its folders created private too) through a temporary file, so a
 * reader never sees half of it; throws when it cannot, leaving no temporary file behind.
 */
export function writeCacheFile(target: string, data: string | Uint8Array): void {
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    fs.writeFileSync(tmp, data, { mode: 0o600 });
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
