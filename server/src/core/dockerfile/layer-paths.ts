// Paths an instruction puts into its layer: COPY/ADD destinations, files RUN commands write, package caches.
// Used by cleanup-in-later-layer to tell when an `rm` in a later layer saves nothing. Paths themselves are in paths.ts.
import type { Instruction, JSONInstruction, ModifiableInstruction } from 'dockerfile-ast';
import type { BuildContext } from '../types';
import { jsonValue, subcommandAt } from './commands';
import { blankContinuations, type DockerfileModel, type RunInfo } from './model';
import { CACHE_MANAGERS } from './package-caches';
import { aptSubcommand, packageCommand } from './package-managers';
import { basename, GLOB, normalisePath, pathCovers, urlFileName, type PathScope } from './paths';
import type { ShellCommand, ShellWord } from './shell';
import { commandEnv } from './stage-env';

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

const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst))$/;

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
    const rel = src.replace(/^(\.\/)+|^\/+/, '').replace(/(?<!\/)\/+$/, '').replace(/^\.$/, '');
    const isDir = !url && (src === '.' || src.endsWith('/') || (!fromStage && !!context?.isDirectory(rel)));
    const base = url ? urlFileName(src) : basename(rel);
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
      const dir = dirs.length ? dirs[dirs.length - 1].replace(/(?<!\/)\/*$/, '/') : '';
      for (const a of cmd.args) if (/^[a-z]+:\/\//i.test(a.value)) addWrite(found, run, scope, ins, dir + urlFileName(a.value), 'file', dirs.length ? 'wget -P' : 'wget');
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
    if (url) addWrite(found, run, scope, ins, dir?.word.value ?? basename(url.word.value).replace(/\.git$/, ''), 'tree', 'git clone');
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
  const pkg = packageCommand(cmd, commandEnv(run, cmd));
  if (pkg?.manager === 'apk' && !pkg.noCache && /^(add|update|upgrade)$/.test(pkg.action ?? '')) addWrite(found, run, scope, ins, '/var/cache/apk', 'tree', 'apk');
  for (const m of CACHE_MANAGERS) {
    // Every manager's install() only matches its own programs.
    if (!m.programs.includes(program)) continue;
    const install = m.install(cmd);
    if (install) for (const d of m.dirs) addWrite(found, run, scope, ins, d, 'tree', `${program} ${install.value}`);
  }
  if (scope.home === '/root') {
    if (pkg?.manager === 'pip' && pkg.action === 'install' && !pkg.noCache) addWrite(found, run, scope, ins, '/root/.cache/pip', 'tree', 'pip install');
    if (pkg?.manager === 'npm' && /^(install|ci)$/.test(pkg.action ?? '')) addWrite(found, run, scope, ins, '/root/.npm', 'tree', 'npm');
  }
}
