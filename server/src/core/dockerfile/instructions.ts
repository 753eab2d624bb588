// Finding things in a parsed Dockerfile: instructions by keyword or by stage, COPY/ADD arguments and `--from`
// flags, every RUN command, and the ranges findings point at.
import type { Copy, Flag, Instruction, JSONInstruction } from 'dockerfile-ast';
import type { DockerfileModel, RunInfo, Stage } from './model';
import type { ShellCommand } from './shell';
import type { Range } from '../types';
import { jsonValue } from './commands';

/** The document range of a shell word or command. */
export function wordRange(model: DockerfileModel, w: { start: number; end: number }): Range {
  return model.rangeOf(w.start, w.end);
}

/** The range of an instruction's keyword (`RUN`, `FROM` …): a short, readable squiggle. */
export function keywordRange(ins: Instruction): Range {
  return ins.getInstructionRange();
}

/** All instructions of a keyword across the file (FROM included when asked for). */
export function instructionsOf(model: DockerfileModel, keyword: string): Instruction[] {
  return model.ast.getInstructions().filter((i) => i.getKeyword() === keyword);
}

/** The instructions before `ins` that apply to its stage: those of its ancestor stages, then its own. */
export function instructionsBefore(stage: Stage, ins?: Instruction): Instruction[] {
  const own = ins ? stage.instructions.slice(0, stage.instructions.indexOf(ins)) : stage.instructions;
  return stage.parent ? [...instructionsBefore(stage.parent), ...own] : own;
}

/** Every command of every RUN, with its RUN, in document order. */
export function* allCommands(model: DockerfileModel): Generator<{ run: RunInfo; cmd: ShellCommand }> {
  for (const run of model.runs) for (const cmd of run.script.commands) yield { run, cmd };
}

/** The source and destination arguments of a COPY/ADD, in shell or JSON form. */
export function copyArgs(ins: JSONInstruction): string[] {
  const json = ins.getJSONStrings();
  if (json.length && ins.getOpeningBracket()) return json.map((s) => s.getJSONValue());
  return ins.getArguments().map((a) => a.getValue());
}

/** The `--from` flag of a COPY (dockerfile-ast's getFromFlag only finds it when it is the only flag). */
export function fromFlag(copy: Instruction): Flag | undefined {
  return (copy as Copy).getFlags().find((f) => f.getName() === 'from');
}

/** Every `COPY --from=<value>` with a plain value (no variables, which BuildKit rejects anyway), per stage. */
export function* copyFromFlags(model: DockerfileModel): Generator<{ stage: Stage; flag: Flag; value: string }> {
  for (const stage of model.stages) {
    for (const ins of stage.instructions) {
      if (ins.getKeyword() !== 'COPY') continue;
      const flag = fromFlag(ins);
      const value = flag?.getValue();
      // Values not starting with a letter or digit are reported by the syntax rule.
      if (!flag || !value || !flag.getValueRange() || value.includes('$') || !/^[A-Za-z0-9]/.test(value)) continue;
      yield { stage, flag, value };
    }
  }
}

/** A COPY/ADD/LABEL word without the double or single quotes around it (`"app.tgz"` → `app.tgz`), as Docker reads it. */
export function unquoted(value: string): string {
  return value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]) ? value.slice(1, -1) : value;
}

/**
 * The source and destination words of a COPY/ADD with their ranges (flags left out): JSON strings decoded, shell
 * words as written (see `unquoted`). For a heredoc (`COPY <<EOF /dst`) only the words on the instruction's first line.
 */
export function copyArgWords(model: DockerfileModel, ins: JSONInstruction): Array<{ value: string; range: Range }> {
  const json = ins.getOpeningBracket() ? ins.getJSONStrings() : [];
  if (json.length) {
    return json.map((s) => {
      const range = s.getRange();
      const raw = model.text.slice(model.offsetAt(range.start), model.offsetAt(range.end));
      return { value: jsonValue(raw) ?? s.getJSONValue(), range };
    });
  }
  const args = ins.getArguments();
  const line = ins.getRange().start.line;
  const words = args[0]?.getValue().startsWith('<<') ? args.filter((a) => a.getRange().start.line === line) : args;
  return words.map((a) => ({ value: a.getValue(), range: a.getRange() }));
}
