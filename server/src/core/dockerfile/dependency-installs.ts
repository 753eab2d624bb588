// Dependency installs by ecosystem (`pip install -r`, `npm ci`, `go mod download`, `mvn dependency:go-offline` …):
// which command installs a project's dependencies, the manifests it reads, the dependency-only step a build can
// run first, and which commands can run before the sources are copied in. For the cache-busting-copy rule.
// Package managers (pip, npm, yarn, pnpm, go, gem, apt …) are read through package-managers.ts.
import { subcommandAt } from './commands';
import { MANAGERS, packageCommand, type PackageCommand } from './package-managers';
import type { ShellCommand } from './shell';
import { splitLines } from '../text';
import type { BuildContext } from '../types';

export type Ecosystem = 'pip' | 'poetry' | 'uv' | 'pipenv' | 'npm' | 'yarn' | 'pnpm' | 'go' | 'bundler' | 'maven' | 'gradle' | 'cargo' | 'composer';

/** The context files each ecosystem's install reads (the first ones to copy). */
export const MANIFESTS: Record<Ecosystem, string[]> = {
  pip: ['requirements.txt'],
  poetry: ['pyproject.toml', 'poetry.lock'],
  uv: ['pyproject.toml', 'uv.lock'],
  pipenv: ['Pipfile', 'Pipfile.lock'],
  npm: ['package.json', 'package-lock.json', 'npm-shrinkwrap.json'],
  yarn: ['package.json', 'yarn.lock'],
  pnpm: ['package.json', 'pnpm-lock.yaml'],
  go: ['go.mod', 'go.sum'],
  bundler: ['Gemfile', 'Gemfile.lock'],
  maven: ['pom.xml'],
  gradle: ['settings.gradle', 'settings.gradle.kts', 'build.gradle', 'build.gradle.kts', 'gradle.properties', 'gradle'],
  cargo: ['Cargo.toml', 'Cargo.lock'],
  composer: ['composer.json', 'composer.lock'],
};

/**
 * How the fix gets the dependencies in before the sources: `move` the install up; `extra` inserts a
 * dependency-only variant (appending these flags) and keeps the original, which then finds everything installed.
 */
export const DEP_ONLY_FLAGS: Partial<Record<Ecosystem, string[]>> = {
  poetry: ['--no-root'],
  uv: ['--no-install-project'],
  composer: ['--no-scripts', '--no-autoloader'],
};

/** A command that installs (or, for `build`, fetches while compiling) a project's dependencies. */
export interface Install {
  eco: Ecosystem;
  /** `build` commands (go build, cargo build, mvn package …) also compile: the fix adds a fetch step instead. */
  kind: 'install' | 'build';
  cmd: ShellCommand;
  label: string;
  /** pip: the requirement files named with -r / -c. */
  files?: string[];
}

const positional = (cmd: ShellCommand) => cmd.args.filter((a) => !a.value.startsWith('-')).map((a) => a.value);

/** The requirement and constraint files (`-r`/`-c`) among the arguments of `pip install`. */
function requirementFiles(args: string[]): string[] | undefined {
  const files: string[] = [];
  args.forEach((a, i) => {
    const m = /^(?:-r|--requirement|-c|--constraint)(?:=|$)(.*)$|^-[rc](.+)$/.exec(a);
    if (m) files.push(m[1] || m[2] || args[i + 1] || '');
  });
  return files.filter(Boolean).length ? files.filter(Boolean) : undefined;
}

/** `pip install -r FILE …` (pip, pip3.12, python -m pip, uv pip): the requirement files it reads. */
function pipRequirements(cmd: ShellCommand, pkg: PackageCommand | undefined): string[] | undefined {
  if (pkg?.manager === 'pip') return pkg.action === 'install' ? requirementFiles(cmd.args.slice(pkg.subcommandIndex + 1).map((a) => a.value)) : undefined;
  // `uv pip install`: uv's pip interface takes pip's arguments.
  if (cmd.program !== 'uv' || cmd.args[0]?.value !== 'pip' || subcommandAt(cmd, [], 1)?.word.value !== 'install') return undefined;
  return requirementFiles(cmd.args.slice(1).map((a) => a.value));
}

