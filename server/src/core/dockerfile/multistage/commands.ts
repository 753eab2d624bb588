// The commands of CMD, ENTRYPOINT and HEALTHCHECK, and their rewriting for the runtime stage.
import type { Healthcheck, Instruction } from 'dockerfile-ast';
import { blankContinuations, type DockerfileModel, type Stage } from '../model';
import { parseShell } from '../shell';
import { basename } from '../paths';

export interface CommandForm {
  exec: boolean;
  /** Words with document offsets (JSON strings including their quotes). */
  words: { value: string; start: number; end: number }[];
  /** A shell-form command that converts to exec form unchanged: one plain command, no expansions. */
  simple: boolean;
  start: number;
  end: number;
}

/** The ENTRYPOINT and CMD that take effect: the last of each. */
export function lastCommands(stage: Stage): { entrypoint?: Instruction; cmd?: Instruction } {
  const last = (k: string) => stage.instructions.filter((i) => i.getKeyword() === k).pop();
  return { entrypoint: last('ENTRYPOINT'), cmd: last('CMD') };
}

/** The command of a CMD, ENTRYPOINT or HEALTHCHECK CMD, in exec or shell form. */
export function commandForm(model: DockerfileModel, ins: Instruction): CommandForm | undefined {
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
export function rewriteCommand(model: DockerfileModel, ins: Instruction, form: CommandForm, replace: Map<number, string>, toExec: boolean): string {
  if (toExec && !form.exec) return execText(model, ins, form, form.words.map((w, i) => replace.get(i) ?? w.value));
  const insStart = model.offsetAt(ins.getRange().start);
  let out = model.text.slice(insStart, form.end);
  for (const [i, v] of [...replace].sort((a, b) => b[0] - a[0])) {
    const w = form.words[i];
    out = out.slice(0, w.start - insStart) + (form.exec ? JSON.stringify(v) : shellQuote(v)) + out.slice(w.end - insStart);
  }
  return out;
}

/** The instruction (keyword and flags kept) with an exec-form command of `values`. */
export function execText(model: DockerfileModel, ins: Instruction, form: CommandForm, values: string[]): string {
  const head = model.text.slice(model.offsetAt(ins.getRange().start), form.start).trimEnd();
  return `${head} [${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}

/** `v` as one shell word, quoted only when it needs to be. */
export function shellQuote(v: string): string {
  return /^[\w@%+=:,./-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}

/** A name for the built binary from what ENTRYPOINT/CMD runs (`./server` → `server`). */
export function commandName(model: DockerfileModel, stage: Stage): string | undefined {
  const { entrypoint, cmd } = lastCommands(stage);
  const main = entrypoint ?? cmd;
  const form = main && commandForm(model, main);
  const name = form?.words[0] && basename(form.words[0].value);
  return name && /^[\w.-]+$/.test(name) && !/^(?:sh|bash|go|cargo|exec|env)$/.test(name) ? name : undefined;
}
