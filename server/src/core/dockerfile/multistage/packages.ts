// OS packages: what a single-stage file installs, and which of them the runtime stage needs again.
import { runCommands } from '../commands';
import { perModel, type DockerfileModel, type RunInfo } from '../model';
import { packageCommand, type PackageCommand, type PackageManager } from '../package-managers';
import type { ShellCommand, ShellWord } from '../shell';

export type Family = 'apt' | 'apk' | 'rpm';

/** Compilers, build systems and headers: what makes a stage a build stage. */
export const TOOLCHAIN_PACKAGE = /^(?:(?:gcc|g\+\+|clang)(?:-\d+)?|gcc-c\+\+|make|cmake|build-essential|build-base|.+-dev(?:el)?)$/;
// Only needed to build, so the runtime stage does not reinstall them (toolchain packages aside).
const BUILD_ONLY_PACKAGE = /^(?:git|pkg-?conf(?:ig)?|autoconf|automake|libtool|linux-headers|ninja(?:-build)?|bison|flex|m4|patch|binutils|gfortran|swig|nasm|yasm|cargo|rustc|golang(?:-go)?|python3?-(?:pip|venv|wheel|setuptools)|llvm(?:-\d+)?|lld)$/;
// Shared libraries that a `-dev` package's headers link against at run time, where the name is stable across releases.
const RUNTIME_LIB: Record<Family, Record<string, string>> = {
  apt: { 'libpq-dev': 'libpq5', 'libmariadb-dev': 'libmariadb3', 'default-libmysqlclient-dev': 'libmariadb3', 'libsqlite3-dev': 'libsqlite3-0', 'libyaml-dev': 'libyaml-0-2', 'libxslt1-dev': 'libxslt1.1' },
  apk: { 'postgresql-dev': 'libpq', 'libpq-dev': 'libpq', 'mariadb-dev': 'mariadb-connector-c', 'mariadb-connector-c-dev': 'mariadb-connector-c', 'libffi-dev': 'libffi', 'jpeg-dev': 'libjpeg-turbo', 'libjpeg-turbo-dev': 'libjpeg-turbo', 'libxml2-dev': 'libxml2', 'libxslt-dev': 'libxslt', 'yaml-dev': 'yaml', 'sqlite-dev': 'sqlite-libs' },
  rpm: {},
};

// The package managers whose installs the runtime stage can repeat, and their install and remove subcommands.
interface Installer { family: Family; install: string[]; remove: string[] }
const INSTALLERS: Partial<Record<PackageManager, Installer>> = {
  apt: { family: 'apt', install: ['install'], remove: ['purge', 'remove', 'autoremove'] },
  apk: { family: 'apk', install: ['add'], remove: ['del'] },
  rpm: { family: 'rpm', install: ['install'], remove: ['remove', 'erase', 'autoremove'] },
};

/** The installer and parsed command when `cmd` runs apt-get/apt, apk or yum/dnf/microdnf/tdnf (not aptitude). */
function installerCommand(cmd: ShellCommand): { inst: Installer; pkg: PackageCommand } | undefined {
  const pkg = packageCommand(cmd);
  const inst = pkg && pkg.program !== 'aptitude' ? INSTALLERS[pkg.manager] : undefined;
  return inst && pkg && { inst, pkg };
}

export interface PackageInstall {
  family: Family;
  program: string;
  run: RunInfo;
  /** Installed packages that are not removed again later in the same RUN. */
  packages: { name: string; word: ShellWord }[];
}

/** Package installs (apt/apk/yum/dnf), minus packages or apk virtual groups removed again in the same RUN. */
export const packageInstalls: (model: DockerfileModel) => readonly PackageInstall[] = perModel((model) => {
  const out: PackageInstall[] = [];
  for (const run of model.runs) {
    const cmds = runCommands(run);
    cmds.forEach((cmd, i) => {
      const found = installerCommand(cmd);
      if (!found || !found.inst.install.includes(found.pkg.subcommand!.value)) return;
      const { inst, pkg } = found;
      const removed = removedLater(cmds.slice(i + 1), inst);
      const v = cmd.args.findIndex((a) => a.value === '--virtual' || a.value === '-t');
      const virtual = inst.family === 'apk' && v >= 0 ? cmd.args[v + 1]?.value : undefined;
      if (virtual && removed.has(virtual)) return;
      const packages = pkg.packages
        .filter((p) => !p.raw.includes('$'))
        .map((p) => ({ name: inst.family === 'rpm' ? p.raw : p.name, word: p.word }))
        .filter((p) => !removed.has(p.name) && !removed.has(p.word.value));
      out.push({ family: inst.family, program: cmd.program, run, packages });
    });
  }
  return out;
});

function removedLater(later: ShellCommand[], inst: Installer): Set<string> {
  const removed = new Set<string>();
  for (const cmd of later) {
    const found = installerCommand(cmd);
    if (found?.inst === inst && inst.remove.includes(found.pkg.subcommand!.value)) found.pkg.packages.forEach((p) => removed.add(p.raw));
  }
  return removed;
}

/** Whether the file installs a compiler, build system or `-dev` package. */
export function hasToolchainPackages(model: DockerfileModel): boolean {
  return packageInstalls(model).some((i) => i.packages.some((p) => TOOLCHAIN_PACKAGE.test(p.name)));
}

/** The package family of a runtime image: the ones the templates pick are Alpine or Debian based. */
export function family(image: string): Family {
  return image.includes('alpine') ? 'apk' : 'apt';
}

/** Reinstalls the packages the original installed that are not build tools, with the libraries `-dev` packages need. */
export function packageLines(model: DockerfileModel, fam: Family, buildOnly?: RegExp): string[] {
  const names: string[] = [];
  let program = 'dnf';
  for (const inst of packageInstalls(model)) {
    if (inst.family !== fam) continue;
    if (fam === 'rpm') program = inst.program;
    for (const { name, word } of inst.packages) {
      const keep = TOOLCHAIN_PACKAGE.test(name) || BUILD_ONLY_PACKAGE.test(name) || buildOnly?.test(name) ? RUNTIME_LIB[fam][name] : word.value;
      if (keep && !names.includes(keep)) names.push(keep);
    }
  }
  if (!names.length) return [];
  const list = names.join(' ');
  if (fam === 'apk') return [`RUN apk add --no-cache ${list}`];
  if (fam === 'rpm') return [`RUN ${program} install -y ${list} && ${program} clean all`];
  return [`RUN apt-get update && apt-get install -y --no-install-recommends ${list} && rm -rf /var/lib/apt/lists/*`];
}
