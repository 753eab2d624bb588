// Sets up real image builds for the image-size tests (issue 14) on a Debian machine without a registry: installs
// missing `podman runc mmdebstrap` with apt, writes a test-only containers.conf to
// ~/.cache/stevedore/containers/containers.conf (the settings the sandbox needs; never the system's file; tests
// point CONTAINERS_CONF at it), and builds the local base images the fixtures start FROM with mmdebstrap:
// localhost/debian:12 (+:bookworm) and localhost/debian:12-slim (+:bookworm-slim), shaped like the official
// images (empty apt lists, the docker-clean apt config, policy-rc.d; slim drops docs, man pages and locales).
// Idempotent: skips what exists (a re-run takes ~2 s; from nothing ~1 min). Prints one progress line per step, or
// one line saying why it cannot; never throws.
//
//   node scripts/install-image-deps.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGES = { podman: 'podman', runc: 'runc', mmdebstrap: 'mmdebstrap' };
/** Where the test-only containers configuration lives. */
export const CONTAINERS_CONF = join(homedir(), '.cache', 'stevedore', 'containers', 'containers.conf');
// No CAP_SYS_RESOURCE: the ulimits must stay under the hard limits; crun refuses the hybrid cgroup layout; no systemd.
const CONF_TEXT = `# Written by scripts/install-image-deps.mjs for Stevedore's image-size tests (CONTAINERS_CONF points here).
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
`;
/** The base images: tag, extra tag, slim or not. */
export const BASE_IMAGES = [
  { tag: 'localhost/debian:12', alias: 'localhost/debian:bookworm', slim: false },
  { tag: 'localhost/debian:12-slim', alias: 'localhost/debian:bookworm-slim', slim: true },
];
const APT_CLEAN = '"rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"';
const IMAGE_FILES = {
  '/etc/apt/apt.conf.d/docker-clean': `DPkg::Post-Invoke { ${APT_CLEAN}; };\nAPT::Update::Post-Invoke { ${APT_CLEAN}; };\nDir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n`,
  '/etc/apt/apt.conf.d/docker-gzip-indexes': 'Acquire::GzipIndexes "true";\n',
  '/etc/apt/apt.conf.d/docker-no-languages': 'Acquire::Languages "none";\n',
  '/etc/apt/apt.conf.d/docker-autoremove-suggests': 'Apt::AutoRemove::SuggestsImportant "false";\n',
  '/usr/sbin/policy-rc.d': '#!/bin/sh\nexit 101\n',
};
const SLIM_DPKG = [
  'path-exclude=/usr/share/doc/*', 'path-include=/usr/share/doc/*/copyright', 'path-exclude=/usr/share/man/*',
  'path-exclude=/usr/share/groff/*', 'path-exclude=/usr/share/info/*', 'path-exclude=/usr/share/lintian/*',
  'path-exclude=/usr/share/linda/*', 'path-exclude=/usr/share/locale/*', 'path-include=/usr/share/locale/locale.alias',
];

const say = (line) => process.stdout.write(`[install-image-deps] ${line}\n`);
const onPath = (bin) => (process.env.PATH || '').split(':').some((d) => d && existsSync(join(d, bin)));

/** The env podman needs here: the test-only containers.conf. */
export function podmanEnv(env = process.env) {
  return { ...env, CONTAINERS_CONF };
}

/** The host's Debian mirror (first deb822 `URIs:` or sources.list `deb` line naming a /debian archive). */
export function hostMirror() {
  const files = [];
  if (existsSync('/etc/apt/sources.list')) files.push('/etc/apt/sources.list');
  if (existsSync('/etc/apt/sources.list.d')) for (const f of readdirSync('/etc/apt/sources.list.d')) files.push(join('/etc/apt/sources.list.d', f));
  for (const f of files) {
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      const m = /^\s*(?:URIs:\s*|deb\s+(?:\[[^\]]*\]\s+)?)(\S+)/.exec(line);
      if (m && !/security/.test(m[1])) return m[1].replace(/\/$/, '');
    }
  }
  return 'http://deb.debian.org/debian';
}

