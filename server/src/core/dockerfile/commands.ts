// The commands of RUN instructions as rules and the multi-stage converter read them: exec-form words decoded and
// leading `VAR=value` words peeled off, their subcommands and positional words, and what `rm` deletes. What a
// package manager's command does is in package-managers.ts.
import { perModel, type DockerfileModel, type RunInfo } from './model';
import { basename, pathCovers } from './paths';
import type { ShellCommand, ShellWord } from './shell';

/** The decoded value of a JSON string literal, or undefined when it is not one. */
export function jsonValue(raw: string): string | undefined {
  if (!raw.startsWith('"')) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The commands of a RUN with leading `VAR=value` words peeled off (`["DEBIAN_FRONTEND=noninteractive", "apt-get", …]`
 * in exec form, where no shell separates assignments from the command).
 */
export function runCommands(run: RunInfo): readonly ShellCommand[] {
  let list = commandsOfRun.get(run);
  if (!list) {
    list = peeledCommands(run);
    commandsOfRun.set(run, list);
  }
  return list;
}

// Asked for by a score of rules per analysis: computed once per RUN of a model (rules only read them).
const commandsOfRun = new WeakMap<RunInfo, readonly ShellCommand[]>();

function peeledCommands(run: RunInfo): readonly ShellCommand[] {
  return run.script.commands.map((cmd) => {
    let c = cmd;
    while (/^[A-Za-z_][A-Za-z0-9_]*=/.test(c.name) && c.args.length) {
      const [nameWord, ...args] = c.args;
      c = { ...c, name: nameWord.value, program: basename(nameWord.value), nameWord, args, assignments: [...c.assignments, c.nameWord] };
    }
    return c;
  });
}

/** Every command of every RUN, with its RUN, in document order. */
export const allRunCommands: (model: DockerfileModel) => readonly { run: RunInfo; cmd: ShellCommand }[] = perModel((model) =>
  model.runs.flatMap((run) => runCommands(run).map((cmd) => ({ run, cmd }))),
);

/** Commands of the RUNs whose layers ship in the final image, with all commands of their RUN. */
export const finalImageCommands: (model: DockerfileModel) => readonly { run: RunInfo; cmd: ShellCommand; cmds: readonly ShellCommand[] }[] = perModel((model) =>
  model.runs.filter((run) => run.stage.inFinalImage).flatMap((run) => {
    const cmds = runCommands(run);
    return cmds.map((cmd) => ({ run, cmd, cmds }));
  }),
);

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

/** Non-option words at or after `from`, skipping the values of options in `valueOpts`; every word after `--`. */
export function positionals(cmd: ShellCommand, valueOpts: readonly string[] = [], from = 0): ShellWord[] {
  const out: ShellWord[] = [];
  for (let i = from; i < cmd.args.length; i++) {
    const v = cmd.args[i].value;
    if (v === '--') return [...out, ...cmd.args.slice(i + 1)];
    if (v.startsWith('-')) {
      if (valueOpts.includes(v)) i++;
    } else out.push(cmd.args[i]);
  }
  return out;
}

/** Targets of an `rm` command (its non-option arguments). */
export function rmTargets(cmd: ShellCommand): ShellWord[] {
  if (cmd.program !== 'rm') return [];
  const dd = cmd.args.findIndex((a) => a.value === '--');
  return cmd.args.filter((a, i) => (dd >= 0 && i > dd) || (!a.value.startsWith('-') && (dd < 0 || i < dd)));
}

/** True when a later command of the RUN (after `after`) removes `dir` with rm. */
export function removedLater(cmds: readonly ShellCommand[], after: ShellCommand, dir: string): boolean {
  return cmds.some((c) => c.start > after.start && rmTargets(c).some((t) => pathCovers(t.value, dir)));
}

/** True when the RUN mounts a cache or tmpfs on `dir` or on a folder above it, so `dir` never reaches the layer. */
export function hasCacheMountOn(run: RunInfo, ...dirs: string[]): boolean {
  return run.mounts.some(
    (m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target && m.target.replace(/(?<!\/)\/+$/, '') !== '' && dirs.some((d) => pathCovers(m.target!, d)),
  );
}
