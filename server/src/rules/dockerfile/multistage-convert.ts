// Build toolchains in a single-stage Dockerfile, and its conversion into a `build` stage plus a slim runtime
// stage that receives only the artifacts (Go, Rust, Java, Node.js, Python, generic C/C++ templates).
import type { Copy, Healthcheck, Instruction, Property, Workdir } from 'dockerfile-ast';
import { blankContinuations, buildModel, type DockerfileModel, type ImageRef, type RunInfo, type Stage } from '../../core/dockerfile/model';
import { hasOption, parseShell, type ShellCommand, type ShellWord } from '../../core/dockerfile/shell';
import type { BuildContext, Range } from '../../core/types';

export type Ecosystem = 'go' | 'rust' | 'java' | 'node' | 'python' | 'c';

export const ECOSYSTEM_LABEL: Record<Ecosystem, string> = { go: 'Go', rust: 'Rust', java: 'Java', node: 'Node.js', python: 'Python', c: 'C/C++' };

// ---------------------------------------------------------------- detection

const TOOLCHAIN_PACKAGE = /^(?:(?:gcc|g\+\+|clang)(?:-\d+)?|gcc-c\+\+|make|cmake|build-essential|build-base|.+-dev(?:el)?)$/;
// Only needed to build, so the runtime stage does not reinstall them (toolchain packages aside).
const BUILD_ONLY_PACKAGE = /^(?:git|pkg-?conf(?:ig)?|autoconf|automake|libtool|linux-headers|ninja(?:-build)?|bison|flex|m4|patch|binutils|gfortran|swig|nasm|yasm|cargo|rustc|golang(?:-go)?|python3?-(?:pip|venv|wheel|setuptools)|llvm(?:-\d+)?|lld)$/;
// Shared libraries that a `-dev` package's headers link against at run time, where the name is stable across releases.
const RUNTIME_LIB: Record<Family, Record<string, string>> = {
  apt: { 'libpq-dev': 'libpq5', 'libmariadb-dev': 'libmariadb3', 'default-libmysqlclient-dev': 'libmariadb3', 'libsqlite3-dev': 'libsqlite3-0', 'libyaml-dev': 'libyaml-0-2', 'libxslt1-dev': 'libxslt1.1' },
  apk: { 'postgresql-dev': 'libpq', 'libpq-dev': 'libpq', 'mariadb-dev': 'mariadb-connector-c', 'mariadb-connector-c-dev': 'mariadb-connector-c', 'libffi-dev': 'libffi', 'jpeg-dev': 'libjpeg-turbo', 'libjpeg-turbo-dev': 'libjpeg-turbo', 'libxml2-dev': 'libxml2', 'libxslt-dev': 'libxslt', 'yaml-dev': 'yaml', 'sqlite-dev': 'sqlite-libs' },
  rpm: {},
};

type Family = 'apt' | 'apk' | 'rpm';
interface Installer { family: Family; install: string[]; remove: string[]; valueOpts: string[] }
const APT: Installer = { family: 'apt', install: ['install'], remove: ['purge', 'remove', 'autoremove'], valueOpts: ['-o', '-c', '-t', '--option', '--config-file', '--target-release'] };
const RPM: Installer = { family: 'rpm', install: ['install'], remove: ['remove', 'erase', 'autoremove'], valueOpts: ['-c', '--config', '--installroot', '--releasever', '--setopt', '--enablerepo', '--disablerepo', '--repo'] };
const INSTALLERS: Record<string, Installer> = {
  'apt-get': APT,
  apt: APT,
  apk: { family: 'apk', install: ['add'], remove: ['del'], valueOpts: ['-t', '--virtual', '-X', '--repository', '-p', '--root', '--arch', '--cache-dir', '--keys-dir'] },
  yum: RPM,
  dnf: RPM,
  microdnf: RPM,
  tdnf: RPM,
};

export interface PackageInstall {
  family: Family;
  program: string;
  run: RunInfo;
  /** Installed packages that are not removed again later in the same RUN. */
  packages: { name: string; word: ShellWord }[];
}

/** A RUN's commands with exec-form JSON quotes removed (the core model keeps them). */
function commandsOf(run: RunInfo): ShellCommand[] {
  if (!run.execForm) return run.script.commands;
  const unq = (w: ShellWord): ShellWord => ({ ...w, value: jsonString(w.raw) ?? w.value });
  return run.script.commands.map((c) => {
    const nameWord = unq(c.nameWord);
    return { ...c, name: nameWord.value, program: baseName(nameWord.value), nameWord, args: c.args.map(unq) };
  });
}

function* commands(model: DockerfileModel): Generator<{ run: RunInfo; cmd: ShellCommand }> {
  for (const run of model.runs) for (const cmd of commandsOf(run)) yield { run, cmd };
}

/** Non-option words of a command, skipping the values of options in `valueOpts`. */
function positionals(cmd: ShellCommand, valueOpts: string[] = []): ShellWord[] {
  const out: ShellWord[] = [];
  for (let i = 0; i < cmd.args.length; i++) {
    const v = cmd.args[i].value;
    if (v.startsWith('-')) {
      if (valueOpts.includes(v)) i++;
    } else out.push(cmd.args[i]);
  }
  return out;
}

/** Package installs (apt/apk/yum/dnf), minus packages or apk virtual groups removed again in the same RUN. */
export function packageInstalls(model: DockerfileModel): PackageInstall[] {
  const out: PackageInstall[] = [];
  for (const run of model.runs) {
    const cmds = commandsOf(run);
    cmds.forEach((cmd, i) => {
      const inst = INSTALLERS[cmd.program];
      const pos = inst ? positionals(cmd, inst.valueOpts) : [];
      if (!inst || !inst.install.includes(pos[0]?.value)) return;
      const removed = new Set<string>();
      for (const later of cmds.slice(i + 1)) {
        const lp = INSTALLERS[later.program] === inst ? positionals(later, inst.valueOpts) : [];
        if (inst.remove.includes(lp[0]?.value)) lp.slice(1).forEach((w) => removed.add(w.value));
      }
      const v = cmd.args.findIndex((a) => a.value === '--virtual' || a.value === '-t');
      const virtual = inst.family === 'apk' && v >= 0 ? cmd.args[v + 1]?.value : undefined;
      if (virtual && removed.has(virtual)) return;
      const packages = pos
        .slice(1)
        .filter((w) => !w.value.includes('$'))
        .map((word) => ({ name: inst.family === 'rpm' ? word.value : word.value.split(/[=<>~/]/)[0], word }))
        .filter((p) => !removed.has(p.name) && !removed.has(p.word.value));
      out.push({ family: inst.family, program: cmd.program, run, packages });
    });
  }
  return out;
}

