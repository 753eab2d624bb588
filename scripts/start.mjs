// `npm start`: builds the extension and opens examples/ with it loaded.
//  - With a `code` command on PATH: desktop VS Code, `code --extensionDevelopmentPath=<repo> <repo>/examples`.
//  - Otherwise (or with --browser): VS Code for the browser. Installs code-server on first use (scripts/
//    install-code-server.mjs), loads this folder as an unpacked extension, serves on 127.0.0.1 (port 8080, or the
//    next free one; --port N to choose), prints the URL and stays in the foreground until Ctrl+C.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerDir, installCodeServer } from './install-code-server.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(repo, 'examples');
const args = process.argv.slice(2);
const portArg = args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : undefined;

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

/** Resolves with `port` when 127.0.0.1:port is free, else with a port the OS picks. */
function freePort(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => (port === 0 ? resolve(0) : freePort(0).then(resolve)));
    probe.listen(port, '127.0.0.1', () => {
      const chosen = probe.address().port;
      probe.close(() => resolve(chosen));
    });
  });
}

function build() {
  console.log('Building the extension (npm run build)…');
  const r = spawnSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
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

function desktop(code) {
  console.log(`Opening ${examples} in VS Code with the extension from ${repo}`);
  const r = spawnSync(code, [`--extensionDevelopmentPath=${repo}`, examples], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

async function browser() {
  const bin = installCodeServer();
  const profile = join(dirname(codeServerDir()), 'start-profile');
  const userDataDir = join(profile, 'user-data');
  const extensionsDir = join(profile, 'extensions');
  const settings = join(userDataDir, 'User', 'settings.json');
  if (!existsSync(settings)) {
    mkdirSync(dirname(settings), { recursive: true });
    writeFileSync(settings, JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoCheckUpdates': false, 'git.openRepositoryInParentFolders': 'never' }, null, 2));
  }
  const id = linkExtension(extensionsDir);
  const port = await freePort(portArg ?? 8080);
  if (portArg && port !== portArg) console.log(`Port ${portArg} is in use; using ${port}.`);
  const child = spawn(
    bin,
    ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', examples],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let announced = false;
  const onOutput = (chunk) => {
    const text = String(chunk);
    if (process.env.STEVEDORE_VERBOSE) process.stderr.write(text);
    const m = /HTTP server listening on (http:\/\/\S+?)\/?\s/.exec(text);
    if (m && !announced) {
      announced = true;
      console.log(`\nStevedore (${id}, loaded from ${repo}) in VS Code for the browser:\n\n  ${m[1]}/?folder=${encodeURI(examples)}\n\nOpen that URL in a browser. Ctrl+C stops the server. (Rebuild with \`npm run build\` and reload the page to pick up changes.)`);
    }
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already stopped */
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code, signal) => {
    if (!announced) console.error('code-server stopped before it listened; run with STEVEDORE_VERBOSE=1 to see its output.');
    process.exit(signal ? 0 : code ?? 0);
  });
}

build();
const code = args.includes('--browser') ? undefined : onPath('code');
if (code) desktop(code);
else await browser();
