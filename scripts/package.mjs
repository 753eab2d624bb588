// Packages the extension: minified esbuild bundles, then `vsce package` with the allow-list .vscodeignore, then checks
// the result: under the size budget, and no sources, tests, source maps or node_modules inside.
//
//   node scripts/package.mjs                 -> stevedore-<version>.vsix in the repository root
//   node scripts/package.mjs --out FILE      -> FILE
//   node scripts/package.mjs --skip-build    -> package the dist/ that is there
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
/** The packaged extension must stay under this size. */
export const BUDGET_BYTES = 2 * 1024 * 1024;
// Anything matching these has no business in the vsix.
const FORBIDDEN = [/^node_modules\//, /\.ts$/, /\.map$/, /^(client|server)\/src\//, /^test\//, /^scripts\//, /^test-results\//, /^docs\//, /^examples\//, /^\.vscode\//];

// Bundles that load one another at run time: the server's entry and session, the CLI's entry and its code.
const REQUIRED = ['dist/extension.js', 'dist/lsp.js', 'dist/server.js', 'dist/server-session.js', 'dist/cli.js', 'dist/cli-main.js', 'dist/tree-sitter-bash.wasm'];

function run(args, what, options = {}) {
  const r = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', ...options });
  if (r.status !== 0) throw new Error(`${what} failed (${r.status ?? r.signal}):\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  return r.stdout ?? '';
}

function vsceBin() {
  const pkg = require.resolve('@vscode/vsce/package.json', { paths: [repo] });
  return join(dirname(pkg), 'vsce');
}

/** Builds (unless skipBuild) and packages; returns the vsix path, its size and the packaged file list. */
export function packageExtension({ out, skipBuild = false, quiet = false } = {}) {
  const { name, version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const vsix = resolve(out ?? join(repo, `${name}-${version}.vsix`));
  const stdio = quiet ? 'pipe' : 'inherit';
  if (!skipBuild) run([join(repo, 'scripts', 'build.mjs'), '--production'], 'the production build', { stdio });
  run([vsceBin(), 'package', '--no-dependencies', '--out', vsix], 'vsce package', { stdio: quiet ? 'pipe' : ['ignore', 'inherit', 'inherit'] });
  const files = run([vsceBin(), 'ls', '--no-dependencies'], 'vsce ls').split('\n').map((l) => l.trim()).filter(Boolean);
  const bad = files.filter((f) => FORBIDDEN.some((re) => re.test(f)));
  if (bad.length) throw new Error(`the package would ship files it must not (fix .vscodeignore): ${bad.join(', ')}`);
  const missing = REQUIRED.filter((f) => !files.includes(f));
  if (missing.length) throw new Error(`the package would lack files it needs (fix .vscodeignore): ${missing.join(', ')}`);
  const size = statSync(vsix).size;
  if (size >= BUDGET_BYTES) throw new Error(`${vsix} is ${(size / 1024 / 1024).toFixed(2)} MB, over the ${BUDGET_BYTES / 1024 / 1024} MB budget`);
  return { vsix, size, files };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  try {
    const r = packageExtension({ out: outAt >= 0 ? args[outAt + 1] : undefined, skipBuild: args.includes('--skip-build') });
    console.log(`\n${r.vsix}: ${(r.size / 1024).toFixed(0)} KB (budget ${BUDGET_BYTES / 1024 / 1024} MB), ${r.files.length} files:`);
    for (const f of r.files) console.log(`  ${f}`);
  } catch (e) {
    console.error(`package: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
