// `npm start [-- flags]`: builds the extension and opens a fresh copy of examples/ with it loaded.
//  - With a `code` command on PATH: desktop VS Code, `code --extensionDevelopmentPath=<repo> <copy>`.
//  - Otherwise (or with --browser): VS Code for the browser. Installs code-server on first use (scripts/
//    install-code-server.mjs), loads this folder as an unpacked extension, serves on 127.0.0.1:8080 and stays in the
//    foreground until Ctrl+C, SIGTERM or a hang-up, which stop code-server and everything it started.
// The copy (.cache/demo/examples) is reset on every start: the editor autosaves, and examples/ must stay as committed.
// Flags:
//   --port N             serve on N (default 8080); a busy port is an error that names the process holding it
//   --cluster            also run the seeded test API server and point the editor at it (KUBECONFIG and the
//                        stevedore.kubeconfig machine setting; kubeconfig at .cache/cluster/kubeconfig)
//   --browser            VS Code for the browser even when `code` exists
//   --no-build           skip `npm run build` (the bundles in dist/ are used as they are)
//   --code-server PATH   run this code-server binary instead of the cached install (also STEVEDORE_CODE_SERVER)
//   --demo-dir DIR       keep the copy, kubeconfig and log under DIR instead of .cache/ (tests)
// One progress line per step; the build's and code-server's output go to .cache/start.log, which errors name.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, closeSync, constants, existsSync, lstatSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { demoPaths, repoRoot as repo, resetCopy, setMachineSetting } from './demo-workspace.mjs';
import { codeServerDir, installCodeServer } from './install-code-server.mjs';
import { describePortHolder, portIsFree } from './port-holder.mjs';
import { stopGroup } from './process-group.mjs';
import { createStepLog, StepError } from './step-log.mjs';

const args = process.argv.slice(2);
const flag = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const port = Number(flag('--port') ?? 8080);
const paths = demoPaths(flag('--demo-dir'));
const examples = join(repo, 'examples');
// After a hang-up the terminal is gone and writes to it fail; nothing left to tell anyone then.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
const steps = createStepLog(paths.log, { out: process.stdout });

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(':').filter(Boolean)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/** Links this checkout into the extensions dir as `<publisher>.<name>-<version>` and lists it in extensions.json. */
function linkExtension(extensionsDir) {
  const { publisher, name, version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const id = `${publisher}.${name}`;
  mkdirSync(extensionsDir, { recursive: true });
  // Drop links of earlier versions, then link the current one.
  for (const entry of readdirSync(extensionsDir)) {
    const p = join(extensionsDir, entry);
    if (entry.startsWith(`${id}-`) && lstatSync(p).isSymbolicLink()) rmSync(p);
  }
  const folder = `${id}-${version}`;
  const location = join(extensionsDir, folder);
  symlinkSync(repo, location, 'dir');
  const listFile = join(extensionsDir, 'extensions.json');
  const list = existsSync(listFile) ? JSON.parse(readFileSync(listFile, 'utf8')).filter((e) => e.identifier?.id !== id) : [];
  list.push({ identifier: { id }, version, location: { $mid: 1, path: location, scheme: 'file' }, relativeLocation: folder });
  writeFileSync(listFile, JSON.stringify(list));
  return id;
}

/** The user-data and extensions folders of the code-server `npm start` runs, with our defaults on first use. */
function prepareProfile() {
  const profile = join(dirname(codeServerDir()), 'start-profile');
  const userDataDir = join(profile, 'user-data');
  const extensionsDir = join(profile, 'extensions');
  const settings = join(userDataDir, 'User', 'settings.json');
  if (!existsSync(settings)) {
    mkdirSync(dirname(settings), { recursive: true });
    writeFileSync(settings, JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoCheckUpdates': false, 'git.openRepositoryInParentFolders': 'never' }, null, 2));
  }
  return { userDataDir, extensionsDir, id: linkExtension(extensionsDir) };
}

/** Starts the seeded test API server in this process (so it cannot outlive `npm start`), kubeconfig at a fixed path. */
async function startCluster() {
  const { tsImport } = await import('tsx/esm/api');
  const { startTestCluster } = await tsImport('../test/support/apiserver/index.ts', import.meta.url);
  mkdirSync(paths.clusterDir, { recursive: true });
  return startTestCluster({ seed: true, keda: true, tickMs: 1000, dir: paths.clusterDir });
}

/** Resolves when something accepts connections on 127.0.0.1:port, rejects when `exited` settles first. */
async function waitForPort(exited, timeoutMs = 120_000) {
  let gone;
  exited.then((how) => (gone = how));
  const deadline = Date.now() + timeoutMs;
  while (!gone && Date.now() < deadline) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(100);
  }
  if (gone) throw new Error(`code-server exited (${gone.error?.message ?? gone.signal ?? `exit code ${gone.code}`}) before it listened`);
  throw new Error(`code-server did not listen on port ${port} within ${timeoutMs / 1000} s`);
}

/** Runs code-server in its own process group, watched by group-watchdog.mjs should this process be killed outright. */
function spawnCodeServer(bin, profile, env) {
  const log = openSync(paths.log, 'a');
  const child = spawn(
    bin,
    ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', paths.workspace],
    { stdio: ['ignore', log, log], detached: true, env },
  );
  closeSync(log);
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (e) => {
      steps.note(`spawning ${bin}: ${e.message}`);
      resolve({ code: null, signal: null, error: e });
    });
  });
  if (!child.pid) return { child, exited };
  onStop(() => stopGroup(child.pid));
  // The watchdog's stdin is a pipe nobody writes to: it ends when this process dies, however it dies.
  const watchdog = spawn(process.execPath, [join(repo, 'scripts', 'group-watchdog.mjs'), String(child.pid)], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
  watchdog.unref();
  return { child, exited };
}