/** True when a package manager's install names no packages (`npm install`, `npm i`): it installs the project's. */
const installsProject = (pkg: PackageCommand) => pkg.action === 'install' && pkg.packages.length === 0;

// Kept per command object: cache-busting-copy asks about every command of every stage on each analysis, and a RUN's
// commands are the same objects from one analysis to the next while it keeps its text and offset (shell.ts).
const installs = new WeakMap<ShellCommand, Install | null>();

/** The dependency step a command performs, if any. */
export function dependencyInstall(cmd: ShellCommand): Install | undefined {
  let known = installs.get(cmd);
  if (known === undefined) {
    known = installOf(cmd) ?? null;
    installs.set(cmd, known);
  }
  return known ?? undefined;
}

function installOf(cmd: ShellCommand): Install | undefined {
  const p = cmd.program;
  const args = cmd.args.map((a) => a.value);
  const pkg = packageCommand(cmd);
  // Programs without a table in package-managers.ts (uv, poetry, pipenv, bundle, composer, cargo, mvn, gradle).
  const sub = subcommandAt(cmd)?.word.value;
  const pos = positional(cmd);
  const is = (eco: Ecosystem, label: string, kind: Install['kind'] = 'install'): Install => ({ eco, kind, cmd, label });
  const files = pipRequirements(cmd, pkg);
  if (files) return { ...is('pip', `pip install -r ${files[0]}`), files };
  if (p === 'uv' && sub === 'sync') return is('uv', 'uv sync');
  if (p === 'poetry' && sub === 'install') return is('poetry', 'poetry install');
  if (p === 'pipenv' && (sub === 'install' || sub === 'sync') && pos.length === 1) return is('pipenv', `pipenv ${sub}`);
  const written = pkg?.subcommand?.value;
  if (pkg?.manager === 'npm' && (pkg.action === 'ci' || installsProject(pkg))) return is('npm', `npm ${written}`);
  // Bare `yarn` (no subcommand) installs the project's dependencies.
  if (p === 'yarn' && (!pkg || installsProject(pkg))) return is('yarn', pkg ? 'yarn install' : 'yarn');
  if (pkg?.manager === 'pnpm' && (pkg.action === 'fetch' || installsProject(pkg))) return is('pnpm', `pnpm ${written}`);
  if (pkg?.manager === 'go' && pkg.action === 'mod' && pkg.packages[0]?.raw === 'download') return is('go', 'go mod download');
  if (pkg?.manager === 'go' && (pkg.action === 'build' || pkg.action === 'install') && !args.some((a) => a.includes('@'))) return is('go', `go ${pkg.action}`, 'build');
  if (p === 'bundle' && sub === 'install') return is('bundler', 'bundle install');
  if (p === 'composer' && sub === 'install') return is('composer', 'composer install');
  if (p === 'cargo' && sub === 'fetch') return is('cargo', 'cargo fetch');
  if (p === 'cargo' && sub === 'build') return is('cargo', 'cargo build', 'build');
  if (p === 'mvn' || p === 'mvnw') {
    if (args.some((a) => /^dependency:(go-offline|resolve)/.test(a))) return is('maven', `${p} dependency:go-offline`);
    if (args.some((a) => a === 'package' || a === 'install' || a === 'verify')) return is('maven', `${p} package`, 'build');
  }
  if (p === 'gradle' || p === 'gradlew') {
    if (args.includes('dependencies')) return is('gradle', `${p} dependencies`);
    if (args.some((a) => ['build', 'assemble', 'bootJar', 'installDist', 'shadowJar'].includes(a))) return is('gradle', `${p} build`, 'build');
  }
  return undefined;
}

/** The manifests in words, for messages. */
export const MANIFEST_LABEL: Record<Ecosystem, string> = {
  pip: 'the requirements file',
  poetry: 'pyproject.toml and poetry.lock',
  uv: 'pyproject.toml and uv.lock',
  pipenv: 'Pipfile and Pipfile.lock',
  npm: 'package.json and package-lock.json',
  yarn: 'package.json and yarn.lock',
  pnpm: 'package.json and pnpm-lock.yaml',
  go: 'go.mod and go.sum',
  bundler: 'Gemfile and Gemfile.lock',
  maven: 'pom.xml',
  gradle: 'the Gradle build files',
  cargo: 'Cargo.toml and Cargo.lock',
  composer: 'composer.json and composer.lock',
};

