// Helpers shared by the package-manager cache rules (apt-*, apk-no-cache, pip-no-cache-dir,
// pkg-cache-not-cleaned, cleanup-in-later-layer).
import type { Instruction, JSONInstruction, ModifiableInstruction } from 'dockerfile-ast';
import { blankContinuations, type DockerfileModel, type RunInfo, type Stage } from '../../core/dockerfile/model';
import { hasOption, type ShellCommand, type ShellWord } from '../../core/dockerfile/shell';
import type { BuildContext, TextEdit } from '../../core/types';
import { appendToRun } from './util';

/**
 * The commands of a RUN, normalised: exec-form words lose their JSON quotes and `sudo VAR=1 cmd` is peeled
 * to `cmd` (the core model leaves both as written).
 */
export function runCommands(run: RunInfo): ShellCommand[] {
  return run.script.commands.map((cmd) => {
    let c = cmd;
    if (run.execForm) {
      const unq = (w: ShellWord): ShellWord => ({ ...w, value: jsonValue(w.raw) ?? w.value });
      const nameWord = unq(c.nameWord);
      c = { ...c, name: nameWord.value, program: basename(nameWord.value), nameWord, args: c.args.map(unq) };
    }
    while (/^[A-Za-z_][A-Za-z0-9_]*=/.test(c.name) && c.args.length) {
      const [nameWord, ...args] = c.args;
      c = { ...c, name: nameWord.value, program: basename(nameWord.value), nameWord, args, assignments: [...c.assignments, c.nameWord] };
    }
    return c;
  });
}

function jsonValue(raw: string): string | undefined {
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
  const t = target.length > 1 ? target.replace(/\/+$/, '') : target;
  return t !== '/' && (path === t || path.startsWith(t + '/'));
}

/** True when a later command of the RUN (after `after`) removes `dir` with rm. */
export function removedLater(cmds: ShellCommand[], after: ShellCommand, dir: string): boolean {
  return cmds.some((c) => c.start > after.start && rmTargets(c).some((t) => pathCovers(t.value, dir)));
}

