// Installs what `npm test` needs beyond npm packages: Debian's `shellcheck` (the ShellCheck-inside-RUN tests run
// the real binary), then podman and the local base images for the image-size tests (install-image-deps.mjs).
// Idempotent and quiet: nothing when it is already there, one progress line while installing, or one line saying
// why it cannot (not Debian, not root and no sudo). Never fails the test run by itself: the ShellCheck and image
// tests then fail with their own message.
//
//   node scripts/install-test-deps.mjs
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { installImageDeps } from './install-image-deps.mjs';

/** Debian packages the unit/LSP/CLI tests need (code-server's are in install-code-server.mjs). */
export const APT_PACKAGES = ['shellcheck'];
/** The executables those packages provide, by package. */
const BINARIES = { shellcheck: 'shellcheck' };

function onPath(bin) {
  return spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0;
}

function canSudo() {
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
}

/** Installs the missing packages; returns the one line to print, or '' when there was nothing to do. */
export function installTestDeps() {
  const missing = APT_PACKAGES.filter((p) => !onPath(BINARIES[p]));
  if (!missing.length) return '';
  const names = missing.join(' ');
  if (!existsSync('/usr/bin/apt-get')) return `[install-test-deps] ${names} missing and this is not a Debian-based system: install it to run its tests`;
  const root = process.getuid?.() === 0;
  if (!root && !canSudo()) return `[install-test-deps] ${names} missing: not root and no password-less sudo (run: sudo apt-get install -y ${names})`;
  process.stdout.write(`[install-test-deps] installing ${names} (apt-get)\n`);
  const prefix = root ? [] : ['sudo', '-n'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => {
    const [cmd, ...rest] = [...prefix, 'apt-get', ...args];
    return spawnSync(cmd, rest, { env, encoding: 'utf8' });
  };
  let r = run(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
  if (r.status !== 0) {
    run(['update', '-qq']);
    r = run(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
  }
  if (r.status !== 0) return `[install-test-deps] apt-get install ${names} failed: ${(r.stderr || '').trim().split('\n').pop()}`;
  return '';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const line = installTestDeps();
  if (line) process.stdout.write(`${line}\n`);
  const images = installImageDeps();
  if (images) process.stdout.write(`[install-image-deps] ${images}\n`);
}
