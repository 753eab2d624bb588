// Installs code-server (VS Code for the browser) once into a cache folder, for the end-to-end tests and `npm start`.
// Idempotent: does nothing when the cached code-server already answers `--version`.
// Works offline apart from the npm registry and Debian packages (see the notes in the e2e README).
// Prints one line per step; what apt and npm print (~450 lines, including a harmless `npm ERR!` from a probe inside
// code-server's postinstall) goes to `<cache>/install-code-server.log`, which a failure names.
//
//   node scripts/install-code-server.mjs            install if needed, print the path of the code-server binary
//   node scripts/install-code-server.mjs --no-apt   do not install missing Debian packages (fail instead)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStepLog, StepError } from './step-log.mjs';

/** code-server 4.100.3 (VS Code 1.100.3) is the newest release that runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
/** Debian packages: headers for code-server's native modules, ripgrep (replaces a GitHub download), the browser. */
export const APT_PACKAGES = ['libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'libx11-dev', 'ripgrep', 'chromium'];
// @vscode/ripgrep (the version VS Code 1.100 pins) downloads rg from GitHub unless its cache holds the archive.
const RIPGREP_PKG_VERSION = '1.15.11';
const RIPGREP_ASSETS = {
  x64: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz',
  arm64: 'ripgrep-v13.0.0-10-aarch64-unknown-linux-gnu.tar.gz',
};

/** The folder code-server is cached in: `$STEVEDORE_CACHE/code-server-<version>` (default ~/.cache/stevedore). */
export function codeServerDir() {
  const cache = process.env.STEVEDORE_CACHE || join(homedir(), '.cache', 'stevedore');
  return join(cache, `code-server-${CODE_SERVER_VERSION}`);
}

/** The code-server executable inside the cache folder. */
export function codeServerBin(dir = codeServerDir()) {
  return join(dir, 'node_modules', '.bin', 'code-server');
}

/** The log file the install writes its commands' output to (when no step logger is passed in). */
export function installLogFile() {
  return join(dirname(codeServerDir()), 'install-code-server.log');
}

/** True when the binary exists and prints the expected version. */
export function codeServerWorks(bin = codeServerBin()) {
  if (!existsSync(bin)) return false;
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  return r.status === 0 && r.stdout.includes(CODE_SERVER_VERSION);
}

function missingDebianPackages() {
  return APT_PACKAGES.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

function installDebianPackages(allowApt, steps) {
  if (!existsSync('/usr/bin/dpkg-query')) {
    steps.note('not a Debian-based system: make sure ripgrep, chromium and the X11/krb5/secret headers are installed');
    return;
  }
  const missing = missingDebianPackages();
  if (!missing.length) return;
  if (!allowApt) throw new StepError(`missing Debian packages: ${missing.join(' ')} (apt-get install -y ${missing.join(' ')})`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [cmd, ...pre] = sudo.length ? sudo : ['apt-get'];
  const apt = sudo.length ? [...pre, 'apt-get'] : pre;
  steps.step(`Installing Debian packages (${missing.join(' ')})`, () => {
    steps.run(cmd, [...apt, 'update', '-q'], { env });
    steps.run(cmd, [...apt, 'install', '-y', '-q', '--no-install-recommends', ...missing], { env });
  });
}

/** Puts Debian's rg where @vscode/ripgrep looks for a cached download, so its postinstall needs no GitHub. */
function seedRipgrepCache(steps) {
  const asset = RIPGREP_ASSETS[process.arch];
  if (!asset) throw new Error(`no ripgrep cache recipe for ${process.arch}`);
  const cacheDir = join(tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
  const archive = join(cacheDir, asset);
  if (existsSync(archive)) return;
  const rg = ['/usr/bin/rg', '/usr/local/bin/rg'].find((p) => existsSync(p));
  if (!rg) throw new Error('ripgrep (rg) is not installed: apt-get install ripgrep');
  mkdirSync(cacheDir, { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), 'rgpkg-'));
  try {
    copyFileSync(rg, join(staging, 'rg'));
    steps.run('tar', ['czf', archive, '-C', staging, 'rg']);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Installs code-server into the cache folder unless it already works; returns the binary's path. `steps` is a
 * step logger (step-log.mjs) to report through; by default one writing to installLogFile().
 */
export function installCodeServer({ allowApt = true, steps = createStepLog(installLogFile(), { prefix: '[install-code-server] ', append: true }) } = {}) {
  const dir = codeServerDir();
  const bin = codeServerBin(dir);
  installDebianPackages(allowApt, steps);
  if (codeServerWorks(bin)) return bin;

  // Install next to the final folder and rename at the end, so an interrupted install is never mistaken for a good one.
  const partial = `${dir}.partial`;
  const env = {
    ...process.env,
    // code-server's postinstall refuses to run as root without it.
    npm_config_unsafe_perm: 'true',
    // node-pty's postinstall runs `npx node-gyp`, which otherwise asks before installing.
    npm_config_yes: 'true',
    // The postinstall (which runs `npm install` in lib/vscode) must run: make sure no config switches scripts off
    // or turns npm 11's install-script policy into an error.
    npm_config_ignore_scripts: 'false',
    npm_config_strict_allow_scripts: 'false',
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  steps.step(`Installing code-server ${CODE_SERVER_VERSION} into ${dir} (takes a minute or two)`, () => {
    seedRipgrepCache(steps);
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    writeFileSync(join(partial, 'package.json'), JSON.stringify({ name: 'stevedore-code-server', private: true }, null, 2));
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    steps.run(npm, ['install', '--no-audit', '--no-fund', '--no-save', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], { cwd: partial, env });
    if (!existsSync(join(partial, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules'))) {
      throw new Error('code-server installed but its postinstall did not run (lib/vscode/node_modules is missing); are npm install scripts disabled?');
    }
    if (!codeServerWorks(codeServerBin(partial))) throw new Error(`${codeServerBin(partial)} --version failed after install`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
    if (!codeServerWorks(bin)) throw new Error(`${bin} --version failed after moving the install into place`);
  });
  return bin;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const bin = installCodeServer({ allowApt: !process.argv.includes('--no-apt') });
    process.stdout.write(`${bin}\n`);
  } catch (e) {
    process.stderr.write(`[install-code-server] ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
