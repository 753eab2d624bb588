// Entry point of the `stevedore` CLI (dist/cli.js): a few lines that load the CLI itself, dist/cli-main.js, through
// V8's code cache (code-cache.ts, as the language server loads its session), then run it. Compiling the 1.5 MB
// bundle was about a fifth of a small lint run; with the cache saved by an earlier run it is read instead.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { codeCacheDir, requireCompiled } from '../code-cache';
import { cliV8Flags } from './v8-flags';

// Set before the CLI is compiled: V8 rejects a code cache made under other flags.
for (const flag of cliV8Flags) setFlagsFromString(flag);

/** When the compiled code is saved if the run lasts that long; else at exit (code-cache.ts). */
const CODE_CACHE_SAVE_MS = 5000;

/**
 * Runs at least this long check at exit whether they compiled much more than the cache held (a folder's manifests
 * after a first run on one Dockerfile) and save it again; the check costs ~15 ms, which a pre-commit hook's run on a
 * few files does not pay.
 */
const REFRESH_AFTER_S = 1;

type Cli = typeof import('./main');

/** From a build, the second bundle beside this one; from sources (tsx), the module. */
function loadCli(): Cli {
  const bundle = path.join(__dirname, 'cli-main.js');
  if (__filename.endsWith('.ts')) return require('./main') as Cli;
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: reinstall Stevedore`);
  return requireCompiled(bundle, codeCacheDir(), CODE_CACHE_SAVE_MS, () => process.uptime() > REFRESH_AFTER_S) as Cli;
}

let cli: Cli | undefined;
try {
  cli = loadCli();
} catch (e) {
  // A broken installation: one line and exit 2, as every other failure of the CLI (cli/errors.ts).
  process.stderr.write(`stevedore: cannot load the CLI: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}\n`);
  process.exitCode = 2;
}
cli?.runFromCommandLine();
