// End-to-end run: real VS Code (code-server) in headless Chromium with the packaged extension.
//
//   npx tsx test/e2e/run.ts [--only 2,5] [--update-screenshots] [--keep] [--skip-host-tests]
//
// Installs code-server into the cache if needed, packages the .vsix, installs it into a throwaway profile, starts one
// code-server on 127.0.0.1 and one Chromium, runs the in-host API suite and every scenario in its own window on a
// fresh copy of its fixture, and stops everything it started. Screenshots and, on failure, the page's console log and
// the extension host logs go to test-results/e2e/.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { deriveProfile, prepareProfile, startCodeServer, writeKeybindings, writeSettings, type CodeServer, type Profile } from './lib/codeServer';
import type { Scenario } from './lib/scenario';
import { waitFor, withTimeout } from './lib/wait';
import { Workbench } from './lib/workbench';
import { scenarios } from './scenarios';

const repo = path.join(__dirname, '..', '..');
const resultsDir = path.join(repo, 'test-results', 'e2e');
const readmeShots = path.join(repo, 'docs', 'screenshots');
const SCENARIO_TIMEOUT = 180_000;
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

interface Options {
  only?: Set<number>;
  updateScreenshots: boolean;
  keep: boolean;
  hostTests: boolean;
}

function parseArgs(argv: string[]): Options {
  const at = argv.indexOf('--only');
  return {
    only: at >= 0 ? new Set(argv[at + 1].split(',').map(Number)) : undefined,
    updateScreenshots: argv.includes('--update-screenshots'),
    keep: argv.includes('--keep'),
    hostTests: !argv.includes('--skip-host-tests'),
  };
}

interface Outcome {
  name: string;
  ok: boolean;
  seconds: number;
  error?: string;
  detail?: string;
}

const t0 = Date.now();

/** Imports one of the repository's plain-JS scripts (untyped on purpose: they are also run directly by node). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function importScript(rel: string): Promise<any> {
  return import(pathToFileURL(path.join(repo, rel)).href);
}
function log(message: string): void {
  console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${message}`);
}

/** Copies the logs of the extension hosts that appeared while the step ran. */
function saveExtensionHostLogs(cs: CodeServer, before: Set<string>, prefix: string): void {
  for (const dir of cs.extensionHostLogDirs().filter((d) => !before.has(d))) {
    fs.cpSync(dir, path.join(resultsDir, `${prefix}.${path.basename(dir)}`), { recursive: true });
  }
}

/** A running code-server and the profile it uses. */
interface Server {
  cs: CodeServer;
  profile: Profile;
}

class Harness {
  private browser?: Browser;
  private bin?: string;
  private cs?: CodeServer;
  private profile?: Profile;
  /** The code-server with Workspace Trust on, while a scenario that needs it runs. */
  private trustServer?: CodeServer;
  private tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-e2e-'));
  private hostResults = path.join(this.tmp, 'host-tests.json');
  readonly outcomes: Outcome[] = [];

  constructor(private readonly opts: Options) {}

  async setUp(): Promise<void> {
    // The install and packaging scripts are plain ESM shared with `npm start` and `npm run package`.
    const { installCodeServer } = await importScript('scripts/install-code-server.mjs');
    const { packageExtension } = await importScript('scripts/package.mjs');
    const { buildHostTests } = await importScript('test/vscode/build.mjs');
    log('code-server: checking the cached install');
    const bin: string = (this.bin = installCodeServer());
    log('packaging the extension');
    const { vsix, size } = packageExtension({ out: path.join(this.tmp, 'stevedore.vsix'), quiet: true });
    log(`packaged ${path.basename(vsix)} (${Math.round(size / 1024)} KB); building the in-host suite`);
    const hostDir: string = await buildHostTests();
    const hostManifest = JSON.parse(fs.readFileSync(path.join(hostDir, 'package.json'), 'utf8'));
    this.profile = prepareProfile(bin, path.join(this.tmp, 'profile'), vsix, [{ id: `${hostManifest.publisher}.${hostManifest.name}`, version: hostManifest.version, dir: hostDir }]);
    // kubectl's discovery cache goes to the throwaway folder, not ~/.kube/cache.
    this.cs = await startCodeServer(bin, this.profile, { STEVEDORE_HOST_TESTS: this.hostResults, KUBECACHEDIR: path.join(this.tmp, 'kube-cache') });
    log(`code-server listening on ${this.cs.url}`);
    this.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  }

