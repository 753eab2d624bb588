// Helpers shared by the package-manager cache rules (apt-*, apk-no-cache, pip-no-cache-dir,
// pkg-cache-not-cleaned, cleanup-in-later-layer). What a layer's commands create is in layer-paths.ts.
import type { DockerfileModel, RunInfo, Stage } from '../../core/dockerfile/model';
import type { ShellCommand, ShellWord } from '../../core/dockerfile/shell';
import type { TextEdit } from '../../core/types';
import { appendToRun } from '../../core/dockerfile/edits';

/**
 * The commands of a RUN with leading `VAR=value` words peeled off (`["DEBIAN_FRONTEND=noninteractive", "apt-get", …]`
 * in exec form, where no shell separates assignments from the command).
 */
export function runCommands(run: RunInfo): ShellCommand[] {
  return run.script.commands.map((cmd) => {
    let c = cmd;
    while (/^[A-Za-z_][A-Za-z0-9_]*=/.test(c.name) && c.args.length) {
      const [nameWord, ...args] = c.args;
      c = { ...c, name: nameWord.value, program: basename(nameWord.value), nameWord, args, assignments: [...c.assignments, c.nameWord] };
    }
    return c;
  });
}

/** The decoded value of a JSON string literal, or undefined when it is not one. */
export function jsonValue(raw: string): string | undefined {
  if (!raw.startsWith('"')) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The last component of a path. */
export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Normalised commands of the RUNs whose layers ship in the final image. */
export function* finalImageCommands(model: DockerfileModel): Generator<{ run: RunInfo; cmd: ShellCommand; cmds: ShellCommand[] }> {
  for (const run of model.runs) {
    if (!run.stage.inFinalImage) continue;
    const cmds = runCommands(run);
    for (const cmd of cmds) yield { run, cmd, cmds };
  }
}

/** The first non-option argument at or after `from`, skipping the values of options listed in `valueOpts`. */
export function subcommandAt(cmd: ShellCommand, valueOpts: readonly string[] = [], from = 0): { word: ShellWord; index: number } | undefined {
  for (let i = from; i < cmd.args.length; i++) {
    const v = cmd.args[i].value;
    if (v === '--') return cmd.args[i + 1] && { word: cmd.args[i + 1], index: i + 1 };
    if (valueOpts.includes(v)) i++;
    else if (!v.startsWith('-')) return { word: cmd.args[i], index: i };
  }
  return undefined;
}

const APT_VALUE_OPTS = ['-o', '-c', '-t', '-a', '--option', '--config-file', '--target-release', '--default-release', '--host-architecture'];

/** The subcommand word of `apt-get …` / `apt …` (undefined for other programs). */
export function aptSubcommand(cmd: ShellCommand, programs = ['apt-get', 'apt']): ShellWord | undefined {
  return programs.includes(cmd.program) ? subcommandAt(cmd, APT_VALUE_OPTS)?.word : undefined;
}

const APK_VALUE_OPTS = ['-X', '--repository', '-p', '--root', '--arch', '--keys-dir', '--repositories-file', '--cache-dir', '--cache-max-age', '--wait'];

/** The `add` word of `apk add …`. */
export function apkAdd(cmd: ShellCommand): ShellWord | undefined {
  if (cmd.program !== 'apk') return undefined;
  const sub = subcommandAt(cmd, APK_VALUE_OPTS)?.word;
  return sub?.value === 'add' ? sub : undefined;
}

const PIP_VALUE_OPTS = ['--proxy', '--retries', '--timeout', '--exists-action', '--trusted-host', '--cert', '--client-cert', '--cache-dir', '--log', '--log-file', '--python', '--use-feature', '--use-deprecated'];

/** The `install` word of `pip install`, `pip3.12 install`, `python3 -m pip install` …. */
export function pipInstall(cmd: ShellCommand): ShellWord | undefined {
  let from = 0;
  if (/^python(\d+(\.\d+)?)?$/.test(cmd.program)) {
    const m = cmd.args.findIndex((a) => a.value === '-m');
    if (m < 0 || !/^pip(\d+(\.\d+)?)?$/.test(cmd.args[m + 1]?.value ?? '')) return undefined;
    from = m + 2;
  } else if (!/^pip(\d+(\.\d+)?)?$/.test(cmd.program)) return undefined;
  const sub = subcommandAt(cmd, PIP_VALUE_OPTS, from)?.word;
  return sub?.value === 'install' ? sub : undefined;
}

/** Targets of an `rm` command (its non-option arguments). */
export function rmTargets(cmd: ShellCommand): ShellWord[] {
  if (cmd.program !== 'rm') return [];
  const dd = cmd.args.findIndex((a) => a.value === '--');
  return cmd.args.filter((a, i) => (dd >= 0 && i > dd) || (!a.value.startsWith('-') && (dd < 0 || i < dd)));
}

/**
 * True when deleting `target` deletes `path` (or all of it): equal, or `path` lies under `target`. A glob
 * target is compared by the part before its first glob character.
 */
export function pathCovers(target: string, path: string): boolean {
  const glob = target.search(/[*?[]/);
  if (glob >= 0) {
    const prefix = target.slice(0, glob);
    return prefix.length > 1 && (path.startsWith(prefix) || path === prefix.replace(/\/$/, ''));
  }
  const t = target.length > 1 ? target.replace(/(?<!\/)\/+$/, '') : target;
  return t !== '/' && (path === t || path.startsWith(t + '/'));
}

/** True when a later command of the RUN (after `after`) removes `dir` with rm. */
export function removedLater(cmds: ShellCommand[], after: ShellCommand, dir: string): boolean {
  return cmds.some((c) => c.start > after.start && rmTargets(c).some((t) => pathCovers(t.value, dir)));
}

/** True when the RUN mounts a cache or tmpfs on `dir` or on a folder above it, so `dir` never reaches the layer. */
export function hasCacheMountOn(run: RunInfo, ...dirs: string[]): boolean {
  return run.mounts.some(
    (m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target && m.target.replace(/(?<!\/)\/+$/, '') !== '' && dirs.some((d) => pathCovers(m.target!, d)),
  );
}

/**
 * An edit that runs `command` at the end of a RUN: ` && command` (on a continuation line for multi-line RUNs,
 * before a trailing `;`), or a new line of a heredoc body. Null for exec-form RUNs.
 */
export function appendCommand(model: DockerfileModel, run: RunInfo, command: string): TextEdit | null {
  if (run.execForm) return null;
  if (run.heredoc) {
    const at = model.positionAt(run.scriptEnd);
    return { range: { start: at, end: at }, newText: `${model.eol}${command}` };
  }
  const script = model.text.slice(run.scriptStart, run.scriptEnd);
  // (?<!…): a match starts only where the trailing run starts (retried inside a long run of spaces, it was quadratic).
  const trimmed = script.replace(/(?<![\s;])[\s;]+$/, '');
  if (!trimmed) return null;
  return appendToRun(model, { ...run, scriptEnd: run.scriptStart + trimmed.length }, command);
}

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

const RPM_VALUE_OPTS = ['-c', '--config', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '--repo', '--repoid', '-x', '--exclude', '--setopt', '-d', '--debuglevel', '-e', '--errorlevel'];
const ZYPPER_VALUE_OPTS = ['-R', '--root', '-c', '--config', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir', '--pkg-cache-dir'];
const RPM_FAMILY = ['yum', 'dnf', 'dnf5', 'microdnf'];

function subIn(cmd: ShellCommand, programs: string[], opts: string[], subs: string[]): ShellWord | undefined {
  if (!programs.includes(cmd.program)) return undefined;
  const sub = subcommandAt(cmd, opts);
  return sub && subs.includes(sub.word.value) ? sub.word : undefined;
}

// yum, dnf and microdnf share one cache layout on current RHEL/Fedora, so any of their `clean all` counts.
const rpmClean = (cmd: ShellCommand) =>
  subIn(cmd, RPM_FAMILY, RPM_VALUE_OPTS, ['clean']) !== undefined && cmd.args.some((a) => a.value === 'all');

export const CACHE_MANAGERS: readonly CacheManager[] = [
  {
    code: 'DL3032',
    programs: ['yum'],
    dirs: ['/var/cache/yum'],
    clean: 'yum clean all',
    install: (cmd) => subIn(cmd, ['yum'], RPM_VALUE_OPTS, ['install', 'groupinstall', 'localinstall', 'reinstall']),
    isClean: rpmClean,
  },
  {
    code: 'DL3040',
    programs: ['dnf', 'dnf5'],
    dirs: ['/var/cache/dnf', '/var/cache/libdnf5'],
    clean: 'dnf clean all',
    install: (cmd) => subIn(cmd, ['dnf', 'dnf5'], RPM_VALUE_OPTS, ['install', 'groupinstall', 'localinstall', 'reinstall']),
    isClean: rpmClean,
  },
  {
    code: 'DL3040',
    programs: ['microdnf'],
    dirs: ['/var/cache/yum'],
    clean: 'microdnf clean all',
    install: (cmd) => subIn(cmd, ['microdnf'], RPM_VALUE_OPTS, ['install', 'reinstall']),
    isClean: rpmClean,
  },
  {
    code: 'DL3036',
    programs: ['zypper'],
    dirs: ['/var/cache/zypp'],
    clean: 'zypper clean --all',
    install: (cmd) => subIn(cmd, ['zypper'], ZYPPER_VALUE_OPTS, ['install', 'in']),
    isClean: (cmd) => subIn(cmd, ['zypper'], ZYPPER_VALUE_OPTS, ['clean', 'cc']) !== undefined,
  },
  {
    code: 'DL3060',
    programs: ['yarn'],
    dirs: ['/usr/local/share/.cache/yarn', '/root/.cache/yarn', '/root/.yarn/berry/cache'],
    clean: 'yarn cache clean',
    install(cmd) {
      const sub = subIn(cmd, ['yarn'], [], ['install', 'add', 'global']);
      if (sub?.value !== 'global') return sub;
      const next = cmd.args[cmd.args.indexOf(sub) + 1];
      return next?.value === 'add' ? next : undefined;
    },
    isClean: (cmd) => subIn(cmd, ['yarn'], [], ['cache']) !== undefined && cmd.args.some((a) => a.value === 'clean'),
  },
];

/** One ENV / ARG-with-default assignment of a stage, in document order. */
interface EnvChange {
  line: number;
  name: string;
  value: string;
}

/** Per stage: its own ENV/ARG assignments, and by name the lines and values (ascending lines) for lookups. */
interface StageEnvIndex {
  changes: EnvChange[];
  byName: Map<string, { lines: number[]; values: string[] }>;
}

// Stages belong to one immutable model, so their ENV/ARG assignments are read once per stage.
const envIndexes = new WeakMap<Stage, StageEnvIndex>();

function stageEnvIndex(stage: Stage): StageEnvIndex {
  let index = envIndexes.get(stage);
  if (index) return index;
  index = { changes: [], byName: new Map() };
  for (const ins of stage.instructions) {
    const keyword = ins.getKeyword();
    if (keyword !== 'ENV' && keyword !== 'ARG') continue;
    const line = ins.getRange().start.line;
    const props = (ins as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties();
    for (const p of props) {
      // A bare `ARG NAME` does not override an inherited ENV value.
      if (keyword === 'ARG' && p.getValue() === null) continue;
      const change = { line, name: p.getName(), value: p.getValue() ?? '' };
      index.changes.push(change);
      let entry = index.byName.get(change.name);
      if (!entry) index.byName.set(change.name, (entry = { lines: [], values: [] }));
      entry.lines.push(line);
      entry.values.push(change.value);
    }
  }
  envIndexes.set(stage, index);
  return index;
}

/** The value an ENV or ARG-with-default gives `name` in a stage (or the stages it builds on) before `beforeLine`. */
export function stageEnvValue(stage: Stage, beforeLine: number, name: string): string | undefined {
  for (let s: Stage | undefined = stage, before = beforeLine; s; s = s.parent, before = Infinity) {
    const entry = stageEnvIndex(s).byName.get(name);
    if (!entry) continue;
    // The last assignment on a line before `before`.
    let lo = 0;
    let hi = entry.lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (entry.lines[mid] < before) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) return entry.values[lo - 1];
  }
  return undefined;
}
