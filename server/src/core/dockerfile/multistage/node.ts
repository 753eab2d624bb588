// Node.js: the builder runs the build script and a slim node stage gets production dependencies and the output.
import type { BuildContext } from '../../types';
import { hasOption, type ShellCommand } from '../shell';
import { commandForm, lastCommands } from './commands';
import { buildCommandEcosystem } from './detect';
import { copySources, flag, properties } from './instructions';
import { family, hasToolchainPackages } from './packages';
import { basename, resolvePath } from '../paths';
import { dirAt, type Plan } from './plan';
import { allRunCommands, positionals } from '../commands';
import { chown, copyWorkdir, imagePrefix, replicateCopy, runtimeSetup } from './runtime';

const NODE_MANIFEST = /^(?:\.\/)?(?:package(?:-lock)?\.json|package\*\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|pnpm-workspace\.yaml|\.npmrc|\.yarnrc(?:\.yml)?)$/;

/** Fills in the plan for a node image that builds or compiles native modules; false when it does neither. */
export function nodeTemplate(p: Plan): boolean {
  const { model, image, stage } = p.f;
  const all = [...allRunCommands(model)];
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
    // Compiled modules cannot be reinstalled without the toolchain, so they come from the builder.
    p.append.push(`RUN ${prune}`);
    p.body.push(`COPY ${own}--from=build ${resolvePath(wd, 'node_modules')} ./node_modules`);
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
  p.body.push(`COPY ${own}--from=build ${resolvePath(wd, out)} ./${out}`);
  // An entry script outside the build output (`node server.js`) is needed too.
  const { entrypoint, cmd } = lastCommands(stage);
  const form = (entrypoint ?? cmd) && commandForm(model, (entrypoint ?? cmd)!);
  const script = form && /^node(?:js)?$/.test(basename(form.words[0]?.value ?? '')) ? form.words.slice(1).find((w) => !w.value.startsWith('-'))?.value : undefined;
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
    ...[...allRunCommands(p.f.model)].flatMap(({ cmd }) => [cmd.nameWord, ...cmd.args].map((w) => w.value)),
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

function readJson(context: BuildContext | undefined, rel: string): Record<string, unknown> | undefined {
  try {
    const text = context?.readFile(rel);
    return text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
