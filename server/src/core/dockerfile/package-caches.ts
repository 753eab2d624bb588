// Package managers whose download cache stays in the layer unless the same RUN cleans it (pkg-cache-not-cleaned,
// and the cache folders layer-paths records).
import { packageAction, packageCommand, subcommandIn } from './package-managers';
import type { ShellCommand, ShellWord } from './shell';

/** A package manager whose cache stays in the layer unless cleaned in the same RUN. */
export interface CacheManager {
  /** hadolint code of the check for this manager. */
  code: string;
  programs: string[];
  /** Cache folders that the install fills. */
  dirs: string[];
  /** Folders whose rm, or a cache/tmpfs mount on them, cleans this cache (default: `dirs`). */
  cleanDirs?: string[];
  /** The command that cleans the cache. */
  clean: string;
  /** The install word when `cmd` fills the cache. */
  install(cmd: ShellCommand): ShellWord | undefined;
  isClean(cmd: ShellCommand): boolean;
}

const RPM_FAMILY = ['yum', 'dnf', 'dnf5', 'microdnf'];
// yum, dnf and microdnf share one cache layout on current RHEL/Fedora (`/var/cache/yum` is dnf's on RHEL 8+, microdnf
// writes there), so any of their `clean all`, and an rm of or a cache/tmpfs mount on any of these folders, counts.
const RPM_CACHES = ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'];
// Actions that download packages into the cache (aliases resolved: `in`, `localinstall`, `update`, `up` …).
const RPM_FILLING = new Set(['install', 'groupinstall', 'reinstall', 'upgrade', 'downgrade', 'distro-sync', 'groupupdate', 'groupupgrade']);

const rpmClean = (cmd: ShellCommand) => subcommandIn(cmd, 'rpm', RPM_FAMILY, ['clean']) !== undefined && cmd.args.some((a) => a.value === 'all');

/** The word of an rpm-family install by one of `programs` (`dnf -y in`, `yum group install` …). */
function rpmInstall(programs: readonly string[]) {
  return (cmd: ShellCommand): ShellWord | undefined => {
    if (!programs.includes(cmd.program)) return undefined;
    const pkg = packageCommand(cmd);
    const action = pkg && packageAction(pkg);
    return action && RPM_FILLING.has(action.name) ? action.word : undefined;
  };
}

export const CACHE_MANAGERS: readonly CacheManager[] = [
  { code: 'DL3032', programs: ['yum'], dirs: ['/var/cache/yum'], cleanDirs: RPM_CACHES, clean: 'yum clean all', install: rpmInstall(['yum']), isClean: rpmClean },
  { code: 'DL3040', programs: ['dnf', 'dnf5'], dirs: ['/var/cache/dnf', '/var/cache/libdnf5'], cleanDirs: RPM_CACHES, clean: 'dnf clean all', install: rpmInstall(['dnf', 'dnf5']), isClean: rpmClean },
  { code: 'DL3040', programs: ['microdnf'], dirs: ['/var/cache/yum'], cleanDirs: RPM_CACHES, clean: 'microdnf clean all', install: rpmInstall(['microdnf']), isClean: rpmClean },
  {
    code: 'DL3036',
    programs: ['zypper'],
    dirs: ['/var/cache/zypp'],
    clean: 'zypper clean --all',
    install: (cmd) => subcommandIn(cmd, 'zypper', ['zypper'], ['install', 'in']),
    isClean: (cmd) => subcommandIn(cmd, 'zypper', ['zypper'], ['clean', 'cc']) !== undefined,
  },
  {
    code: 'DL3060',
    programs: ['yarn'],
    dirs: ['/usr/local/share/.cache/yarn', '/root/.cache/yarn', '/root/.yarn/berry/cache'],
    clean: 'yarn cache clean',
    install(cmd) {
      const sub = subcommandIn(cmd, 'yarn', ['yarn'], ['install', 'add', 'global']);
      if (sub?.value !== 'global') return sub;
      const next = cmd.args[cmd.args.indexOf(sub) + 1];
      return next?.value === 'add' ? next : undefined;
    },
    isClean: (cmd) => subcommandIn(cmd, 'yarn', ['yarn'], ['cache']) !== undefined && cmd.args.some((a) => a.value === 'clean'),
  },
];
