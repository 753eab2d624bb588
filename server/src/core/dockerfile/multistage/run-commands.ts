// Reading the commands of RUN instructions.
import type { DockerfileModel, RunInfo } from '../model';
import type { ShellCommand, ShellWord } from '../shell';
import { baseName } from './paths';

/** A RUN's commands with exec-form JSON quotes removed (the core model keeps them). */
export function commandsOf(run: RunInfo): ShellCommand[] {
  if (!run.execForm) return run.script.commands;
  const unq = (w: ShellWord): ShellWord => ({ ...w, value: jsonString(w.raw) ?? w.value });
  return run.script.commands.map((c) => {
    const nameWord = unq(c.nameWord);
    return { ...c, name: nameWord.value, program: baseName(nameWord.value), nameWord, args: c.args.map(unq) };
  });
}

/** Every command of every RUN, with its RUN, in document order. */
export function* commands(model: DockerfileModel): Generator<{ run: RunInfo; cmd: ShellCommand }> {
  for (const run of model.runs) for (const cmd of commandsOf(run)) yield { run, cmd };
}

/** Non-option words of a command, skipping the values of options in `valueOpts`. */
export function positionals(cmd: ShellCommand, valueOpts: string[] = []): ShellWord[] {
  const out: ShellWord[] = [];
  for (let i = 0; i < cmd.args.length; i++) {
    const v = cmd.args[i].value;
    if (v.startsWith('-')) {
      if (valueOpts.includes(v)) i++;
    } else out.push(cmd.args[i]);
  }
  return out;
}

/** `pip install …`, `pip3.12 install …` or `python -m pip install …`. */
export function isPipInstall(cmd: ShellCommand): boolean {
  if (/^pip(?:3(?:\.\d+)?)?$/.test(cmd.program)) return positionals(cmd)[0]?.value === 'install';
  if (!/^python(?:3(?:\.\d+)?)?$/.test(cmd.program)) return false;
  const m = cmd.args.findIndex((a) => a.value === '-m');
  return m >= 0 && cmd.args[m + 1]?.value === 'pip' && cmd.args.slice(m + 2).find((a) => !a.value.startsWith('-'))?.value === 'install';
}

function jsonString(raw: string): string | undefined {
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}
