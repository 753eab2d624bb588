// Which packages a package manager's install command leaves unpinned, per manager family (hadolint's DL3008,
// DL3013, DL3016, DL3018, DL3028, DL3033, DL3037, DL3041, DL3062): what each manager accepts as a version pin, and
// what is no registry package at all (local files, archives, URLs, groups). Commands are read through
// package-managers.ts; the option tables here only add the value-taking install options it does not list.
import { allRunCommands, positionals, subcommandAt } from './commands';
import { perModel, type DockerfileModel, type RunInfo } from './model';
import { MANAGERS, packageCommand, type PackageCommand } from './package-managers';
import type { ShellCommand, ShellWord } from './shell';

/** The manager families that pin differently (rpm splits by program: hadolint has one code for yum, one for dnf). */
export type PinFamily = 'apt' | 'apk' | 'pip' | 'npm' | 'gem' | 'yum' | 'dnf' | 'zypper' | 'go';

/** A package word of an install command that names no version. */
export interface UnpinnedPackage {
  family: PinFamily;
  /** The package as written (shell quoting removed), e.g. `curl`, `@types/node`, `golang.org/x/tools/gopls@latest`. */
  name: string;
  word: ShellWord;
  /** yum/dnf `module install`: the word is a module, pinned by its stream (`nodejs:20`). */
  module?: boolean;
}

// Value-taking options missing from MANAGERS (which lists what its own readers need), from each tool's manual:
// npm-install(1) and npm's config types, gem-install(1), `go help build`, zypper(8) install, dnf(8).
const EXTRA_VALUE_OPTS: Partial<Record<PackageCommand['manager'], readonly string[]>> = {
  npm: [
    '--prefix', '--registry', '--cache', '--userconfig', '--globalconfig', '--tag', '--loglevel', '-w', '--workspace', '--omit', '--include',
    '--install-strategy', '--save-prefix', '--before', '--location', '--script-shell', '--only', '--also', '--proxy', '--https-proxy', '--cafile',
  ],
  gem: ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-P', '--trust-policy', '--platform', '--build-root', '--config-file', '--without'],
  go: ['-C', '-o', '-p', '-tags', '-ldflags', '-gcflags', '-asmflags', '-gccgoflags', '-mod', '-modfile', '-overlay', '-pgo', '-pkgdir', '-toolexec', '-exec', '-buildmode', '-compiler', '-installsuffix', '-covermode', '-coverpkg'],
  zypper: ['-t', '--type', '-r', '--repo', '--from', '--download'],
  rpm: ['--forcearch', '--downloaddir', '--destdir', '--comment', '--color', '--rpmverbosity', '--repofrompath'],
};

const DNF = new Set(['dnf', 'dnf5', 'microdnf', 'tdnf']);

/** The install subcommands of each family (aliases as package-managers.ts resolves them). */
const INSTALLS: Record<PinFamily, readonly string[]> = {
  apt: ['install'],
  apk: ['add'],
  pip: ['install'],
  npm: ['install'],
  gem: ['install', 'i'],
  yum: ['install'],
  dnf: ['install', 'in'],
  zypper: ['install'],
  go: ['install', 'get', 'run'],
};

/** The family whose pins `pkg` uses; undefined for managers no rule checks (yarn, pnpm). */
function familyOf(pkg: PackageCommand): PinFamily | undefined {
  if (pkg.manager === 'rpm') return DNF.has(pkg.program) ? 'dnf' : 'yum';
  return pkg.manager in INSTALLS ? (pkg.manager as PinFamily) : undefined;
}

/** The subcommand and the words after it, skipping the values of MANAGERS' options and of the ones this file adds. */
function packageWords(cmd: ShellCommand, pkg: PackageCommand): { sub?: ShellWord; words: ShellWord[] } {
  const extra = EXTRA_VALUE_OPTS[pkg.manager];
  if (!extra) return { sub: pkg.subcommand, words: pkg.packages.map((p) => p.word) };
  const opts = [...MANAGERS[pkg.manager].valueOpts, ...extra];
  const sub = subcommandAt(cmd, opts);
  return sub ? { sub: sub.word, words: positionals(cmd, opts, sub.index + 1) } : { words: [] };
}

const VCS = /^(git|hg|svn|bzr)(\+[a-z]+)?:/i;
const ARCHIVE = /\.(whl|zip|tgz|tar|tar\.gz|tar\.bz2|tar\.xz)$/i;
const LOCAL = /^(\.|\.\.|~)?\//;

