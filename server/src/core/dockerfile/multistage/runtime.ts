// Runtime-stage lines that several templates share: packages, users, WORKDIR, ENV and the app's files.
import type { Instruction } from 'dockerfile-ast';
import type { ImageRef } from '../model';
import { hasOption } from '../shell';
import { flag, instructionText, properties } from './instructions';
import { packageLines, type Family } from './packages';
import { resolvePath } from '../paths';
import type { Plan } from './plan';
import { allRunCommands, positionals } from '../commands';
import { pipInstall } from '../package-managers';
import { looksLikeSecret } from '../secret-names';

/** Runtime packages, users, WORKDIR and runtime ENV: the common start of a runtime stage with a shell. */
export function runtimeSetup(p: Plan, fam: Family, env: string[] = [], buildOnly?: RegExp): void {
  p.body.push(...packageLines(p.f.model, fam, buildOnly), ...userLines(p));
  if (p.f.hasWorkdir) p.body.push(`WORKDIR ${p.f.finalWd}`);
  p.body.push(...env, ...runtimeEnvs(p));
}

/** Copies the working directory (or the COPY destinations when there is none) from the builder. */
export function copyWorkdir(p: Plan, todo: boolean): boolean {
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
  const installsToUsrLocal = [...allRunCommands(p.f.model)].some(({ cmd }) => {
    const pos = positionals(cmd).map((w) => w.value);
    return ((cmd.program === 'make' || cmd.program === 'ninja') && pos.includes('install')) || (cmd.program === 'cmake' && hasOption(cmd, '--install')) || (!!pipInstall(cmd) && !hasOption(cmd, '--user'));
  });
  if (todo) {
    if (installsToUsrLocal) paths.push('/usr/local');
    p.body.push('# TODO: copy only the built artifacts');
  }
  p.body.push(...paths.map((x) => `COPY ${x === '/usr/local' ? '' : chown(p)}--from=build ${x} ${x}`));
  return true;
}

/** The original's user and group creation, so USER and --chown work in the runtime stage. */
export function userLines(p: Plan): string[] {
  const cmds = [...allRunCommands(p.f.model)].filter(({ run, cmd }) => !run.execForm && /^(?:useradd|adduser|groupadd|addgroup)$/.test(cmd.program));
  return cmds.length ? [`RUN ${cmds.map(({ cmd }) => p.f.model.text.slice(cmd.start, cmd.end)).join(' && ')}`] : [];
}

const BUILD_ENV = /^(?:CGO_ENABLED|GOOS|GOARCH|GOARM|GOAMD64|GOFLAGS|GOPROXY|GOPRIVATE|GONOPROXY|GONOSUMDB|GOSUMDB|GOINSECURE|GOPATH|GOROOT|GOBIN|GOCACHE|GOMODCACHE|GO111MODULE|GOTOOLCHAIN|GOEXPERIMENT|DEBIAN_FRONTEND|PIP_\w+|POETRY_\w+|npm_config_\w+|NPM_CONFIG_\w+|YARN_\w+|MAVEN_\w+|GRADLE_\w+|JAVA_HOME|CARGO_\w+|RUSTUP_\w+|RUSTFLAGS|CC|CXX|CFLAGS|CXXFLAGS|CPPFLAGS|LDFLAGS|MAKEFLAGS|PKG_CONFIG_PATH)$/;

/**
 * The original ENV instructions, minus variables only the build uses and secret-looking ones (as secret-in-env
 * judges names): those stay in the builder, and a comment says why they are not in the runtime stage.
 */
export function runtimeEnvs(p: Plan, drop: (name: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const secrets: string[] = [];
  for (const ins of p.f.stage.instructions) {
    if (ins.getKeyword() !== 'ENV') continue;
    const props = properties(ins);
    secrets.push(...props.map((pr) => pr.getName()).filter(looksLikeSecret));
    const keep = props.filter((pr) => !BUILD_ENV.test(pr.getName()) && !drop(pr.getName()) && !looksLikeSecret(pr.getName()));
    if (keep.length === props.length && keep.length) out.push(instructionText(p.f.model, ins));
    else if (keep.length) out.push(`ENV ${keep.map((pr) => p.f.model.doc.getText(pr.getRange())).join(' ')}`);
  }
  if (secrets.length) out.unshift(`# ${secrets.join(', ')} ${secrets.length > 1 ? 'look like secrets' : 'looks like a secret'}: not copied into the runtime image; pass ${secrets.length > 1 ? 'them' : 'it'} at run time`);
  return out;
}

/** A COPY/ADD of the original, with a relative destination made absolute when it ran in another WORKDIR. */
export function replicateCopy(p: Plan, ins: Instruction): string {
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
export function chown(p: Plan): string {
  const owner = p.f.stage.instructions.map((i) => (/^(?:COPY|ADD)$/.test(i.getKeyword()) ? flag(i, 'chown') : undefined)).find(Boolean);
  return owner ? `--chown=${owner} ` : '';
}

/** The image's repository with its registry, to which a runtime tag is appended. */
export function imagePrefix(image: ImageRef): string {
  return image.registry ? `${image.registry}/${image.repository}` : image.repository;
}

/** The slim variant of a python image tag (`3.12` → `3.12-slim`, `3.12-bookworm` → `3.12-slim-bookworm`). */
export function pythonSlim(image: ImageRef): string {
  const tag = image.tag ?? '';
  const slim = !tag || tag === 'latest' ? 'slim' : /slim|alpine/.test(tag) ? tag : tag.replace(/^([\d.]+)(?:-(.+))?$/, (_m, v: string, rest?: string) => `${v}-slim${rest ? `-${rest}` : ''}`);
  return `${imagePrefix(image)}:${slim}`;
}
