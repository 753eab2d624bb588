// One bundler: esbuild bundles the client, the server and the CLI; tsc only type-checks.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { STEVEDORE_VERSION: JSON.stringify(version) },
  // The ESM build of web-tree-sitter needs import.meta.url; the CommonJS build bundles cleanly.
  // yaml's browser build is the same code as its node build without a `process.env` read per lexical token in the
  // CST parser (a 50,000-key map: that read was about a quarter of the parse).
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/tree-sitter.cjs', yaml: './node_modules/yaml/browser/index.js' },
};

/** In the entry bundle, the session is `require('./server-session.js')`, the second bundle, next to it. */
const sessionAsBundle = {
  name: 'session-as-bundle',
  setup(b) {
    b.onResolve({ filter: /^\.\/lsp\/session$/ }, () => ({ path: './server-session.js', external: true }));
  },
};
/**
 * In the session bundle, vscode-languageserver (and the types it re-exports, when our code imports them) is the
 * entry bundle's copy, `require('./server.js')` (server.ts re-exports it): one copy loaded, one set of classes.
 */
const lspFromEntry = {
  name: 'lsp-from-entry',
  setup(b) {
    b.onResolve({ filter: /^vscode-languageserver(\/node|-types)?$/ }, (args) =>
      args.importer.includes('node_modules') ? undefined : { path: './server.js', external: true },
    );
  },
};

/** In the CLI's entry bundle, the CLI is `require('./cli-main.js')`, the second bundle, next to it (server/src/cli/entry.ts). */
const cliMainAsBundle = {
  name: 'cli-main-as-bundle',
  setup(b) {
    b.onResolve({ filter: /^\.\/main$/ }, (args) => (args.importer.endsWith('entry.ts') ? { path: './cli-main.js', external: true } : undefined));
  },
};

mkdirSync('dist', { recursive: true });
await Promise.all([
  // The extension is three bundles so activation only loads the small first one (see client/src/extension.ts).
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['client/src/lsp.ts'], outfile: 'dist/lsp.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['client/src/cluster/register.ts'], outfile: 'dist/cluster.js', external: ['vscode'] }),
  // The HPA behaviour preview: its panel (loaded when first opened) and the script inside its webview (a browser bundle).
  build({ ...common, entryPoints: ['client/src/hpaPreview.ts'], outfile: 'dist/hpaPreview.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['client/src/webview/hpaPreviewMain.ts'], outfile: 'dist/hpaPreviewView.js', platform: 'browser', format: 'iife', target: 'es2022' }),
  // The language server is two bundles: the entry answers initialize, the session (rules, languages, schemas,
  // parsers; 80% of the code) is loaded right after the initialize result is sent (see server/src/server.ts).
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [sessionAsBundle] }),
  build({ ...common, entryPoints: ['server/src/lsp/session.ts'], outfile: 'dist/server-session.js', plugins: [lspFromEntry] }),
  // The CLI is two bundles too: a small entry (dist/cli.js) loads the CLI (dist/cli-main.js) through the code cache.
  build({ ...common, entryPoints: ['server/src/cli/entry.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [cliMainAsBundle] }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js' }),
]);
// The shell parser's WebAssembly files are loaded at run time from next to the bundles.
copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), 'dist/tree-sitter.wasm');
// Its JavaScript too: after a WebAssembly abort the server evaluates a fresh copy (server/src/core/dockerfile/shell.ts).
copyFileSync(require.resolve('web-tree-sitter'), 'dist/tree-sitter.cjs');
copyFileSync(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'), 'dist/tree-sitter-bash.wasm');