  /** Opens a fresh page on `folder` and runs `body`; records the outcome with screenshots and logs. */
  private async inWindow(
    name: string,
    folder: string,
    settings: Record<string, unknown>,
    body: (page: Page, wb: Workbench) => Promise<string | void>,
    server: Server = { cs: this.cs!, profile: this.profile! },
    keybindings: Array<{ key: string; command: string; when?: string }> = [],
  ): Promise<boolean> {
    const { cs, profile } = server;
    writeSettings(profile, settings);
    writeKeybindings(profile, keybindings);
    const page = await this.browser!.newPage({ viewport: { width: 1280, height: 800 } });
    const consoleLines: string[] = [];
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.stack ?? e.message}`));
    const logsBefore = new Set(cs.extensionHostLogDirs());
    const wb = new Workbench(page, cs.url.replace(/\/$/, ''));
    const started = Date.now();
    let outcome: Outcome;
    try {
      await wb.openFolder(folder);
      const detail = await withTimeout(body(page, wb), SCENARIO_TIMEOUT, name);
      outcome = { name, ok: true, seconds: (Date.now() - started) / 1000, detail: detail || undefined };
    } catch (e) {
      outcome = { name, ok: false, seconds: (Date.now() - started) / 1000, error: e instanceof Error ? e.stack ?? e.message : String(e) };
    }
    await page.screenshot({ path: path.join(resultsDir, `${name}.png`) }).catch((e: Error) => consoleLines.push(`[harness] screenshot failed: ${e.message}`));
    if (!outcome.ok) {
      fs.writeFileSync(path.join(resultsDir, `${name}.console.log`), consoleLines.join('\n') + '\n');
      saveExtensionHostLogs(cs, logsBefore, name);
    }
    await page.close({ runBeforeUnload: false }).catch(() => undefined);
    this.outcomes.push(outcome);
    log(`${outcome.ok ? 'PASS' : 'FAIL'} ${name} (${outcome.seconds.toFixed(1)} s)${outcome.detail ? ` — ${outcome.detail}` : ''}`);
    if (outcome.error) console.log(outcome.error.replace(/^/gm, '    '));
    return outcome.ok;
  }

  /** The mocha suite inside the extension host: open its workspace and wait for the results file. */
  async hostTests(): Promise<void> {
    const folder = path.join(this.tmp, 'workspaces', '0-host-api');
    fs.cpSync(path.join(repo, 'test', 'vscode', 'workspace'), folder, { recursive: true });
    await this.inWindow('0-host-api', folder, {}, async () => {
      const results = await waitFor('the in-host suite to write its results', () => fs.existsSync(this.hostResults) && JSON.parse(fs.readFileSync(this.hostResults, 'utf8')), 150_000, 250);
      fs.copyFileSync(this.hostResults, path.join(resultsDir, '0-host-api.results.json'));
      const failed = results.tests.filter((t: { state: string }) => t.state === 'failed');
      for (const t of results.tests) log(`  ${t.state === 'passed' ? 'ok  ' : t.state === 'pending' ? 'skip' : 'FAIL'} ${t.title}`);
      if (failed.length) throw new Error(failed.map((t: { title: string; error: string }) => `${t.title}\n${t.error}`).join('\n\n'));
      if (!results.passed) throw new Error('the in-host suite ran no test');
      return `${results.passed} passed, ${results.pending} skipped`;
    });
  }

  async scenario(n: number, s: Scenario): Promise<void> {
    const name = `${n}-${s.slug}`;
    const folder = path.join(this.tmp, 'workspaces', name);
    const fixture = path.isAbsolute(s.fixture) ? s.fixture : path.join(__dirname, 'workspace', s.fixture);
    fs.cpSync(fixture, folder, { recursive: true });
    const settings: Record<string, unknown> = {};
    const keybindings: Array<{ key: string; command: string; when?: string }> = [];
    let cleanup: (() => Promise<void>) | void = undefined;
    let server: Server | undefined;
    try {
      cleanup = await s.setup?.({ folder, settings, keybindings, log });
      if (s.workspaceTrust) server = await this.startTrustServer(name);
    } catch (e) {
      if (cleanup) await cleanup().catch((err: Error) => log(`${name}: cleanup failed: ${err.message}`));
      await this.stopTrustServer(name, true);
      this.outcomes.push({ name, ok: false, seconds: 0, error: `setup: ${e instanceof Error ? e.stack : String(e)}` });
      log(`FAIL ${name} in setup: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    log(`${name}: ${s.title}`);
    try {
      await this.inWindow(name, folder, settings, async (page, wb) => {
        const shot = async (label: string) => {
          const file = path.join(resultsDir, `${name}-${label}.png`);
          await page.screenshot({ path: file });
          if (this.opts.updateScreenshots) {
            fs.mkdirSync(readmeShots, { recursive: true });
            fs.copyFileSync(file, path.join(readmeShots, `${label}.png`));
          }
        };
        await s.run({ page, wb, folder, shot, log });
      }, server, keybindings);
    } finally {
      if (cleanup) await cleanup().catch((e: Error) => log(`${name}: cleanup failed: ${e.message}`));
      await this.stopTrustServer(name, this.outcomes.at(-1)?.name !== name || !this.outcomes.at(-1)?.ok);
    }
  }

  /**
   * Starts a code-server with Workspace Trust on for one scenario: its own user-data dir (so trust decisions, settings
   * and logs start empty), the shared extensions dir.
   */
  private async startTrustServer(name: string): Promise<Server> {
    const profile = deriveProfile(this.profile!, path.join(this.tmp, `profile-${name}`));
    this.trustServer = await startCodeServer(this.bin!, profile, { KUBECACHEDIR: path.join(this.tmp, `kube-cache-${name}`) }, { workspaceTrust: true });
    log(`${name}: code-server with Workspace Trust on listening on ${this.trustServer.url}`);
    return { cs: this.trustServer, profile };
  }

  /** Stops the Workspace Trust code-server, if one runs; on failure its output goes to `<name>.code-server.log`. */
  private async stopTrustServer(name: string, failed: boolean): Promise<void> {
    const cs = this.trustServer;
    if (!cs) return;
    this.trustServer = undefined;
    if (failed) fs.writeFileSync(path.join(resultsDir, `${name}.code-server.log`), cs.output());
    await cs.stop();
  }

  async tearDown(failed: boolean): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    await this.trustServer?.stop();
    if (this.cs) {
      if (failed) fs.writeFileSync(path.join(resultsDir, 'code-server.log'), this.cs.output());
      await this.cs.stop();
    }
    if (this.opts.keep || failed) log(`kept ${this.tmp}`);
    else fs.rmSync(this.tmp, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });
  const harness = new Harness(opts);
  let setupFailed = false;
  const stopOnSignal = (sig: NodeJS.Signals) => {
    log(`${sig}: stopping`);
    void harness.tearDown(true).finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    await harness.setUp();
    if (opts.hostTests && (!opts.only || opts.only.has(0))) await harness.hostTests();
    for (const [i, s] of scenarios.entries()) {
      if (!opts.only || opts.only.has(i + 1)) await harness.scenario(i + 1, s);
    }
  } catch (e) {
    setupFailed = true;
    log(`setup failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  } finally {
    const failed = setupFailed || harness.outcomes.some((o) => !o.ok);
    await harness.tearDown(failed);
  }
  const outcomes = harness.outcomes;
  fs.writeFileSync(path.join(resultsDir, 'results.json'), JSON.stringify({ outcomes, seconds: (Date.now() - t0) / 1000 }, null, 2));
  console.log('\nEnd-to-end results:');
  for (const o of outcomes) console.log(`  ${o.ok ? 'PASS' : 'FAIL'}  ${o.name.padEnd(16)} ${o.seconds.toFixed(1).padStart(6)} s${o.detail ? `  ${o.detail}` : ''}`);
  const failures = outcomes.filter((o) => !o.ok).length;
  console.log(`${outcomes.length - failures} passed, ${failures} failed${setupFailed ? ', setup failed' : ''} in ${((Date.now() - t0) / 1000).toFixed(0)} s; screenshots in ${path.relative(repo, resultsDir)}/`);
  return failures || setupFailed || !outcomes.length ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e);
  process.exit(1);
});
