// What a package manager's command does: which manager, which subcommand (aliases resolved), which packages with
// which version pins, and the flags and environment that change its behaviour (assume-yes, no cache,
// noninteractive). One option table per manager: a value-taking option missing here makes its value read as the
// subcommand or a package.
import { hasOption, type ShellCommand, type ShellWord } from './shell';
import { positionals, subcommandAt } from './commands';
import { inlineEnv, type CommandEnv } from './stage-env';

export type PackageManager = 'apt' | 'apk' | 'rpm' | 'zypper' | 'pip' | 'npm' | 'yarn' | 'pnpm' | 'gem' | 'go';

interface ManagerSpec {
  programs: readonly string[];
  /** Options that take the next word as their value (before or after the subcommand). */
  valueOpts: readonly string[];
  /** Subcommand aliases, by the name they stand for. */
  aliases?: Readonly<Record<string, string>>;
}

/** Per manager: the programs that are it, and its value-taking options (from each tool's manual). */
export const MANAGERS: Readonly<Record<PackageManager, ManagerSpec>> = {
  // apt-get(8) and apt(8): -o/--option, -c/--config-file, -t/--target-release/--default-release,
  // -a/--host-architecture, -P/--build-profiles.
  apt: {
    programs: ['apt-get', 'apt', 'aptitude'],
    valueOpts: ['-o', '-c', '-t', '-a', '-P', '--option', '--config-file', '--target-release', '--default-release', '--host-architecture', '--build-profiles'],
  },
  apk: {
    programs: ['apk'],
    valueOpts: ['-X', '--repository', '-p', '--root', '--arch', '--keys-dir', '--repositories-file', '--cache-dir', '--cache-max-age', '--wait', '-t', '--virtual'],
  },
  rpm: {
    programs: ['yum', 'dnf', 'dnf5', 'microdnf', 'tdnf'],
    valueOpts: ['-c', '--config', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '--repo', '--repoid', '-x', '--exclude', '--setopt', '-d', '--debuglevel', '-e', '--errorlevel'],
    // dnf(8) command aliases; yum's `update` and `localinstall` do what dnf's `upgrade` and `install` do.
    aliases: { in: 'install', localinstall: 'install', rm: 'remove', erase: 'remove', up: 'upgrade', update: 'upgrade', dsync: 'distro-sync', 'distribution-synchronization': 'distro-sync', reinst: 'reinstall' },
  },
  zypper: {
    programs: ['zypper'],
    valueOpts: ['-R', '--root', '-c', '--config', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir', '--pkg-cache-dir'],
    aliases: { in: 'install', rm: 'remove', cc: 'clean', ref: 'refresh', up: 'update', dup: 'dist-upgrade', si: 'source-install', inr: 'install-new-recommends' },
  },
  pip: {
    programs: [],
    // General options, then `pip install`'s (requirement and constraint files, indexes, targets).
    valueOpts: [
      '--proxy', '--retries', '--timeout', '--exists-action', '--trusted-host', '--cert', '--client-cert', '--cache-dir', '--log', '--log-file', '--python', '--use-feature', '--use-deprecated',
      '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--src',
      '--upgrade-strategy', '--platform', '--python-version', '--implementation', '--abi', '--no-binary', '--only-binary', '--progress-bar', '--report', '-C', '--config-settings',
    ],
  },
  npm: { programs: ['npm'], valueOpts: [], aliases: { i: 'install', add: 'install', in: 'install', ins: 'install', isntall: 'install', rm: 'uninstall', un: 'uninstall', r: 'uninstall' } },
  yarn: { programs: ['yarn'], valueOpts: [] },
  pnpm: { programs: ['pnpm'], valueOpts: [], aliases: { i: 'install', rm: 'remove', un: 'remove' } },
  gem: { programs: ['gem'], valueOpts: [] },
  go: { programs: ['go'], valueOpts: [] },
};

const PIP = /^pip(\d+(\.\d+)?)?$/;
const PYTHON = /^python(\d+(\.\d+)?)?$/;
const BY_PROGRAM = new Map<string, PackageManager>();
for (const [name, spec] of Object.entries(MANAGERS)) for (const p of spec.programs) BY_PROGRAM.set(p, name as PackageManager);

/** A package named on the command line, with the version it pins (`pkg=1.2`, `pkg==1.2`, `pkg@1.2`, `pkg:1.2`). */
export interface PackageArg {
  name: string;
  version?: string;
  /** The word as the shell reads it. */
  raw: string;
  word: ShellWord;
}

export interface PackageCommand {
  manager: PackageManager;
  program: string;
  /** The subcommand as written (`in`), and `action` with aliases resolved (`install`). */
  subcommand?: ShellWord;
  action?: string;
  /** Index in `cmd.args` of the subcommand. */
  subcommandIndex: number;
  /** Positional words after the subcommand, read as packages. */
  packages: PackageArg[];
  /** True when the command does not stop to ask (`-y`, `--yes`, `--assume-yes`, apt's `-qq` / `-q -q`). */
  yes: boolean;
  /** True when the command keeps no download cache (`apk --no-cache`, `pip --no-cache-dir` or `PIP_NO_CACHE_DIR` set). */
  noCache: boolean;
  /** apt: true when `DEBIAN_FRONTEND=noninteractive` (debconf asks nothing); false for other managers. */
  noninteractive: boolean;
}

/** Where the manager's own arguments start: after `-m pip` for `python -m pip`; undefined when `cmd` is no package manager. */
function managerOf(cmd: ShellCommand): { manager: PackageManager; from: number } | undefined {
  const known = BY_PROGRAM.get(cmd.program);
  if (known) return { manager: known, from: 0 };
  if (PIP.test(cmd.program)) return { manager: 'pip', from: 0 };
  if (!PYTHON.test(cmd.program)) return undefined;
  const m = cmd.args.findIndex((a) => a.value === '-m');
  return m >= 0 && PIP.test(cmd.args[m + 1]?.value ?? '') ? { manager: 'pip', from: m + 2 } : undefined;
}

/** Splits a package word into name and pinned version, the way `manager` writes pins. */
export function parsePackage(manager: PackageManager, raw: string): { name: string; version?: string } {
  let m: RegExpMatchArray | null = null;
  switch (manager) {
    case 'apt':
    case 'apk':
    case 'zypper': {
      // `pkg=1.2`, apk `pkg~1.2` / `pkg>=1.2`; apt `pkg/bookworm-backports` names a release, not a version.
      const name = raw.split(/[=<>~/]/)[0];
      return { name, version: /[=<>~]+(.*)$/.exec(raw.slice(name.length))?.[1] || undefined };
    }
    case 'pip':
      m = /^([^=<>!~;\s]+?)\s*(?:===|==|~=|!=|<=|>=|<|>)\s*(.+)$/.exec(raw);
      return m ? { name: m[1], version: m[2] } : { name: raw };
    case 'npm':
    case 'yarn':
    case 'pnpm':
    case 'go': {
      // `@scope/pkg@1.2`: the scope's `@` is not a pin.
      const at = raw.lastIndexOf('@');
      return at > 0 ? { name: raw.slice(0, at), version: raw.slice(at + 1) } : { name: raw };
    }
    case 'gem':
      m = /^([^:]+):(.+)$/.exec(raw);
      return m ? { name: m[1], version: m[2] } : { name: raw };
    default:
      // rpm: `pkg-1.2-3.el9` cannot be told from a package whose name has a dash and digits.
      return { name: raw };
  }
}

/** apt-get's quiet level: each `-q`/`--quiet` (and each q of `-qq`, `-qqy`) adds one, `-q=N`/`--quiet=N` sets N. */
export function aptQuietLevel(cmd: ShellCommand): number {
  let level = 0;
  for (const { value: v } of cmd.args) {
    if (v === '--') break;
    const set = /^(?:-q|--quiet)=(\d+)$/.exec(v);
    if (set) level = Number(set[1]);
    else if (v === '--quiet') level++;
    else if (/^-[a-zA-Z]+$/.test(v)) level += v.split('q').length - 1;
  }
  return level;
}

/** Whether `cmd` answers its prompts by itself. */
function assumesYes(manager: PackageManager, cmd: ShellCommand): boolean {
  switch (manager) {
    case 'apt':
      if (hasOption(cmd, '-y', '--yes', '--assume-yes')) return true;
      // apt-get(8): quiet level 2 (`-qq`, `-q -q`, `-q=2`, `--quiet --quiet`) implies -y; aptitude's -q does not.
      return cmd.program !== 'aptitude' && aptQuietLevel(cmd) >= 2;
    case 'rpm':
      return hasOption(cmd, '-y', '--assumeyes');
    case 'zypper': {
      // zypper(8): the global -n/--non-interactive; `install -y`/`--no-confirm` answer that command's prompt. After
      // the command, -n is `install --name`, not non-interactive.
      const sub = subcommandAt(cmd, MANAGERS.zypper.valueOpts);
      const globals = sub ? { ...cmd, args: cmd.args.slice(0, sub.index) } : cmd;
      return hasOption(globals, '-n') || hasOption(cmd, '--non-interactive', '-y', '--no-confirm');
    }
    default:
      return true;
  }
}

// pip disables its cache for any valid PIP_NO_CACHE_DIR value, even "0"/"false"/"off" (kept for backwards
// compatibility, see `_handle_no_cache_dir` in pip's cmdoptions.py), so any non-empty value counts as set.
function keepsNoCache(manager: PackageManager, cmd: ShellCommand, env: CommandEnv): boolean {
  if (manager === 'apk') return hasOption(cmd, '--no-cache');
  if (manager === 'pip') return hasOption(cmd, '--no-cache-dir') || (env('PIP_NO_CACHE_DIR') ?? '') !== '';
  return false;
}

/**
 * What a package manager's command does, or undefined when `cmd` is no package manager (or has no subcommand).
 * The environment (`PIP_NO_CACHE_DIR`, `DEBIAN_FRONTEND`) is read from `env` (commandEnv in stage-env.ts: also the
 * RUN's exports and the stage's ENV/ARG), by default from the assignments on the command itself.
 */
export function packageCommand(cmd: ShellCommand, env?: CommandEnv): PackageCommand | undefined {
  // With the command's own assignments as its environment the answer is the command's alone: kept per command
  // object, which an unchanged RUN keeps from one analysis to the next (a dozen rules ask about every command).
  let known = ownEnvCommands.get(cmd);
  if (known === undefined) {
    known = readPackageCommand(cmd, inlineEnv(cmd)) ?? null;
    ownEnvCommands.set(cmd, known);
  }
  if (!known) return undefined;
  // Another environment changes only what is read from it.
  return env ? { ...known, ...fromEnv(known.manager, cmd, env) } : known;
}

function fromEnv(manager: PackageManager, cmd: ShellCommand, env: CommandEnv): Pick<PackageCommand, 'noCache' | 'noninteractive'> {
  return { noCache: keepsNoCache(manager, cmd, env), noninteractive: manager === 'apt' && env('DEBIAN_FRONTEND') === 'noninteractive' };
}

const ownEnvCommands = new WeakMap<ShellCommand, PackageCommand | null>();

function readPackageCommand(cmd: ShellCommand, env: CommandEnv): PackageCommand | undefined {
  const found = managerOf(cmd);
  if (!found) return undefined;
  const { manager, from } = found;
  const spec = MANAGERS[manager];
  const sub = subcommandAt(cmd, spec.valueOpts, from);
  if (!sub) return undefined;
  const packages = positionals(cmd, spec.valueOpts, sub.index + 1).map((word) => ({ ...parsePackage(manager, word.value), raw: word.value, word }));
  return {
    manager,
    program: cmd.program,
    subcommand: sub.word,
    action: spec.aliases?.[sub.word.value] ?? sub.word.value,
    subcommandIndex: sub.index,
    packages,
    yes: assumesYes(manager, cmd),
    ...fromEnv(manager, cmd, env),
  };
}

/** The subcommand word of `apt-get …` / `apt …` (undefined for other programs). */
export function aptSubcommand(cmd: ShellCommand, programs = ['apt-get', 'apt']): ShellWord | undefined {
  return programs.includes(cmd.program) ? subcommandAt(cmd, MANAGERS.apt.valueOpts)?.word : undefined;
}

/** The `add` word of `apk add …`. */
export function apkAdd(cmd: ShellCommand): ShellWord | undefined {
  if (cmd.program !== 'apk') return undefined;
  const sub = subcommandAt(cmd, MANAGERS.apk.valueOpts)?.word;
  return sub?.value === 'add' ? sub : undefined;
}

/** The `install` word of `pip install`, `pip3.12 install`, `python3 -m pip install` …. */
export function pipInstall(cmd: ShellCommand): ShellWord | undefined {
  const found = managerOf(cmd);
  if (found?.manager !== 'pip') return undefined;
  const sub = subcommandAt(cmd, MANAGERS.pip.valueOpts, found.from)?.word;
  return sub?.value === 'install' ? sub : undefined;
}

/** The subcommand word of `cmd` when it runs one of `programs` with a subcommand in `subs`. */
export function subcommandIn(cmd: ShellCommand, manager: PackageManager, programs: readonly string[], subs: readonly string[]): ShellWord | undefined {
  if (!programs.includes(cmd.program)) return undefined;
  const sub = subcommandAt(cmd, MANAGERS[manager].valueOpts);
  return sub && subs.includes(sub.word.value) ? sub.word : undefined;
}

/** yum/dnf actions that ask "Is this ok [y/N]" (aliases resolved: `in`, `localinstall`, `update`, `erase` …). */
export const RPM_PROMPTING_ACTIONS: ReadonlySet<string> = new Set([
  'install', 'groupinstall', 'reinstall', 'upgrade', 'downgrade', 'distro-sync', 'remove', 'autoremove', 'swap', 'groupupdate', 'groupremove', 'groupupgrade',
]);

/** A package-manager command that can stop at a confirmation prompt: the word naming what it does. */
export interface PromptingCommand {
  cmd: ShellCommand;
  pkg: PackageCommand;
  /** The subcommand, or for `dnf group install` the `install` after `group`: where `-y` goes. */
  action: ShellWord;
}

/**
 * Commands (from allRunCommands) of `programs` (one manager) whose action is in `actions` (aliases resolved; `group
 * install` reads as `groupinstall`) and that do not assume yes (`-y`, apt's quiet level 2, zypper's global `-n` …).
 */
export function promptingCommands(cmds: Iterable<{ cmd: ShellCommand }>, programs: readonly string[], actions: ReadonlySet<string>): PromptingCommand[] {
  const out: PromptingCommand[] = [];
  for (const { cmd } of cmds) {
    if (!programs.includes(cmd.program)) continue;
    const pkg = packageCommand(cmd);
    if (!pkg?.subcommand || pkg.yes) continue;
    const action = packageAction(pkg);
    if (action && actions.has(action.name)) out.push({ cmd, pkg, action: action.word });
  }
  return out;
}

/** What the command does, aliases resolved, with `dnf group install` read as `groupinstall` at its `install` word. */
export function packageAction(pkg: PackageCommand): { name: string; word: ShellWord } | undefined {
  if (!pkg.subcommand || !pkg.action) return undefined;
  const grouped = pkg.manager === 'rpm' && pkg.action === 'group' ? pkg.packages[0] : undefined;
  return grouped ? { name: `group${grouped.raw}`, word: grouped.word } : { name: pkg.action, word: pkg.subcommand };
}
