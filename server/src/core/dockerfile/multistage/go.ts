// Go: the builder runs `go build` (or gets one for `go run`) and a distroless stage runs the binary.
import type { RunInfo } from '../model';
import type { ShellCommand } from '../shell';
import { commandForm, commandName, execText, lastCommands, shellQuote } from './commands';
import { binaryRuntime, type Binary } from './distroless';
import { properties } from './instructions';
import { basename, resolvePath } from '../paths';
import { dirAt, insertBefore, type Plan } from './plan';
import { allRunCommands, positionals } from '../commands';

const GO_VALUE_FLAGS = new Set(['ldflags', 'gcflags', 'asmflags', 'gccgoflags', 'tags', 'mod', 'modfile', 'p', 'buildmode', 'compiler', 'installsuffix', 'overlay', 'pkgdir', 'toolexec', 'pgo', 'C']);

/** Fills in the plan for a Go build; false when the build cannot be rewritten safely. */
export function goTemplate(p: Plan): boolean {
  const { model } = p.f;
  const builds = [...allRunCommands(model)].filter(({ cmd }) => cmd.program === 'go' && positionals(cmd)[0]?.value === 'build');
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
      path = `/out/${goPackageName(pkg) ?? commandName(model, p.f.stage) ?? 'app'}`;
      p.edits.push({ start: buildWord.end, end: buildWord.end, text: ` -o ${path}` });
    }
    bins.push({ name: basename(path), path });
    const setting = cgoSetting(p, run, cmd);
    if (setting === undefined && !cgoSet) {
      insertBefore(p, run.instruction, 'ENV CGO_ENABLED=0');
      cgoSet = true;
    }
    cgo ||= setting !== undefined && setting !== '0';
  }
  return binaryRuntime(p, bins, `gcr.io/distroless/${cgo ? 'base' : 'static'}-debian12:nonroot`);
}

/** The binary name `go build` derives from a package argument (`./cmd/server` → `server`). */
function goPackageName(pkg: string | undefined): string | undefined {
  if (!pkg || pkg.includes('...')) return undefined;
  const name = basename(pkg.replace(/\.go$/, ''));
  return /^[\w.-]+$/.test(name) && name !== '.' && name !== '..' ? name : undefined;
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
  if (!main || !form || (!form.exec && !form.simple) || basename(form.words[0].value) !== 'go' || form.words[1]?.value !== 'run') return false;
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