function desktop(code, env) {
  console.log(`Opening ${paths.workspace} in VS Code with the extension from ${repo}`);
  const r = spawnSync(code, [`--extensionDevelopmentPath=${repo}`, paths.workspace], { stdio: 'inherit', env });
  return r.status ?? 1;
}

async function main() {
  const code = args.includes('--browser') ? undefined : onPath('code');
  if (!code) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port must be a port number, got ${flag('--port')}`);
    if (!(await portIsFree(port))) fail(`${describePortHolder(port)}; stop it or choose another port with \`npm start -- --port N\``);
  }
  if (!args.includes('--no-build')) steps.step('Building the extension', () => steps.run(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo }));
  const shown = relative(repo, paths.workspace).startsWith('..') ? paths.workspace : relative(repo, paths.workspace);
  steps.step(`Copying examples/ to ${shown} (reset on every start)`, () => resetCopy(examples, paths.workspace));
  const cluster = args.includes('--cluster') ? await steps.step('Starting the test cluster', startCluster) : undefined;
  if (cluster) onStop(() => cluster.close());
  const env = { ...process.env };
  if (cluster) env.KUBECONFIG = cluster.kubeconfig;
  if (code) {
    const status = desktop(code, env);
    if (!cluster) process.exit(status);
    console.log(`Test cluster at ${cluster.url}, kubeconfig ${cluster.kubeconfig}. Ctrl+C stops it.`);
    return;
  }

  const bin = flag('--code-server') ?? process.env.STEVEDORE_CODE_SERVER ?? installCodeServer({ steps });
  const profile = prepareProfile();
  // Machine settings apply at once (user settings need a reload); an earlier --cluster run's entry is removed.
  if (!setMachineSetting(profile.userDataDir, 'stevedore.kubeconfig', cluster?.kubeconfig)) steps.note('Machine/settings.json is not plain JSON; stevedore.kubeconfig left as it is');
  let server;
  await steps.step(`Starting VS Code for the browser on 127.0.0.1:${port}`, async () => {
    server = spawnCodeServer(bin, profile, env);
    await waitForPort(server.exited);
  });
  const url = `http://127.0.0.1:${port}/?folder=${encodeURI(paths.workspace)}`;
  console.log(`
Stevedore (${profile.id}, loaded from ${repo}) in VS Code for the browser:

  ${url}

Workspace: a fresh copy of examples/ (reset on every start; examples/ itself is not touched).${
    cluster ? `\nTest cluster: ${cluster.url}; the editor uses ${cluster.kubeconfig}\n  kubectl --kubeconfig ${cluster.kubeconfig} get deploy -n shop` : ''
  }
Log: ${paths.log}. Ctrl+C stops it. (\`npm run build\` and reload the page to pick up changes.)`);

  const { code: exitCode, signal } = await server.exited;
  if (!stopping) {
    console.error(`npm start: code-server stopped by itself (${signal ?? `exit code ${exitCode}`}); details in ${paths.log}`);
    await stopAll(1);
  }
}

// What to undo when stopping (newest first): code-server's process group, the test cluster.
const cleanups = [];
let stopping = false;
function onStop(cleanup) {
  cleanups.unshift(cleanup);
}
async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  for (const cleanup of cleanups) await cleanup().catch((e) => steps.note(`while stopping: ${e.message}`));
  process.exit(exitCode);
}
// Ctrl+C, kill, and SIGHUP (the terminal closed) all stop what this process started.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stopAll(0));

main().catch((e) => {
  console.error(`npm start: ${e instanceof StepError ? e.message : `${e instanceof Error ? e.message : e}; details in ${paths.log}`}`);
  void stopAll(1);
});
