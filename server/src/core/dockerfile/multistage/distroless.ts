// The runtime stage of a compiled binary (Go, Rust): distroless, so it has no shell, package manager or named users.
import type { Healthcheck } from 'dockerfile-ast';
import { splitLines } from '../../text';
import { commandForm, lastCommands, rewriteCommand } from './commands';
import { instructionText } from './instructions';
import { basename } from '../paths';
import type { Plan } from './plan';
import { runtimeEnvs } from './runtime';

export interface Binary {
  name: string;
  /** Where the builder writes it. */
  path: string;
}

/** The distroless runtime of a compiled binary: exec-form commands pointed at /app/<name>, no shell-dependent HEALTHCHECK. */
export function binaryRuntime(p: Plan, bins: Binary[], image: string, mainDone = false): boolean {
  const { model } = p.f;
  p.runtimeImage = image;
  p.body.push(...runtimeEnvs(p, (n) => n === 'PATH'));
  for (const b of bins) p.body.push(`COPY --from=build ${b.path} /app/${b.name}`);
  const binOf = (v: string) => bins.find((b) => basename(v) === b.name);
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
        ...splitLines(instructionText(model, ins)).map((l) => `# ${l}`),
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
