// Bundles the in-host suite and its two entry points into test/vscode/host-extension/out/ (mocha and vscode stay
// external: mocha is resolved from the repository's node_modules, vscode is the host's API).
import { build } from 'esbuild';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const { publisher, name } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const out = join(here, 'host-extension', 'out');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
  external: ['vscode', 'mocha'],
  define: { STEVEDORE_EXTENSION_ID: JSON.stringify(`${publisher}.${name}`) },
};

/** Builds the bundles; returns the folder of the test extension. */
export async function buildHostTests() {
  await Promise.all([
    build({ ...common, entryPoints: [join(here, 'host-extension', 'src', 'extension.ts')], outfile: join(out, 'extension.js') }),
    build({ ...common, entryPoints: [join(here, 'suite', 'runner.ts')], outfile: join(out, 'index.js') }),
    build({ ...common, entryPoints: [join(here, 'suite', 'all.ts')], outfile: join(out, 'suite.js') }),
  ]);
  return join(here, 'host-extension');
}

/** Copies the fixture workspace to `dir` (fresh), so a debugging session never edits the checked-in files. */
export function copyWorkspace(dir) {
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(here, 'workspace'), dir, { recursive: true });
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildHostTests();
  // --copy-workspace DIR: for the "Extension Tests" launch configuration.
  const at = process.argv.indexOf('--copy-workspace');
  if (at >= 0) copyWorkspace(process.argv[at + 1]);
}
