// `npm run pack:cli`: the CLI as its own npm package, `stevedore-lint` (the name `stevedore` on npm is someone
// else's package). One esbuild bundle plus the files it reads at run time, zero dependencies, so installing the
// tarball needs no network. Usage: node scripts/pack-cli.mjs [--out DIR]   (default dist-cli/; prints the .tgz path)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_NAME = 'stevedore-lint';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const rootPackage = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const outIndex = process.argv.indexOf('--out');
const out = path.resolve(outIndex > 0 ? process.argv[outIndex + 1] : path.join(root, 'dist-cli'));
const stage = path.join(out, 'package');

rmSync(stage, { recursive: true, force: true });
mkdirSync(path.join(stage, 'dist'), { recursive: true });
mkdirSync(path.join(stage, 'schemas'), { recursive: true });

// The same two bundles as dist/cli.js and dist/cli-main.js (scripts/build.mjs: an entry that loads the CLI through
// V8's code cache), without source maps: stacks (--debug) stay readable unminified.
const cliCommon = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  define: { STEVEDORE_VERSION: JSON.stringify(rootPackage.version) },
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/tree-sitter.cjs' },
};
const cliMainAsBundle = {
  name: 'cli-main-as-bundle',
  setup(b) {
    b.onResolve({ filter: /^\.\/main$/ }, (args) => (args.importer.endsWith('entry.ts') ? { path: './cli-main.js', external: true } : undefined));
  },
};
await build({ ...cliCommon, entryPoints: ['server/src/cli/entry.ts'], outfile: path.join(stage, 'dist/cli.js'), banner: { js: '#!/usr/bin/env node' }, plugins: [cliMainAsBundle] });
await build({ ...cliCommon, entryPoints: ['server/src/cli/main.ts'], outfile: path.join(stage, 'dist/cli-main.js') });

// Read at run time from beside the bundle, as scripts/build.mjs copies them into dist/: the shell parser's
// WebAssembly and JavaScript (core/dockerfile/shell.ts re-evaluates a fresh copy after an abort), and the Kubernetes
// and custom-resource schemas one folder up (core/k8s/schema-load.ts). The install test (test/cli/package.test.ts) fails if one is missing.
copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), path.join(stage, 'dist/tree-sitter.wasm'));
copyFileSync(require.resolve('web-tree-sitter'), path.join(stage, 'dist/tree-sitter.cjs'));
copyFileSync(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'), path.join(stage, 'dist/tree-sitter-bash.wasm'));
for (const schema of ['kubernetes.json', 'stevedore-config.schema.json']) copyFileSync(path.join(root, 'schemas', schema), path.join(stage, 'schemas', schema));
// The bundled custom-resource schemas (core/k8s/bundled-crds.ts): an index and one compressed file per API group.
mkdirSync(path.join(stage, 'schemas/crds'), { recursive: true });
for (const file of readdirSync(path.join(root, 'schemas/crds'))) copyFileSync(path.join(root, 'schemas/crds', file), path.join(stage, 'schemas/crds', file));
copyFileSync(path.join(root, 'LICENSE'), path.join(stage, 'LICENSE'));

// A require of anything but Node's own modules would fail in the installed package: it has no dependencies.
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const bundle = ['dist/cli.js', 'dist/cli-main.js'].map((f) => readFileSync(path.join(stage, f), 'utf8')).join('\n');
const external = [...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]).filter((m) => !builtins.has(m) && m !== './cli-main.js');
if (external.length) throw new Error(`the CLI bundle requires packages it does not contain: ${[...new Set(external)].join(', ')}`);

const manifest = {
  name: PACKAGE_NAME,
  version: rootPackage.version,
  description: 'Stevedore lint: Dockerfile and Kubernetes manifest checks for CI (text, JSON or SARIF output, safe --fix).',
  keywords: ['docker', 'dockerfile', 'kubernetes', 'linter', 'hadolint', 'sarif'],
  license: rootPackage.license,
  repository: rootPackage.repository,
  bin: { stevedore: 'dist/cli.js' },
  files: ['dist/cli.js', 'dist/cli-main.js', 'dist/tree-sitter.cjs', 'dist/tree-sitter.wasm', 'dist/tree-sitter-bash.wasm', 'schemas/'],
  engines: { node: '>=20' },
};
writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
writeFileSync(
  path.join(stage, 'README.md'),
  `# ${PACKAGE_NAME}

The command line of [Stevedore](${rootPackage.repository.url}): the checks of the Stevedore VS Code extension for
Dockerfiles and Kubernetes manifests, for CI. No dependencies; Node ${manifest.engines.node}.

\`\`\`sh
npm install --no-save ${PACKAGE_NAME}@${manifest.version}
npx --no-install stevedore lint .                         # text; exit 1 on findings at or above --fail-on
npx --no-install stevedore lint --format sarif . > stevedore.sarif
\`\`\`

\`stevedore lint --help\` lists the options (\`--format text|json|sarif\`, \`--fix\`, \`--fail-on\`, \`--config\`, …).
Exit status: 0 no finding at or above \`--fail-on\` (default \`warning\`), 1 findings, 2 usage, I/O or
configuration error (one line on stderr naming the path).
`,
);

// npm as this run was started with (npm run pack:cli), else the one on PATH; an argument array, no shell.
const npmCli = process.env.npm_execpath?.endsWith('npm-cli.js') ? [process.execPath, process.env.npm_execpath] : ['npm'];
const packed = spawnSync(npmCli[0], [...npmCli.slice(1), 'pack', '--json', '--ignore-scripts', '--pack-destination', out], { cwd: stage, encoding: 'utf8' });
if (packed.status !== 0) throw new Error(`npm pack failed (${packed.status}): ${packed.stderr}`);
const [{ filename, files }] = JSON.parse(packed.stdout);
console.error(`${PACKAGE_NAME}@${manifest.version}: ${files.map((f) => f.path).join(', ')}`);
console.log(path.join(out, filename));