function installPackages() {
  const missing = Object.keys(PACKAGES).filter((bin) => !onPath(bin)).map((bin) => PACKAGES[bin]);
  if (!missing.length) return '';
  const names = missing.join(' ');
  if (!existsSync('/usr/bin/apt-get')) return `${names} missing and this is not a Debian-based system: install them to run the image tests`;
  if (process.getuid?.() !== 0) return `${names} missing: the image tests need root (rootful podman): sudo apt-get install -y ${names}`;
  say(`installing ${names} (apt-get)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env, encoding: 'utf8' });
  let r = install();
  if (r.status !== 0) {
    spawnSync('apt-get', ['update', '-qq'], { env });
    r = install();
  }
  return r.status === 0 ? '' : `apt-get install ${names} failed: ${(r.stderr || '').trim().split('\n').pop()}`;
}

function imageExists(tag) {
  return spawnSync('podman', ['image', 'exists', tag], { env: podmanEnv(), stdio: 'ignore' }).status === 0;
}

function buildBase({ tag, alias, slim }, mirror) {
  const dir = mkdtempSync(join(tmpdir(), 'stevedore-base-'));
  try {
    const hooks = [];
    Object.entries(IMAGE_FILES).forEach(([target, text], i) => {
      writeFileSync(join(dir, `f${i}`), text);
      hooks.push(`--customize-hook=upload ${join(dir, `f${i}`)} ${target}`);
    });
    const security = mirror.replace(/\/debian$/, '/debian-security');
    const sources = ['Types: deb', `URIs: ${mirror}`, 'Suites: bookworm bookworm-updates', 'Components: main', 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg', '',
      'Types: deb', `URIs: ${security}`, 'Suites: bookworm-security', 'Components: main', 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg', ''].join('\n');
    writeFileSync(join(dir, 'sources'), sources);
    hooks.push(`--customize-hook=upload ${join(dir, 'sources')} /etc/apt/sources.list.d/debian.sources`);
    // mmdebstrap runs these hook lines itself; "$1" is the new root.
    hooks.push('--customize-hook=chmod 755 "$1"/usr/sbin/policy-rc.d');
    hooks.push('--customize-hook=rm -rf "$1"/etc/apt/sources.list "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*.bin "$1"/etc/hostname "$1"/etc/resolv.conf');
    const tar = join(dir, 'rootfs.tar');
    const args = ['--mode=root', '--variant=minbase', '--format=tar', '--hook-dir=/usr/share/mmdebstrap/hooks/merged-usr', '--quiet',
      ...(slim ? SLIM_DPKG.map((o) => `--dpkgopt=${o}`) : []), ...hooks, 'bookworm', tar, mirror];
    say(`building ${tag} with mmdebstrap from ${mirror} (~20 s)`);
    let r = spawnSync('mmdebstrap', args, { encoding: 'utf8' });
    if (r.status !== 0) return `mmdebstrap for ${tag} failed: ${(r.stderr || '').trim().split('\n').slice(-3).join(' / ')}`;
    r = spawnSync('podman', ['import', '--change', 'CMD ["bash"]', tar, tag], { env: podmanEnv(), encoding: 'utf8' });
    if (r.status !== 0) return `podman import ${tag} failed: ${(r.stderr || '').trim().split('\n').pop()}`;
    r = spawnSync('podman', ['tag', tag, alias], { env: podmanEnv(), encoding: 'utf8' });
    return r.status === 0 ? '' : `podman tag ${alias} failed: ${(r.stderr || '').trim().split('\n').pop()}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Installs and builds what is missing; returns '' when everything is in place, else the one line saying why not. */
export function installImageDeps() {
  const problem = installPackages();
  if (problem) return problem;
  mkdirSync(join(CONTAINERS_CONF, '..'), { recursive: true });
  if (!existsSync(CONTAINERS_CONF) || readFileSync(CONTAINERS_CONF, 'utf8') !== CONF_TEXT) writeFileSync(CONTAINERS_CONF, CONF_TEXT);
  const mirror = hostMirror();
  for (const base of BASE_IMAGES) {
    if (imageExists(base.tag)) {
      if (!imageExists(base.alias)) spawnSync('podman', ['tag', base.tag, base.alias], { env: podmanEnv(), stdio: 'ignore' });
      continue;
    }
    const failed = buildBase(base, mirror);
    if (failed) return failed;
  }
  return '';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const line = installImageDeps();
  if (line) say(line);
}