/** The dependency-only command the fix inserts for `build` commands. */
export function fetchCommand(install: Install): string {
  const name = install.cmd.name;
  return { go: 'go mod download', cargo: 'cargo fetch', maven: `${name} dependency:go-offline`, gradle: `${name} dependencies` }[install.eco as 'go'] ?? '';
}

/** System package managers (apt-get, apk, dnf, zypper …): they install no project dependencies. */
const SYSTEM_MANAGERS: readonly string[] = [...MANAGERS.apt.programs, ...MANAGERS.apk.programs, ...MANAGERS.rpm.programs, ...MANAGERS.zypper.programs];

/** Commands that can run before the sources are there: package managers, tool installs, cache cleanup. */
export function isPrepCommand(cmd: ShellCommand): boolean {
  const p = cmd.program;
  const pkg = packageCommand(cmd);
  if (SYSTEM_MANAGERS.includes(p) || ['corepack', 'mkdir', 'echo', 'true', 'export', 'set'].includes(p)) return true;
  if (p === 'rm') return positional(cmd).every((a) => /^[/~$]/.test(a));
  if ((pkg ? pkg.action : subcommandAt(cmd)?.word.value) === 'config' && (pkg ? ['npm', 'yarn', 'pnpm', 'pip'].includes(pkg.manager) : ['poetry', 'bundle', 'composer', 'pipenv'].includes(p))) return true;
  if (pkg?.manager === 'pip' && pkg.action === 'install') return !cmd.args.some((a) => /^(\.|\.\/.*|\/.*|-e|--editable)$/.test(a.value));
  if (pkg?.manager === 'npm' && pkg.action === 'install') return cmd.args.some((a) => a.value === '-g' || a.value === '--global');
  return pkg?.manager === 'gem' && pkg.action === 'install';
}

/**
 * Context paths of the manifests the install needs, for a whole-context copy to `copyDest`; undefined when they
 * cannot be known (pip requirement files that are missing, use variables or install the project itself).
 */
export function installManifests(install: Install, copyDest: string, ctx: BuildContext): string[] | undefined {
  if (install.eco !== 'pip') {
    const names = [...(install.cmd.program === 'mvnw' ? ['mvnw', '.mvn'] : install.cmd.program === 'gradlew' ? ['gradlew'] : []), ...MANIFESTS[install.eco]];
    return names.filter((n) => ctx.exists(n));
  }
  const dest = copyDest.replace(/(?<!\/)\/+$/, '');
  const toContext = (f: string) => {
    const rel = f.startsWith('/') ? (dest.startsWith('/') && f.startsWith(dest + '/') ? f.slice(dest.length + 1) : undefined) : f.replace(/^(\.\/)+/, '');
    return rel && !rel.includes('$') && !rel.split('/').includes('..') ? rel : undefined;
  };
  const files: string[] = [];
  const queue = (install.files ?? []).map(toContext);
  while (queue.length) {
    const f = queue.shift();
    const body = f === undefined ? undefined : ctx.readFile(f);
    if (f === undefined || body === undefined) return undefined;
    if (files.includes(f)) continue;
    files.push(f);
    const dir = f.includes('/') ? f.slice(0, f.lastIndexOf('/') + 1) : '';
    for (const line of splitLines(body)) {
      // A requirement on the project itself (`-e .`) needs the sources: the install cannot move.
      if (/^\s*(?:(?:-e|--editable)\s+)?\.(?:[\s/[]|$)/.test(line)) return undefined;
      const m = /^\s*(?:-r|--requirement|-c|--constraint)[\s=]+(\S+)/.exec(line);
      if (m) queue.push(toContext(m[1].startsWith('/') ? m[1] : dir + m[1]));
    }
  }
  return files;
}