/** True when the RUN mounts a cache or tmpfs on `dir` or on a folder above it, so `dir` never reaches the layer. */
export function hasCacheMountOn(run: RunInfo, ...dirs: string[]): boolean {
  return run.mounts.some(
    (m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target && m.target.replace(/\/+$/, '') !== '' && dirs.some((d) => pathCovers(m.target!, d)),
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
  const trimmed = script.replace(/[\s;]+$/, '');
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

// ---- Paths an instruction puts into its layer (for cleanup-in-later-layer) ----

/** A path an instruction put into its layer. */
export interface Created {
  /** Absolute, normalised; may hold a glob for `COPY *.whl /tmp/`. */
  path: string;
  /** file/dir: only the path itself (mkdir makes an empty folder); tree: its contents too; copy: contents from the build context at `srcRel`. */
  kind: 'file' | 'dir' | 'tree' | 'copy';
  ins: Instruction;
  /** What created it, for messages: `curl -o`, `apt-get update`, `COPY`. */
  what: string;
  srcRel?: string;
}

/** The working folder and home folder paths resolve against (undefined when unknown). */
export interface PathScope {
  cwd?: string;
  home?: string;
}

const PLAIN_ABSOLUTE = /^(?:\/[^/.$`][^/$`]*)+$/;

/** An absolute, normalised path for `p`, or undefined when it uses variables or an unknown working folder. */
export function normalisePath(p: string, scope: PathScope): string | undefined {
  // Already absolute and normal (no empty, `.` or `..` segment, no trailing `/`, no variables): as is.
  if (PLAIN_ABSOLUTE.test(p)) return p;
  if (!p || /[$`]/.test(p)) return undefined;
  let abs: string | undefined = p;
  if (p === '~' || p.startsWith('~/')) abs = scope.home && scope.home + p.slice(1);
  else if (!p.startsWith('/')) abs = scope.cwd && `${scope.cwd}/${p}`;
  if (!abs) return undefined;
  const out: string[] = [];
  for (const seg of abs.split('/')) {
    if (seg === '..') out.pop();
    else if (seg && seg !== '.') out.push(seg);
  }
  return '/' + out.join('/');
}

const GLOB = /[*?[]/;
const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst))$/;

/** A regex for a path glob (`*` and `?` within one segment), or undefined when `p` has no glob. */
export function globRegex(p: string): RegExp | undefined {
  if (!GLOB.test(p)) return undefined;
  const body = p.replace(/\[!/g, '[^').replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

/**
 * Updates `scope` for WORKDIR/USER, and returns what the instruction creates: COPY/ADD destinations, or, with
 * `at`, what one command of a RUN writes (`pending`: what earlier commands of that RUN wrote).
 */
export function createdBy(model: DockerfileModel, ins: Instruction, scope: PathScope, at?: { run: RunInfo; cmd: ShellCommand; next?: ShellCommand; pending: Created[] }, context?: BuildContext): Created[] {
  if (at) return commandWrites(model, ins, scope, at);
  const keyword = ins.getKeyword();
  // Only these keywords use the arguments (dockerfile-ast recomputes them on every call).
  if (keyword !== 'WORKDIR' && keyword !== 'USER' && keyword !== 'COPY' && keyword !== 'ADD') return [];
  const args = ins.getArguments().map((a) => a.getValue());
  if (keyword === 'WORKDIR') scope.cwd = normalisePath(args.join(' '), scope);
  if (keyword === 'USER') scope.home = /^(root|0)(:|$)/.test(args[0] ?? '') ? '/root' : undefined;
  if (keyword !== 'COPY' && keyword !== 'ADD') return [];
  const json = (ins as JSONInstruction).getJSONStrings();
  const words = json.length ? json.map((s) => jsonValue(model.doc.getText(s.getRange())) ?? s.getValue()) : args;
  if (words.length < 2 || words.some((w) => w.startsWith('<<'))) return [];
  const fromStage = (ins as ModifiableInstruction).getFlags().some((f) => f.getName() === 'from');
  const destRaw = words[words.length - 1];
  const dest = normalisePath(destRaw, scope);
  if (!dest) return [];
  const sources = words.slice(0, -1);
  const intoDir = destRaw.endsWith('/') || sources.length > 1 || sources.some((s) => GLOB.test(s));
  const out: Created[] = [];
  for (const src of sources) {
    const url = /^[a-z]+:\/\//i.test(src);
    if (keyword === 'ADD' && !url && ARCHIVE.test(src)) continue; // extracted, contents unknown
    const rel = src.replace(/^(\.\/)+|^\/+/, '').replace(/\/+$/, '').replace(/^\.$/, '');
    const isDir = !url && (src === '.' || src.endsWith('/') || (!fromStage && !!context?.isDirectory(rel)));
    const base = basename(url ? src.replace(/[?#].*$/, '') : rel);
    if (isDir) out.push({ path: dest, kind: 'copy', ins, what: keyword, srcRel: fromStage ? undefined : rel });
    else out.push({ path: intoDir && base ? `${dest === '/' ? '' : dest}/${base}` : dest, kind: 'file', ins, what: keyword });
  }
  return out;
}

const GIT_VALUE_OPTS = ['-b', '--branch', '--depth', '-o', '--origin', '-c', '--config', '--reference', '-j', '--jobs', '--filter', '-u', '--upload-pack', '--separate-git-dir', '--template'];

function optionValue(cmd: ShellCommand, short: RegExp, long: string[]): string[] {
  const values: string[] = [];
  cmd.args.forEach((a, i) => {
    const eq = long.find((l) => a.value.startsWith(l + '='));
    if (eq) values.push(a.value.slice(eq.length + 1));
    else if (short.test(a.value) || long.includes(a.value)) {
      if (cmd.args[i + 1]) values.push(cmd.args[i + 1].value);
    }
  });
  return values;
}

/** Records a path a RUN command wrote, unless it is unknown, `/`, under /dev or /proc, or inside a RUN mount. */
function addWrite(found: Created[], run: RunInfo, scope: PathScope, ins: Instruction, p: string | undefined, kind: Created['kind'], what: string): void {
  const path = p === undefined ? undefined : normalisePath(p, scope);
  if (!path || path === '/' || /^\/(dev|proc)\//.test(path)) return;
  // Writes into a RUN mount (cache, tmpfs, bind) never reach the layer.
  for (const m of run.mounts) if (m.target && pathCovers(m.target, path)) return;
  found.push({ path, kind, what, ins });
}

/** True when a tar argument asks for extraction (`-x…`, `xzf` as the first word, `--extract`, `--get`). */
function isExtract(a: ShellWord, i: number): boolean {
  return /^-[a-zA-Z]*x/.test(a.value) || (i === 0 && /^[a-zA-Z]*x[a-zA-Z]*$/.test(a.value)) || /^--(extract|get)$/.test(a.value);
}

const REDIRECT = /(?:^|\s)\d?>>?(?!&)\s*("[^"]*"|'[^']*'|[^\s;&|<>()]+)/g;

function commandWrites(model: DockerfileModel, ins: Instruction, scope: PathScope, at: { run: RunInfo; cmd: ShellCommand; next?: ShellCommand; pending: Created[] }): Created[] {
  const { run, cmd } = at;
  const found: Created[] = [];
  const p = cmd.program;
  if (p === 'curl') for (const v of optionValue(cmd, /^-[a-zA-Z]*o$/, ['--output'])) addWrite(found, run, scope, ins, v, 'file', 'curl -o');
  if (p === 'wget') {
    const o = optionValue(cmd, /^-[a-zA-Z]*O$/, ['--output-document']).filter((v) => v !== '-');
    const dirs = optionValue(cmd, /^-[a-zA-Z]*P$/, ['--directory-prefix']);
    for (const v of o) addWrite(found, run, scope, ins, v, 'file', 'wget -O');
    if (!o.length) {
      const dir = dirs.length ? dirs[dirs.length - 1].replace(/\/*$/, '/') : '';
      for (const a of cmd.args) if (/^[a-z]+:\/\//i.test(a.value)) addWrite(found, run, scope, ins, dir + basename(a.value.replace(/[?#].*$/, '')), 'file', dirs.length ? 'wget -P' : 'wget');
    }
  }
  if (p === 'mkdir') {
    for (let i = 0; i < cmd.args.length; i++) {
      const a = cmd.args[i];
      if (!a.value.startsWith('-') && !/^(-m|--mode)$/.test(cmd.args[i - 1]?.value ?? '')) addWrite(found, run, scope, ins, a.value, 'dir', 'mkdir');
    }
  }
  // The target folder may hold files of the base image, so only one the same RUN made counts as the archive's.
  if (p === 'tar' && cmd.args.some(isExtract)) {
    for (const v of optionValue(cmd, /^-C$/, ['--directory'])) {
      const dir = normalisePath(v, scope);
      if (at.pending.some((c) => c.kind === 'dir' && c.path === dir)) addWrite(found, run, scope, ins, v, 'tree', 'tar -C');
    }
  }
  if (p === 'git' && subcommandAt(cmd)?.word.value === 'clone') {
    const clone = subcommandAt(cmd)!.index;
    const url = subcommandAt(cmd, GIT_VALUE_OPTS, clone + 1);
    const dir = url && subcommandAt(cmd, GIT_VALUE_OPTS, url.index + 1);
    if (url) addWrite(found, run, scope, ins, dir?.word.value ?? basename(url.word.value.replace(/\/+$/, '')).replace(/\.git$/, ''), 'tree', 'git clone');
  }
  // Redirections (`> FILE`) are not part of the command's words: read the text up to the next command or operator.
  // Blanking continuations only turns characters into spaces, so text without `>` has no redirection.
  const raw = model.text.slice(cmd.end, at.next?.start ?? run.scriptEnd);
  if (raw.includes('>')) {
    const tail = blankContinuations(raw, model.escape, run.heredoc).split(/&&|\|\||[;|\n]/)[0];
    for (const m of tail.matchAll(REDIRECT)) addWrite(found, run, scope, ins, m[1].replace(/^["']|["']$/g, ''), 'file', '>');
  }
  cacheDirs(found, run, cmd, scope, ins);
  return found;
}

/** Records the cache folders a package-manager command fills (as the root user). */
function cacheDirs(found: Created[], run: RunInfo, cmd: ShellCommand, scope: PathScope, ins: Instruction): void {
  const program = cmd.program;
  const apt = program === 'apt-get' || program === 'apt' ? aptSubcommand(cmd)?.value : undefined;
  if (apt === 'update') addWrite(found, run, scope, ins, '/var/lib/apt/lists', 'tree', `${program} update`);
  if (apt && /^(install|upgrade|dist-upgrade|full-upgrade)$/.test(apt)) addWrite(found, run, scope, ins, '/var/cache/apt', 'tree', `${program} ${apt}`);
  if (program === 'apk' && !hasOption(cmd, '--no-cache') && /^(add|update|upgrade)$/.test(subcommandAt(cmd)?.word.value ?? '')) addWrite(found, run, scope, ins, '/var/cache/apk', 'tree', 'apk');
  for (const m of CACHE_MANAGERS) {
    // Every manager's install() only matches its own programs.
    if (!m.programs.includes(program)) continue;
    const install = m.install(cmd);
    if (install) for (const d of m.dirs) addWrite(found, run, scope, ins, d, 'tree', `${program} ${install.value}`);
  }
  if (scope.home === '/root') {
    if (pipInstall(cmd) && !hasOption(cmd, '--no-cache-dir') && !stageEnvValue(run.stage, run.instruction.getRange().start.line, 'PIP_NO_CACHE_DIR')) addWrite(found, run, scope, ins, '/root/.cache/pip', 'tree', 'pip install');
    if (program === 'npm' && /^(install|i|ci|add)$/.test(subcommandAt(cmd)?.word.value ?? '')) addWrite(found, run, scope, ins, '/root/.npm', 'tree', 'npm');
  }
}
