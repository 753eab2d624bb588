// Package managers whose download cache stays in the layer unless the same RUN cleans it (pkg-cache-not-cleaned,
// and the cache folders layer-paths records).
import { subcommandIn } from './package-managers';
import type { ShellCommand, ShellWord } from './shell';

/** A package manager whose cache stays in the layer unless cleaned in the same RUN. */
export interface CacheManager {
  /** hadolint code of the check for this manager. */
  code: string;
  programs: string[];
  /** Cache folders that the install fills. */
  dirs: string[];
  /** The command that cleans the cache. */
  clean: string;
  /** The install word when `cmd` fills the cache. */
  install(cmd: ShellCommand): ShellWord | undefined;
  isClean(cmd: ShellCommand): boolean;
}

const RPM_FAMILY = ['yum', 'dnf', 'dnf5', 'microdnf'];

// yum, dnf and microdnf share one cache layout on current RHEL/Fedora, so any of their `clean all` counts.
const rpmClean = (cmd: ShellCommand) => subcommandIn(cmd, 'rpm', RPM_FAMILY, ['clean']) !== undefined && cmd.args.some((a) => a.value === 'all');

export const CACHE_MANAGERS: readonly CacheManager[] = [
  {
    code: 'DL3032',
    programs: ['yum'],
    dirs: ['/var/cache/yum'],
    clean: 'yum clean all',
    install: (cmd) => subcommandIn(cmd, 'rpm', ['yum'], ['install', 'groupinstall', 'localinstall', 'reinstall']),
    isClean: rpmClean,
  },
  {
    code: 'DL3040',
    programs: ['dnf', 'dnf5'],
    dirs: ['/var/cache/dnf', '/var/cache/libdnf5'],
    clean: 'dnf clean all',
    install: (cmd) => subcommandIn(cmd, 'rpm', ['dnf', 'dnf5'], ['install', 'groupinstall', 'localinstall', 'reinstall']),
    isClean: rpmClean,
  },
  {
    code: 'DL3040',
    programs: ['microdnf'],
    dirs: ['/var/cache/yum'],
    clean: 'microdnf clean all',
    install: (cmd) => subcommandIn(cmd, 'rpm', ['microdnf'], ['install', 'reinstall']),
    isClean: rpmClean,
  },
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
