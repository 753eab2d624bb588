// The folders `npm start` works in. The editor autosaves, so it must never open the tracked examples/: every quick
// fix a visitor tries would land in the repository. It opens a copy under the git-ignored .cache/ that each start
// resets. The test cluster's kubeconfig lives at a fixed path there too, so a setting pointing at it stays valid.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where start keeps its state: `<root>/demo/examples` (the opened copy), `<root>/cluster/kubeconfig`, the log. */
export function demoPaths(dir) {
  const root = resolve(dir ?? join(repoRoot, '.cache'));
  return {
    root,
    workspace: join(root, 'demo', 'examples'),
    clusterDir: join(root, 'cluster'),
    kubeconfig: join(root, 'cluster', 'kubeconfig'),
    log: join(root, 'start.log'),
  };
}

/** Replaces `dest` with a fresh copy of `src` (what a previous session changed there is dropped). */
export function resetCopy(src, dest) {
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dirname(dest), { recursive: true });
  cpSync(src, dest, { recursive: true });
}

/**
 * Sets (or, with `value` undefined, removes) one key in code-server's machine settings
 * (`<user-data-dir>/Machine/settings.json`, the "Remote" tab), which apply without a reload. A file that is not
 * plain JSON (the user added comments) is left alone; returns false then.
 */
export function setMachineSetting(userDataDir, key, value) {
  const file = join(userDataDir, 'Machine', 'settings.json');
  let settings = {};
  if (existsSync(file)) {
    try {
      settings = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return false;
    }
  }
  if (settings[key] === value) return true;
  if (value === undefined) delete settings[key];
  else settings[key] = value;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
  return true;
}