const isBuildScript = (s?: string) => !!s && /^build(?::|$)/.test(s);

/** The ecosystem a build command belongs to (`go build`, `npm run build`, `mvn package` …). */
export function buildCommandEcosystem(cmd: ShellCommand): Ecosystem | undefined {
  const pos = positionals(cmd).map((w) => w.value);
  switch (cmd.program) {
    case 'go':
      return pos[0] === 'build' ? 'go' : undefined;
    case 'cargo':
      return pos[0] === 'build' ? 'rust' : undefined;
    case 'npm':
      return (pos[0] === 'run' || pos[0] === 'run-script') && isBuildScript(pos[1]) ? 'node' : undefined;
    case 'yarn':
    case 'pnpm':
      return isBuildScript(pos[0]) || (pos[0] === 'run' && isBuildScript(pos[1])) ? 'node' : undefined;
    case 'mvn':
    case 'mvnw':
      return pos.some((p) => /^(?:package|install|verify)$/.test(p)) ? 'java' : undefined;
    case 'gradle':
    case 'gradlew':
      return pos.some((p) => /^(?:build|assemble|bootJar|jar|shadowJar|installDist)$/.test(p)) ? 'java' : undefined;
  }
  return undefined;
}

/** The ecosystem of a toolchain base image (golang, rust, maven, gradle, JDK images, gcc); node is not one. */
export function imageEcosystem(image: ImageRef | undefined): Ecosystem | undefined {
  const tag = image?.tag ?? '';
  switch (image?.name) {
    case 'golang':
      return 'go';
    case 'rust':
      return 'rust';
    case 'maven':
    case 'gradle':
      return 'java';
    case 'openjdk':
    case 'eclipse-temurin':
      return tag.includes('jre') ? undefined : 'java';
    case 'gcc':
      return 'c';
  }
  return undefined;
}

export interface ToolchainHit {
  kind: 'image' | 'package' | 'build';
  /** The image, package or command as written, e.g. `golang:1.22`, `gcc`, `go build`. */
  what: string;
  ecosystem: Ecosystem;
  range: Range;
}

/** The first build toolchain of a single-stage file: a toolchain base image, a toolchain package, or a build command. */
export function findToolchain(model: DockerfileModel): ToolchainHit | undefined {
  const stage = model.stages[0];
  const eco = detectEcosystem(model);
  const fromImage = imageEcosystem(stage?.image);
  if (stage?.image && fromImage) return { kind: 'image', what: stage.image.raw, ecosystem: eco ?? fromImage, range: stage.image.range };
  const hits: { start: number; hit: ToolchainHit }[] = [];
  const tool = packageInstalls(model).flatMap((i) => i.packages).find((p) => TOOLCHAIN_PACKAGE.test(p.name));
  if (tool) {
    const range = model.rangeOf(tool.word.start, tool.word.end);
    hits.push({ start: tool.word.start, hit: { kind: 'package', what: tool.name, ecosystem: eco ?? 'c', range } });
  }
  for (const { cmd } of commands(model)) {
    const e = buildCommandEcosystem(cmd);
    if (!e) continue;
    const pos = positionals(cmd);
    const what = [cmd.nameWord, ...pos.slice(0, /^run/.test(pos[0]?.value) ? 2 : 1)].map((w) => w.value).join(' ');
    hits.push({ start: cmd.nameWord.start, hit: { kind: 'build', what, ecosystem: eco ?? e, range: model.rangeOf(cmd.nameWord.start, cmd.nameWord.end) } });
    break;
  }
  return hits.sort((a, b) => a.start - b.start)[0]?.hit;
}

function hasToolchainPackages(model: DockerfileModel): boolean {
  return packageInstalls(model).some((i) => i.packages.some((p) => TOOLCHAIN_PACKAGE.test(p.name)));
}

/** Which conversion template fits the (last) stage, or undefined when nothing is built in it. */
export function detectEcosystem(model: DockerfileModel): Ecosystem | undefined {
  const stage = model.stages[model.stages.length - 1];
  if (!stage) return undefined;
  const builds = new Set<Ecosystem>();
  for (const { cmd } of commands(model)) {
    const e = buildCommandEcosystem(cmd);
    if (e) builds.add(e);
  }
  const image = imageEcosystem(stage.image);
  for (const eco of ['go', 'rust', 'java'] as const) if (builds.has(eco) || image === eco) return eco;
  const tools = hasToolchainPackages(model);
  const name = stage.image?.name;
  if (name === 'node' && (builds.has('node') || tools)) return 'node';
  if (name === 'python' && [...commands(model)].some(({ cmd }) => isPipInstall(cmd))) return 'python';
  return tools || image === 'c' || builds.size ? 'c' : undefined;
}

// ---------------------------------------------------------------- conversion

interface Facts {
  model: DockerfileModel;
  stage: Stage;
  image: ImageRef;
  /** The working directory each instruction runs in. */
  wdBefore: Map<Instruction, string>;
  finalWd: string;
  hasWorkdir: boolean;
  context?: BuildContext;
}

interface Plan {
  f: Facts;
  /** Document-offset edits inside builder instructions. */
  edits: { start: number; end: number; text: string }[];
  /** Lines inserted into the builder before an instruction (and its comments). */
  before: Map<Instruction, string[]>;
  /** Lines appended to the builder. */
  append: string[];
  runtimeImage: string;
  /** Runtime lines between FROM and the instructions moved from the original. */
  body: string[];
  /** Replacement lines for moved instructions (null drops one). */
  transform: Map<Instruction, string[] | null>;
  /** Lines after the moved instructions. */
  tail: string[];
}

/**
 * Rewrites a single-stage Dockerfile into a `build` stage and a slim runtime stage that copies only the
 * artifacts; null when the file is not single-stage or no template fits. Requires initShellParser().
 */
