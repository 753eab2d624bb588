// Runs the in-host suite under desktop VS Code with @vscode/test-electron (`npm run test:vscode`). It downloads
// VS Code, so it needs a machine that can reach the VS Code download servers (not this project's build machines,
// where the same suite runs inside code-server as part of `npm run test:e2e`). On Linux without a display, run it
// under xvfb-run.
//
//   npx tsx test/vscode/runTest.ts [--version 1.100.0,stable]   (default: the minimum from engines.vscode, and stable)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runTests } from '@vscode/test-electron';

const repo = path.join(__dirname, '..', '..');

async function main(): Promise<number> {
  const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
  const minimum = String(manifest.engines.vscode).replace(/^[\^~>=\s]+/, '');
  const at = process.argv.indexOf('--version');
  const versions = at >= 0 ? process.argv[at + 1].split(',') : [minimum, 'stable'];
  if (!fs.existsSync(path.join(repo, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');
  const { buildHostTests } = await import(pathToFileURL(path.join(__dirname, 'build.mjs')).href);
  const hostDir: string = await buildHostTests();
  let failed = 0;
  for (const version of versions) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-vscode-'));
    const workspace = path.join(tmp, 'workspace');
    fs.cpSync(path.join(__dirname, 'workspace'), workspace, { recursive: true });
    console.log(`\n== VS Code ${version}`);
    try {
      await runTests({
        version,
        extensionDevelopmentPath: repo,
        extensionTestsPath: path.join(hostDir, 'out', 'index.js'),
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${path.join(tmp, 'user-data')}`],
      });
    } catch (e) {
      failed++;
      console.error(`VS Code ${version}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