/** pip: a requirement with a version specifier, a local path or archive, a URL, or a VCS URL with `@ref`. */
function pipPinned(v: string): boolean {
  if (/[<>]|[=!~]=/.test(v) || v === '.' || v === '..') return true;
  const url = v.includes(' @ ') ? v.slice(v.indexOf(' @ ') + 3).trim() : v;
  if (VCS.test(url)) {
    // After `scheme://host/`, an `@` names the ref: `git+https://github.com/o/r.git@v1.2#egg=r`.
    const path = url.replace(/#.*$/, '').replace(/^[^:]+:\/\/[^/]*\/?/, '');
    return path.includes('@');
  }
  return url.includes('/') || ARCHIVE.test(url);
}

/** npm: `name@version` (not `@latest`), a folder, tarball or tarball URL, or a git spec with `#ref`. */
function npmPinned(v: string): boolean {
  if (LOCAL.test(v) || v === '.' || v.startsWith('file:') || ARCHIVE.test(v) || /^https?:\/\//.test(v)) return true;
  const git = /^(git(\+[a-z]+)?:\/\/|(github|gitlab|bitbucket|gist):)/.test(v) || (!v.startsWith('@') && v.includes('/'));
  if (git) return v.includes('#');
  const at = v.lastIndexOf('@');
  const version = at > 0 ? v.slice(at + 1) : '';
  return version !== '' && version !== 'latest';
}

/** rpm (yum, dnf, zypper): `name-version`, `name-version-release` (the last dash part starts with a digit). */
function rpmVersioned(v: string): boolean {
  const dash = v.lastIndexOf('-');
  return dash > 0 && /^(\d+:)?\d/.test(v.slice(dash + 1));
}

/** No registry package to pin: an `.rpm` file, a path or URL, a group/module (`@…`), a capability `perl(Foo)`. */
function rpmNotAPackage(v: string): boolean {
  return v.endsWith('.rpm') || v.includes('/') || v.startsWith('@') || v.includes('(');
}

/** go: `pkg@version` (not `@latest`), or a local package, file or meta-package. */
function goPinned(v: string): boolean {
  if (v === '.' || v === '..' || LOCAL.test(v) || v.endsWith('.go') || ['all', 'std', 'cmd', 'tool'].includes(v)) return true;
  const at = v.lastIndexOf('@');
  // `@none` removes a dependency (go get); nothing to pin.
  return at > 0 && v.slice(at + 1) !== 'latest';
}

/** Whether a package word of `family` names its version (or is no registry package at all). */
export function isPinned(family: PinFamily, value: string, module = false): boolean {
  switch (family) {
    case 'apt':
      // `pkg=1.2`, `pkg/bookworm-backports` (a release), `./local.deb`.
      return /[=/]/.test(value) || value.endsWith('.deb');
    case 'apk':
      return /[=~<>]/.test(value) || value.endsWith('.apk');
    case 'pip':
      return pipPinned(value);
    case 'npm':
      return npmPinned(value);
    case 'gem':
      return value.includes(':') || value.endsWith('.gem') || value.includes('/');
    case 'go':
      return goPinned(value);
    case 'zypper':
      return /[=<>]/.test(value) || rpmVersioned(value) || rpmNotAPackage(value) || /^(pattern|patch|product|srcpackage|application):/.test(value);
    default:
      // yum / dnf: `dnf module install nodejs:20` pins a stream.
      return module ? value.includes(':') : /[=<>]/.test(value) || rpmVersioned(value) || rpmNotAPackage(value);
  }
}

/** True when the whole command pins through something else: pip's requirement/constraint files, gem's `-v`. */
function pinnedByOptions(family: PinFamily, cmd: ShellCommand): boolean {
  const has = (re: RegExp) => cmd.args.some((a) => re.test(a.value));
  if (family === 'pip') return has(/^(-r|-c|--requirement|--constraint)(=|$)|^-[rc]./);
  if (family === 'gem') return has(/^(-v|--version)(=|$)|^-v./);
  // zypper -t pattern|patch|product: those are not versioned packages.
  if (family === 'zypper') return cmd.args.some((a, i) => /^(-t|--type)$/.test(a.value) && cmd.args[i + 1]?.value !== 'package') || has(/^--type=(?!package$)/);
  return false;
}

/** The unpinned package words of one command (none when it is no install of a known manager). */
export function unpinnedPackages(cmd: ShellCommand): UnpinnedPackage[] {
  const pkg = packageCommand(cmd);
  if (!pkg) return [];
  const family = familyOf(pkg);
  if (!family) return [];
  const { sub, words } = packageWords(cmd, pkg);
  if (!sub) return [];
  const action = MANAGERS[pkg.manager].aliases?.[sub.value] ?? sub.value;
  // dnf/yum `module install nodejs:20`: the first word is `install`.
  const module = (family === 'dnf' || family === 'yum') && action === 'module' && words[0]?.value === 'install';
  if (!module && !INSTALLS[family].includes(action)) return [];
  if (pinnedByOptions(family, cmd)) return [];
  // `go run pkg args…`: only the first word is a package.
  const candidates = module ? words.slice(1) : family === 'go' && action === 'run' ? words.slice(0, 1) : words;
  return candidates
    .filter((w) => !isPinned(family, w.value, module) && !/[$`]/.test(w.value))
    .map((word) => ({ family, name: word.value, word, ...(module ? { module } : {}) }));
}

/** Every unpinned package of the file's RUNs, with its RUN: one walk per model shared by the rules of each family. */
const unpinnedOfModel = perModel((model: DockerfileModel) => {
  const out: Array<UnpinnedPackage & { run: RunInfo }> = [];
  for (const { run, cmd } of allRunCommands(model)) for (const u of unpinnedPackages(cmd)) out.push({ ...u, run });
  return out;
});

/** Every unpinned package of `family` in the file's RUNs, with its RUN, in document order. */
export function unpinnedInModel(model: DockerfileModel, family: PinFamily): Array<UnpinnedPackage & { run: RunInfo }> {
  return unpinnedOfModel(model).filter((u) => u.family === family);
}