export function convertToMultiStage(text: string, context?: BuildContext): string | null {
  const model = buildModel(text);
  const stage = model.stages[0];
  if (model.stages.length !== 1 || !stage.image || stage.image.name === 'scratch') return null;
  const eco = detectEcosystem(model);
  if (!eco) return null;
  const wdBefore = new Map<Instruction, string>();
  let wd = '/';
  let hasWorkdir = false;
  for (const ins of stage.instructions) {
    wdBefore.set(ins, wd);
    const path = ins.getKeyword() === 'WORKDIR' ? (ins as Workdir).getPath()?.replace(/^["']|["']$/g, '') : undefined;
    if (path) {
      wd = resolvePath(wd, path);
      hasWorkdir = true;
    }
  }
  const f: Facts = { model, stage, image: stage.image, wdBefore, finalWd: wd, hasWorkdir, context };
  const plan: Plan = { f, edits: [], before: new Map(), append: [], runtimeImage: '', body: [], transform: new Map(), tail: [] };
  if (!TEMPLATES[eco](plan)) return null;
  const out = render(plan);
  return buildModel(out).stages.length === 2 ? out : null;
}

const TEMPLATES: Record<Ecosystem, (p: Plan) => boolean> = { go: goTemplate, rust: rustTemplate, java: javaTemplate, node: nodeTemplate, python: pythonTemplate, c: genericTemplate };

function goTemplate(p: Plan): boolean {
  const { model } = p.f;
  const builds = [...commands(model)].filter(({ cmd }) => cmd.program === 'go' && positionals(cmd)[0]?.value === 'build');
  if (!builds.length) return goRunTemplate(p);
  if (builds.some(({ run }) => run.execForm)) return false;
  const bins: Binary[] = [];
  let cgo = false;
  let cgoSet = false;
  for (const { run, cmd } of builds) {
    const wd = dirAt(p, run, cmd);
    const buildWord = positionals(cmd)[0];
    let out: string | undefined;
    let pkg: string | undefined;
    for (let i = cmd.args.indexOf(buildWord) + 1; i < cmd.args.length; i++) {
      const m = /^--?([\w-]+)(?:=(.*))?$/.exec(cmd.args[i].value);
      if (!m) pkg ??= cmd.args[i].value;
      else if (m[1] === 'o') out = m[2] ?? cmd.args[++i]?.value;
      else if (m[2] === undefined && GO_VALUE_FLAGS.has(m[1])) i++;
    }
    let path: string;
    if (out !== undefined) {
      if (out.endsWith('/') || out.includes('$')) return false;
      path = resolvePath(wd, out);
    } else {
      path = `/out/${goPackageName(pkg) ?? commandName(p) ?? 'app'}`;
      p.edits.push({ start: buildWord.end, end: buildWord.end, text: ` -o ${path}` });
    }
    bins.push({ name: baseName(path), path });
    const setting = cgoSetting(p, run, cmd);
    if (setting === undefined && !cgoSet) {
      add(p.before, run.instruction, 'ENV CGO_ENABLED=0');
      cgoSet = true;
    }
    cgo ||= setting !== undefined && setting !== '0';
  }
  return binaryRuntime(p, bins, `gcr.io/distroless/${cgo ? 'base' : 'static'}-debian12:nonroot`);
}

const GO_VALUE_FLAGS = new Set(['ldflags', 'gcflags', 'asmflags', 'gccgoflags', 'tags', 'mod', 'modfile', 'p', 'buildmode', 'compiler', 'installsuffix', 'overlay', 'pkgdir', 'toolexec', 'pgo', 'C']);

/** The binary name `go build` derives from a package argument (`./cmd/server` → `server`). */
function goPackageName(pkg: string | undefined): string | undefined {
  if (!pkg || pkg.includes('...')) return undefined;
  const name = baseName(pkg.replace(/\.go$/, ''));
  return /^[\w.-]+$/.test(name) && name !== '.' && name !== '..' ? name : undefined;
}

/** The directory a command runs in: the RUN's WORKDIR, changed by `cd` commands before it in the same RUN. */
function dirAt(p: Plan, run: RunInfo, cmd: ShellCommand): string {
  let dir = p.f.wdBefore.get(run.instruction) ?? '/';
  for (const c of commandsOf(run)) {
    if (c.start >= cmd.start) break;
    const to = c.program === 'cd' ? c.args[0]?.value : undefined;
    if (to && !to.includes('$') && to !== '-') dir = resolvePath(dir, to);
  }
  return dir;
}

/** CGO_ENABLED as set by an ENV/ARG before the RUN (or anywhere) or an assignment in front of the command. */
function cgoSetting(p: Plan, run?: RunInfo, cmd?: ShellCommand): string | undefined {
  let value: string | undefined;
  for (const ins of p.f.stage.instructions) {
    if (ins === run?.instruction) break;
    if (ins.getKeyword() === 'ENV' || ins.getKeyword() === 'ARG') {
      for (const prop of properties(ins)) if (prop.getName() === 'CGO_ENABLED') value = prop.getValue() ?? '';
    }
  }
  const inline = run && cmd ? [...p.f.model.text.slice(run.scriptStart, cmd.nameWord.start).matchAll(/\bCGO_ENABLED=["']?(\w*)/g)] : [];
  return inline.length ? inline[inline.length - 1][1] : value;
}

/** `CMD ["go", "run", "."]`: the builder gets a `go build` and the command runs the binary instead. */
function goRunTemplate(p: Plan): boolean {
  const { model, stage } = p.f;
  const { entrypoint, cmd } = lastCommands(stage);
  const main = entrypoint ?? cmd;
  const form = main && commandForm(model, main);
  if (!main || !form || (!form.exec && !form.simple) || baseName(form.words[0].value) !== 'go' || form.words[1]?.value !== 'run') return false;
  const values = form.words.map((w) => w.value);
  let i = 2;
  while (values[i]?.startsWith('-')) i += GO_VALUE_FLAGS.has(values[i].replace(/^--?/, '')) ? 2 : 1;
  const flags = values.slice(2, i);
  let j = i + 1;
  while (values[i]?.endsWith('.go') && values[j]?.endsWith('.go')) j++;
  const sources = values.slice(i, j);
  if (!sources.length || [...flags, ...sources].some((v) => v.includes('$'))) return false;
  const name = sources.length === 1 ? goPackageName(sources[0].replace(/\.go$/, '')) ?? 'app' : 'app';
  const setting = cgoSetting(p);
  if (setting === undefined) p.append.push('ENV CGO_ENABLED=0');
  p.append.push(`RUN go build ${[...flags, '-o', `/out/${name}`, ...sources].map(shellQuote).join(' ')}`);
  const ok = binaryRuntime(p, [{ name, path: `/out/${name}` }], `gcr.io/distroless/${setting && setting !== '0' ? 'base' : 'static'}-debian12:nonroot`, true);
  if (ok) p.transform.set(main, [execText(model, main, form, [`/app/${name}`, ...values.slice(j)])]);
  return ok;
}

function rustTemplate(p: Plan): boolean {
  const builds = [...commands(p.f.model)].filter(({ cmd }) => cmd.program === 'cargo' && positionals(cmd)[0]?.value === 'build');
  const last = builds[builds.length - 1];
  if (!last || p.f.model.text.includes('CARGO_TARGET_DIR')) return false;
  const { cmd, run } = last;
  const opt = (name: string) => cmd.args[cmd.args.findIndex((a) => a.value === name) + 1]?.value;
  const profile = hasOption(cmd, '--release', '-r') ? 'release' : cmd.args.some((a) => a.value === '--profile') ? opt('--profile') : 'debug';
  const target = cmd.args.some((a) => a.value === '--target') ? `${opt('--target')}/` : '';
  const name = cmd.args.some((a) => a.value === '--bin') ? opt('--bin') : commandName(p);
  if (!name || !profile || profile.includes('$') || target.includes('$')) return false;
  const dir = `target/${target}${profile === 'dev' ? 'debug' : profile}`;
  const path = resolvePath(dirAt(p, run, cmd), `${dir}/${name}`);
  const musl = (p.f.image.tag ?? '').includes('alpine') || target.includes('musl');
  return binaryRuntime(p, [{ name, path }], `gcr.io/distroless/${musl ? 'static' : 'cc'}-debian12:nonroot`);
}

interface Binary {
  name: string;
  path: string;
}

/** The distroless runtime of a compiled binary: exec-form commands pointed at /app/<name>, no shell-dependent HEALTHCHECK. */
function binaryRuntime(p: Plan, bins: Binary[], image: string, mainDone = false): boolean {
  const { model } = p.f;
  p.runtimeImage = image;
  p.body.push(...runtimeEnvs(p, (n) => n === 'PATH'));
  for (const b of bins) p.body.push(`COPY --from=build ${b.path} /app/${b.name}`);
  const binOf = (v: string) => bins.find((b) => baseName(v) === b.name);
  const { entrypoint, cmd } = lastCommands(p.f.stage);
  const main = entrypoint ?? cmd;
  for (const ins of [entrypoint, cmd]) {
    if (!ins) continue;
    const form = commandForm(model, ins);
    if (!form || (!form.exec && !form.simple)) return false;
    const replace = new Map<number, string>();
    if (ins === main) {
      if (mainDone) continue;
      const bin = binOf(form.words[0].value);
      if (!bin) return false;
      replace.set(0, `/app/${bin.name}`);
    }
    p.transform.set(ins, [rewriteCommand(model, ins, form, replace, true)]);
  }
  if (!main) p.tail.push(`ENTRYPOINT ["/app/${bins[bins.length - 1].name}"]`);
  for (const ins of p.f.stage.instructions) {
    if (ins.getKeyword() === 'HEALTHCHECK' && !/^NONE$/i.test((ins as Healthcheck).getSubcommand()?.getValue() ?? '')) {
      const form = commandForm(model, ins);
      const bin = form && (form.exec || form.simple) ? binOf(form.words[0].value) : undefined;
      p.transform.set(ins, bin && form ? [rewriteCommand(model, ins, form, new Map([[0, `/app/${bin.name}`]]), true)] : [
        '# distroless has no shell or curl to run this HEALTHCHECK:',
        ...instructionText(model, ins).split(/\r?\n/).map((l) => `# ${l}`),
      ]);
    }
    if (ins.getKeyword() === 'SHELL') p.transform.set(ins, null);
    const user = ins.getKeyword() === 'USER' ? ins.getArguments()[0]?.getValue().split(':')[0] : undefined;
    if (user && !/^(?:root|nonroot|\d+)$/.test(user)) {
      p.transform.set(ins, [`# distroless has no "${user}" user; run as its nonroot user`, 'USER nonroot']);
    }
  }
  return true;
}

function javaTemplate(p: Plan): boolean {
  const { model, image } = p.f;
  const tag = image.tag ?? '';
  const m = (/^(?:openjdk|eclipse-temurin|amazoncorretto|sapmachine)$/.test(image.name) && /^(\d+)/.exec(tag)) || /(?:jdk|temurin|openjdk|corretto|java)-?(\d+)/i.exec(tag);
  p.runtimeImage = `eclipse-temurin:${m ? m[1] : '21'}-jre${tag.includes('alpine') ? '-alpine' : ''}`;
  const build = [...commands(model)].find(({ cmd }) => buildCommandEcosystem(cmd) === 'java');
  runtimeSetup(p, family(p.runtimeImage));
  if (!build) return copyWorkdir(p, false);
  const { entrypoint, cmd } = lastCommands(p.f.stage);
  const main = entrypoint ?? cmd;
  const form = main && commandForm(model, main);
  const jarAt = form && form.words[0] && baseName(form.words[0].value) === 'java' ? form.words.findIndex((w) => w.value === '-jar') + 1 : -1;
  if (main && (!form || jarAt <= 0 || !form.words[jarAt])) return false;
  const wd = dirAt(p, build.run, build.cmd);
  const named = form?.words[jarAt]?.value;
  const jar = named && !/[$*?]/.test(named) ? resolvePath(p.f.finalWd, named) : resolvePath(wd, /^gradle/.test(build.cmd.program) ? 'build/libs/*.jar' : 'target/*.jar');
  p.body.push(`COPY ${chown(p)}--from=build ${jar} /app/app.jar`);
  if (main && form) p.transform.set(main, [rewriteCommand(model, main, form, new Map([[jarAt, '/app/app.jar']]), false)]);
  else p.tail.push('ENTRYPOINT ["java", "-jar", "/app/app.jar"]');
  return true;
}

const NODE_MANIFEST = /^(?:\.\/)?(?:package(?:-lock)?\.json|package\*\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|pnpm-workspace\.yaml|\.npmrc|\.yarnrc(?:\.yml)?)$/;

function nodeTemplate(p: Plan): boolean {
  const { model, image, stage } = p.f;
  const all = [...commands(model)];
  const build = all.find(({ cmd }) => buildCommandEcosystem(cmd) === 'node');
  const pm = build?.cmd.program ?? all.find(({ cmd }) => /^(?:yarn|pnpm)$/.test(cmd.program))?.cmd.program ?? 'npm';
  const native = hasToolchainPackages(model);
  if (!build && !native) return false;
  const tag = image.tag ?? '';
  const major = /^\d+/.exec(tag)?.[0] ?? (/^(?:lts|current)/.exec(tag)?.[0] || undefined);
  p.runtimeImage = `${imagePrefix(image)}:${major ? `${major}-` : ''}${tag.includes('alpine') ? 'alpine' : 'slim'}`;
  const setsNodeEnv = stage.instructions.some((i) => i.getKeyword() === 'ENV' && properties(i).some((pr) => pr.getName() === 'NODE_ENV'));
  // python3 is there for node-gyp.
  runtimeSetup(p, family(p.runtimeImage), setsNodeEnv ? [] : ['ENV NODE_ENV=production'], /^python3?$/);
  const prune = pm === 'npm' ? 'npm prune --omit=dev' : pm === 'pnpm' ? 'pnpm prune --prod' : undefined;
  if (!build) {
    // Native modules were compiled in the builder: prune devDependencies there and ship the whole app.
    if (!prune) return false;
    p.append.push(`RUN ${prune}`);
    return copyWorkdir(p, false);
  }
  const manifests = stage.instructions.filter((i) => i.getKeyword() === 'COPY' && !flag(i, 'from') && copySources(i).length && copySources(i).every((s) => NODE_MANIFEST.test(s)));
  const wd = dirAt(p, build.run, build.cmd);
  const own = chown(p);
  if (manifests.length) p.body.push(...manifests.map((i) => replicateCopy(p, i)));
  else p.body.push(`COPY ${own}${pm === 'npm' ? 'package*.json' : `package.json ${pm === 'yarn' ? 'yarn.lock' : 'pnpm-lock.yaml'}`} ./`);
  if (native && prune) {
    p.append.push(`RUN ${prune}`);
    p.body.push(`COPY ${own}--from=build ${join(wd, 'node_modules')} ./node_modules`);
  } else {
    const installs = pm === 'npm' ? ['ci', 'install', 'i'] : pm === 'yarn' ? ['', 'install'] : ['install', 'i'];
    const install = all.find(({ cmd }) => cmd.program === pm && installs.includes(positionals(cmd)[0]?.value ?? ''))?.cmd;
    const setup = all.filter(({ cmd }) => cmd.program === 'corepack' || (cmd.program === 'npm' && hasOption(cmd, '-g', '--global') && cmd.args.some((a) => /^(?:pnpm|yarn)(?:@|$)/.test(a.value))));
    const prod =
      pm === 'pnpm' ? 'pnpm install --prod --frozen-lockfile'
      : pm === 'yarn' ? (install && hasOption(install, '--immutable') ? 'yarn workspaces focus --all --production' : 'yarn install --frozen-lockfile --production')
      : `npm ${install && positionals(install)[0]?.value !== 'ci' ? 'install' : 'ci'} --omit=dev`;
    p.body.push(`RUN ${[...setup.map(({ cmd }) => model.text.slice(cmd.start, cmd.end)), prod].join(' && ')}`);
  }
  const out = nodeOutDir(p, build.cmd);
  p.body.push(`COPY ${own}--from=build ${join(wd, out)} ./${out}`);
  // An entry script outside the build output (`node server.js`) is needed too.
  const { entrypoint, cmd } = lastCommands(stage);
  const form = (entrypoint ?? cmd) && commandForm(model, (entrypoint ?? cmd)!);
  const script = form && /^node(?:js)?$/.test(baseName(form.words[0]?.value ?? '')) ? form.words.slice(1).find((w) => !w.value.startsWith('-'))?.value : undefined;
  const abs = script && !script.includes('$') ? resolvePath(p.f.finalWd, script) : undefined;
  const rel = abs?.startsWith(wd === '/' ? '/' : `${wd}/`) ? abs.slice(wd === '/' ? 1 : wd.length + 1) : undefined;
  if (rel && /\.[cm]?[jt]s$/.test(rel) && !rel.startsWith(`${out}/`)) p.body.push(`COPY ${own}--from=build ${abs} ./${rel}`);
  return true;
}

/** The folder a Node build writes: from the package.json script when known, else from the commands, else dist. */
function nodeOutDir(p: Plan, build: ShellCommand): string {
  const scripts = readJson(p.f.context, 'package.json')?.scripts as Record<string, string> | undefined;
  const pos = positionals(build).map((w) => w.value);
  const name = pos[0] === 'run' || pos[0] === 'run-script' ? pos[1] : pos[0];
  const words = [
    ...(typeof scripts?.[name] === 'string' ? scripts[name].split(/\s+/) : []),
    ...[...commands(p.f.model)].flatMap(({ cmd }) => [cmd.nameWord, ...cmd.args].map((w) => w.value)),
  ];
  for (let i = 0; i < words.length; i++) {
    const outDir = /^--(?:outDir|out-dir|output-path)(?:=(.+))?$/.exec(words[i]);
    if (outDir) return (outDir[1] ?? words[i + 1] ?? 'dist').replace(/^\.\//, '').replace(/\/$/, '');
    if (words[i] === 'next' && words[i + 1] === 'build') return '.next';
    if (/^(?:react-scripts|remix)$/.test(words[i]) && words[i + 1] === 'build') return 'build';
  }
  const { entrypoint, cmd } = lastCommands(p.f.stage);
  for (const ins of [entrypoint, cmd]) {
    const form = ins && commandForm(p.f.model, ins);
    for (const w of form?.words ?? []) {
      const dir = /^(?:\.\/)?(dist|build|\.next|out|lib)\//.exec(w.value);
      if (dir) return dir[1];
      if (w.value === 'next' && form?.words.some((x) => x.value === 'start')) return '.next';
    }
  }
  return 'dist';
}

const PY_DEPENDENCY_FILE = /^(?:\.\/)?(?:requirements[\w.-]*\.(?:txt|in)|constraints[\w.-]*\.txt|Pipfile(?:\.lock)?|poetry\.lock|pyproject\.toml|setup\.(?:py|cfg)|uv\.lock)$/;

function isPipInstall(cmd: ShellCommand): boolean {
  if (/^pip(?:3(?:\.\d+)?)?$/.test(cmd.program)) return positionals(cmd)[0]?.value === 'install';
  if (!/^python(?:3(?:\.\d+)?)?$/.test(cmd.program)) return false;
  const m = cmd.args.findIndex((a) => a.value === '-m');
  return m >= 0 && cmd.args[m + 1]?.value === 'pip' && cmd.args.slice(m + 2).find((a) => !a.value.startsWith('-'))?.value === 'install';
}

function pythonTemplate(p: Plan): boolean {
  const { model, image, stage } = p.f;
  const all = [...commands(model)];
  const pips = all.filter(({ cmd }) => isPipInstall(cmd));
  if (!pips.length || pips.some(({ run }) => run.execForm)) return false;
  const made = all.find(({ cmd }) => (/^python/.test(cmd.program) && cmd.args[0]?.value === '-m' && cmd.args[1]?.value === 'venv') || cmd.program === 'virtualenv');
  let venv = '/opt/venv';
  if (made) {
    const args = made.cmd.program === 'virtualenv' ? made.cmd.args : made.cmd.args.slice(2);
    const dir = args.find((a) => !a.value.startsWith('-'))?.value;
    if (!dir || dir.includes('$')) return false;
    venv = resolvePath(p.f.wdBefore.get(made.run.instruction) ?? '/', dir);
  } else {
    // Created as root, before a USER the installs run as, and handed over to that user.
    const at = stage.instructions.indexOf(pips[0].run.instruction);
    const user = stage.instructions.slice(0, at).filter((i) => i.getKeyword() === 'USER').pop();
    const owner = user?.getArguments()[0]?.getValue();
    const nonRoot = owner && !/^(?:root|0)(?::|$)/.test(owner);
    add(p.before, nonRoot && user ? user : pips[0].run.instruction, `RUN python -m venv /opt/venv${nonRoot ? ` && chown -R ${owner} /opt/venv` : ''}`, 'ENV PATH=/opt/venv/bin:$PATH');
  }
  // `pip install --user` is refused inside a venv.
  for (const { cmd } of pips) {
    const i = cmd.args.findIndex((a) => a.value === '--user');
    if (i >= 0) p.edits.push({ start: (cmd.args[i - 1] ?? cmd.nameWord).end, end: cmd.args[i].end, text: '' });
  }
  p.runtimeImage = pythonSlim(image);
  const fam = family(p.runtimeImage);
  p.body.push(...packageLines(p, fam), ...userLines(p), `COPY --from=build ${venv} ${venv}`);
  const pathSet = stage.instructions.some((i) => i.getKeyword() === 'ENV' && properties(i).some((pr) => pr.getName() === 'PATH' && (pr.getValue() ?? '').includes(venv)));
  if (!pathSet) p.body.push(`ENV PATH=${venv}/bin:$PATH`);
  if (p.f.hasWorkdir) p.body.push(`WORKDIR ${p.f.finalWd}`);
  p.body.push(...runtimeEnvs(p));
  const app = stage.instructions.filter((i) => /^(?:COPY|ADD)$/.test(i.getKeyword()) && !flag(i, 'from') && !copySources(i).every((s) => PY_DEPENDENCY_FILE.test(s)));
  p.body.push(...app.map((i) => replicateCopy(p, i)));
  return true;
}

function genericTemplate(p: Plan): boolean {
  const { image } = p.f;
  const tag = image.tag;
  const codename = /^(bookworm|bullseye|buster|trixie)/.exec(tag ?? '')?.[1];
  const prefix = imagePrefix(image);
  switch (image.name) {
    case 'debian':
      p.runtimeImage = !tag || tag === 'latest' ? 'debian:stable-slim' : tag.includes('slim') ? `${prefix}:${tag}` : `${prefix}:${tag}-slim`;
      break;
    case 'gcc':
    case 'buildpack-deps':
      p.runtimeImage = `debian:${codename ?? '12'}-slim`;
      break;
    case 'python':
      p.runtimeImage = pythonSlim(image);
      break;
    default:
      // ubuntu, alpine, fedora …: the same base without the toolchain packages.
      p.runtimeImage = image.raw;
  }
  const installs = packageInstalls(p.f.model);
  const fam = /^(?:ubuntu|debian|gcc|buildpack-deps|python|node)$/.test(image.name) ? family(p.runtimeImage) : image.name === 'alpine' ? 'apk' : installs[0]?.family ?? 'apt';
  runtimeSetup(p, fam);
  return copyWorkdir(p, true);
}

/** Runtime packages, users, WORKDIR and runtime ENV: the common start of a runtime stage with a shell. */
function runtimeSetup(p: Plan, fam: Family, env: string[] = [], buildOnly?: RegExp): void {
  p.body.push(...packageLines(p, fam, buildOnly), ...userLines(p));
  if (p.f.hasWorkdir) p.body.push(`WORKDIR ${p.f.finalWd}`);
  p.body.push(...env, ...runtimeEnvs(p));
}

/** The slim variant of a python image tag (`3.12` → `3.12-slim`, `3.12-bookworm` → `3.12-slim-bookworm`). */
function pythonSlim(image: ImageRef): string {
  const tag = image.tag ?? '';
  const slim = !tag || tag === 'latest' ? 'slim' : /slim|alpine/.test(tag) ? tag : tag.replace(/^([\d.]+)(?:-(.+))?$/, (_m, v: string, rest?: string) => `${v}-slim${rest ? `-${rest}` : ''}`);
  return `${imagePrefix(image)}:${slim}`;
}

/** Copies the working directory (or the COPY destinations when there is none) from the builder. */
function copyWorkdir(p: Plan, todo: boolean): boolean {
  const { stage, wdBefore, finalWd } = p.f;
  const paths: string[] = [];
  if (finalWd !== '/') paths.push(finalWd);
  else {
    for (const ins of stage.instructions) {
      if (!/^(?:COPY|ADD)$/.test(ins.getKeyword()) || flag(ins, 'from')) continue;
      const args = ins.getArguments();
      const dest = args.length > 1 ? resolvePath(wdBefore.get(ins) ?? '/', args[args.length - 1].getValue()) : '/';
      if (dest === '/' || dest.includes('$')) return false;
      if (!paths.some((x) => dest === x || dest.startsWith(`${x}/`))) paths.push(dest);
    }
  }
  if (!paths.length) return false;
  const installsToUsrLocal = [...commands(p.f.model)].some(({ cmd }) => {
    const pos = positionals(cmd).map((w) => w.value);
    return ((cmd.program === 'make' || cmd.program === 'ninja') && pos.includes('install')) || (cmd.program === 'cmake' && hasOption(cmd, '--install')) || (isPipInstall(cmd) && !hasOption(cmd, '--user'));
  });
  if (todo) {
    if (installsToUsrLocal) paths.push('/usr/local');
    p.body.push('# TODO: copy only the built artifacts');
  }
  p.body.push(...paths.map((x) => `COPY ${x === '/usr/local' ? '' : chown(p)}--from=build ${x} ${x}`));
  return true;
}

/** Reinstalls the packages the original installed that are not build tools, with the libraries `-dev` packages need. */
function packageLines(p: Plan, fam: Family, buildOnly?: RegExp): string[] {
  const names: string[] = [];
  let program = 'dnf';
  for (const inst of packageInstalls(p.f.model)) {
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

/** The original's user and group creation, so USER and --chown work in the runtime stage. */
function userLines(p: Plan): string[] {
  const cmds = [...commands(p.f.model)].filter(({ run, cmd }) => !run.execForm && /^(?:useradd|adduser|groupadd|addgroup)$/.test(cmd.program));
  return cmds.length ? [`RUN ${cmds.map(({ cmd }) => p.f.model.text.slice(cmd.start, cmd.end)).join(' && ')}`] : [];
}

const BUILD_ENV = /^(?:CGO_ENABLED|GOOS|GOARCH|GOARM|GOAMD64|GOFLAGS|GOPROXY|GOPRIVATE|GONOPROXY|GONOSUMDB|GOSUMDB|GOINSECURE|GOPATH|GOROOT|GOBIN|GOCACHE|GOMODCACHE|GO111MODULE|GOTOOLCHAIN|GOEXPERIMENT|DEBIAN_FRONTEND|PIP_\w+|POETRY_\w+|npm_config_\w+|NPM_CONFIG_\w+|YARN_\w+|MAVEN_\w+|GRADLE_\w+|JAVA_HOME|CARGO_\w+|RUSTUP_\w+|RUSTFLAGS|CC|CXX|CFLAGS|CXXFLAGS|CPPFLAGS|LDFLAGS|MAKEFLAGS|PKG_CONFIG_PATH)$/;

/** The original ENV instructions, minus variables only the build uses. */
function runtimeEnvs(p: Plan, drop: (name: string) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const ins of p.f.stage.instructions) {
    if (ins.getKeyword() !== 'ENV') continue;
    const props = properties(ins);
    const keep = props.filter((pr) => !BUILD_ENV.test(pr.getName()) && !drop(pr.getName()));
    if (keep.length === props.length && keep.length) out.push(instructionText(p.f.model, ins));
    else if (keep.length) out.push(`ENV ${keep.map((pr) => p.f.model.doc.getText(pr.getRange())).join(' ')}`);
  }
  return out;
}

/** A COPY/ADD of the original, with a relative destination made absolute when it ran in another WORKDIR. */
function replicateCopy(p: Plan, ins: Instruction): string {
  const { model, wdBefore, finalWd } = p.f;
  const text = instructionText(model, ins);
  const args = ins.getArguments();
  const dest = args[args.length - 1];
  const wd = wdBefore.get(ins) ?? '/';
  if (args.length < 2 || wd === finalWd || /^[/$[]/.test(dest.getValue()) || text.includes('<<')) return text;
  const abs = resolvePath(wd, dest.getValue()) + (/(?:^\.|\/)$/.test(dest.getValue()) ? '/' : '');
  const insStart = model.offsetAt(ins.getRange().start);
  const [s, e] = [model.offsetAt(dest.getRange().start) - insStart, model.offsetAt(dest.getRange().end) - insStart];
  return text.slice(0, s) + abs + text.slice(e);
}

/** `--chown=<owner> ` as the original's first COPY --chown used it, or ''. */
function chown(p: Plan): string {
  const owner = p.f.stage.instructions.map((i) => (/^(?:COPY|ADD)$/.test(i.getKeyword()) ? flag(i, 'chown') : undefined)).find(Boolean);
  return owner ? `--chown=${owner} ` : '';
}

function family(image: string): Family {
  return image.includes('alpine') ? 'apk' : 'apt';
}

// ---------------------------------------------------------------- commands (CMD, ENTRYPOINT, HEALTHCHECK)

interface CommandForm {
  exec: boolean;
  /** Words with document offsets (JSON strings including their quotes). */
  words: { value: string; start: number; end: number }[];
  /** A shell-form command that converts to exec form unchanged: one plain command, no expansions. */
  simple: boolean;
  start: number;
  end: number;
}

function lastCommands(stage: Stage): { entrypoint?: Instruction; cmd?: Instruction } {
  const last = (k: string) => stage.instructions.filter((i) => i.getKeyword() === k).pop();
  return { entrypoint: last('ENTRYPOINT'), cmd: last('CMD') };
}

/** The command of a CMD, ENTRYPOINT or HEALTHCHECK CMD, in exec or shell form. */
function commandForm(model: DockerfileModel, ins: Instruction): CommandForm | undefined {
  let start: number;
  if (ins.getKeyword() === 'HEALTHCHECK') {
    const sub = (ins as Healthcheck).getSubcommand();
    if (!sub || sub.getValue().toUpperCase() !== 'CMD') return undefined;
    start = model.offsetAt(sub.getRange().end);
  } else {
    const r = ins.getArgumentsRange();
    if (!r) return undefined;
    start = model.offsetAt(r.start);
  }
  const end = model.offsetAt(ins.getRange().end);
  const flat = blankContinuations(model.text.slice(start, end), model.escape, false);
  if (flat.trimStart().startsWith('[')) {
    try {
      const values: unknown = JSON.parse(flat);
      const spans = [...flat.matchAll(/"(?:[^"\\]|\\.)*"/g)];
      if (Array.isArray(values) && values.length === spans.length && values.every((v) => typeof v === 'string') && values.length) {
        const words = spans.map((s, i) => ({ value: values[i] as string, start: start + (s.index ?? 0), end: start + (s.index ?? 0) + s[0].length }));
        return { exec: true, words, simple: true, start, end };
      }
    } catch {
      // Not valid JSON: Docker runs it through a shell.
    }
  }
  const script = parseShell(flat, start);
  const cmd = script.commands[0];
  if (!cmd) return undefined;
  const simple = script.commands.length === 1 && !script.hasPipe && !script.hasError && !/[$`;&|<>*?(){}\\]/.test(flat) && !cmd.assignments.length && cmd.wrappers.every((w) => w.value === 'exec');
  return { exec: false, words: [cmd.nameWord, ...cmd.args], simple, start, end };
}

/** The instruction with some words replaced; shell form becomes exec form when `toExec` (no shell at run time). */
function rewriteCommand(model: DockerfileModel, ins: Instruction, form: CommandForm, replace: Map<number, string>, toExec: boolean): string {
  const insStart = model.offsetAt(ins.getRange().start);
  const text = model.text.slice(insStart, form.end);
  if (toExec && !form.exec) return execText(model, ins, form, form.words.map((w, i) => replace.get(i) ?? w.value));
  let out = text;
  for (const [i, v] of [...replace].sort((a, b) => b[0] - a[0])) {
    const w = form.words[i];
    out = out.slice(0, w.start - insStart) + (form.exec ? JSON.stringify(v) : shellQuote(v)) + out.slice(w.end - insStart);
  }
  return out;
}

/** The instruction (keyword and flags kept) with an exec-form command of `values`. */
function execText(model: DockerfileModel, ins: Instruction, form: CommandForm, values: string[]): string {
  const head = model.text.slice(model.offsetAt(ins.getRange().start), form.start).trimEnd();
  return `${head} [${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}

function shellQuote(v: string): string {
  return /^[\w@%+=:,./-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}

/** A name for the built binary from what ENTRYPOINT/CMD runs (`./server` → `server`). */
function commandName(p: Plan): string | undefined {
  const { entrypoint, cmd } = lastCommands(p.f.stage);
  const main = entrypoint ?? cmd;
  const form = main && commandForm(p.f.model, main);
  const name = form?.words[0] && baseName(form.words[0].value);
  return name && /^[\w.-]+$/.test(name) && !/^(?:sh|bash|go|cargo|exec|env)$/.test(name) ? name : undefined;
}

// ---------------------------------------------------------------- rendering

type Role = 'build' | 'move' | 'both';

const RUNTIME_ONLY = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'STOPSIGNAL', 'VOLUME', 'ONBUILD']);
const OVERRIDDEN = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

/** Where an instruction goes: the builder, the runtime stage, or both (USER that the build also runs as). */
function roles(stage: Stage): Map<Instruction, Role | 'drop'> {
  const out = new Map<Instruction, Role | 'drop'>();
  const ins = stage.instructions;
  const lastUser = ins.filter((i) => i.getKeyword() === 'USER').pop();
  ins.forEach((i, n) => {
    const k = i.getKeyword();
    if (RUNTIME_ONLY.has(k)) out.set(i, OVERRIDDEN.has(k) && ins.slice(n + 1).some((j) => j.getKeyword() === k) ? 'drop' : 'move');
    else if (k === 'USER') {
      const buildsAfter = ins.slice(n + 1).some((j) => /^(?:RUN|COPY|ADD|WORKDIR)$/.test(j.getKeyword()));
      out.set(i, i === lastUser ? (buildsAfter ? 'both' : 'move') : 'build');
    } else out.set(i, k === 'SHELL' ? 'both' : 'build');
  });
  return out;
}

function render(p: Plan): string {
  const { model, stage } = p.f;
  const { text, eol } = model;
  const lines = text.split(/\r?\n/);
  const at = (line: number, character = 0) => model.offsetAt({ line, character });
  const fromRange = stage.from.getRange();
  const imageEnd = stage.from.getImageRange()?.end ?? fromRange.end;
  const builder = [`${text.slice(at(fromRange.start.line, fromRange.start.character), model.offsetAt(imageEnd))} AS build`];
  const moved: string[] = [];
  const pushGap = (line: string) => {
    if (line.trim() || builder[builder.length - 1].trim()) builder.push(line);
  };
  const role = roles(stage);
  let prevEnd = fromRange.end.line;
  for (const ins of stage.instructions) {
    const r = ins.getRange();
    let lead = r.start.line;
    while (lead - 1 > prevEnd && lines[lead - 1].trim().startsWith('#')) lead--;
    for (let l = prevEnd + 1; l < lead; l++) pushGap(lines[l]);
    const segStart = at(lead);
    const end = model.offsetAt(r.end);
    const what = role.get(ins);
    if (what === 'build' || what === 'both') {
      builder.push(...(p.before.get(ins) ?? []));
      let seg = text.slice(segStart, end);
      for (const e of [...p.edits].filter((x) => x.start >= segStart && x.end <= end).sort((a, b) => b.start - a.start)) {
        seg = seg.slice(0, e.start - segStart) + e.text + seg.slice(e.end - segStart);
      }
      builder.push(seg);
    }
    if (what === 'move' || what === 'both') {
      const comments = what === 'move' ? lines.slice(lead, r.start.line) : [];
      const replacement = p.transform.get(ins);
      if (replacement !== null) moved.push(...comments, ...(replacement ?? [instructionText(model, ins)]));
    }
    prevEnd = r.end.line;
  }
  builder.push(...p.append);
  const trailing = lines.slice(prevEnd + 1).filter((l) => l.trim().startsWith('#'));
  while (!builder[builder.length - 1].trim()) builder.pop();

  const runtimeLines = [...p.body, ...moved, ...p.tail, ...trailing];
  // Stage-scoped ARGs that the runtime instructions use must be declared again there.
  const used = runtimeLines.join('\n');
  const args = stage.instructions.filter((i) => i.getKeyword() === 'ARG' && properties(i).some((pr) => new RegExp(`\\$\\{?${pr.getName()}\\b`).test(used)));
  const platform = stage.from.getPlatformFlag()?.getValue();
  const runtimeFrom = `FROM ${platform && !platform.includes('BUILDPLATFORM') ? `--platform=${platform} ` : ''}${p.runtimeImage}`;
  const runtime = [runtimeFrom, ...args.map((i) => instructionText(model, i)), ...runtimeLines];
  const header = text.slice(0, at(fromRange.start.line));
  const final = /\r?\n$/.test(text) ? eol : '';
  return `${header}${builder.join(eol)}${eol}${eol}${runtime.join(eol)}${final}`;
}

// ---------------------------------------------------------------- small helpers

function add(map: Map<Instruction, string[]>, ins: Instruction, ...lines: string[]): void {
  map.set(ins, [...(map.get(ins) ?? []), ...lines]);
}

function instructionText(model: DockerfileModel, ins: Instruction): string {
  return model.doc.getText(ins.getRange());
}

function properties(ins: Instruction): Property[] {
  const withProps = ins as unknown as { getProperties?: () => Property[]; getProperty?: () => Property | null };
  if (withProps.getProperties) return withProps.getProperties();
  const one = withProps.getProperty?.();
  return one ? [one] : [];
}

function flag(ins: Instruction, name: string): string | undefined {
  return (ins as Copy).getFlags?.().find((f) => f.getName() === name)?.getValue() ?? undefined;
}

function copySources(ins: Instruction): string[] {
  return ins.getArguments().slice(0, -1).map((a) => a.getValue());
}

function imagePrefix(image: ImageRef): string {
  return image.registry ? `${image.registry}/${image.repository}` : image.repository;
}

function readJson(context: BuildContext | undefined, rel: string): Record<string, unknown> | undefined {
  try {
    const text = context?.readFile(rel);
    return text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function jsonString(raw: string): string | undefined {
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

function resolvePath(wd: string, p: string): string {
  const parts: string[] = [];
  for (const seg of (p.startsWith('/') ? p : `${wd}/${p}`).split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

function join(dir: string, rel: string): string {
  return resolvePath(dir, rel);
}

function baseName(p: string): string {
  const t = p.replace(/\/+$/, '');
  return t.slice(t.lastIndexOf('/') + 1);
}
