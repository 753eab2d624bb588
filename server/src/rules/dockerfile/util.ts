// Small helpers shared by the Dockerfile rule modules.
import type { Instruction } from 'dockerfile-ast';
import { buildModel, type DockerfileModel, type RunInfo } from '../../core/dockerfile/model';
import type { ShellCommand, ShellWord } from '../../core/dockerfile/shell';
import type { Fix, Range, TextEdit } from '../../core/types';

/** The document range of a shell word or command. */
export function wordRange(model: DockerfileModel, w: { start: number; end: number }): Range {
  return model.rangeOf(w.start, w.end);
}

/** The range of an instruction's keyword (`RUN`, `FROM` …): a short, readable squiggle. */
export function keywordRange(ins: Instruction): Range {
  return ins.getInstructionRange();
}

/** An edit inserting `text` right after a shell word (e.g. a flag after `install`). */
export function insertAfter(model: DockerfileModel, w: ShellWord, text: string): TextEdit {
  const at = model.positionAt(w.end);
  return { range: { start: at, end: at }, newText: text };
}

/** Every command of every RUN, with its RUN, in document order. */
export function* allCommands(model: DockerfileModel): Generator<{ run: RunInfo; cmd: ShellCommand }> {
  for (const run of model.runs) for (const cmd of run.script.commands) yield { run, cmd };
}

/** All instructions of a keyword across the file (FROM included when asked for). */
export function instructionsOf(model: DockerfileModel, keyword: string): Instruction[] {
  return model.ast.getInstructions().filter((i) => i.getKeyword() === keyword);
}

/**
 * An edit appending ` && <command>` at the end of a RUN's script, on a new continuation line when the RUN
 * already spans several lines.
 */
export function appendToRun(model: DockerfileModel, run: RunInfo, command: string): TextEdit {
  const end = model.positionAt(run.scriptEnd);
  const multiline = run.instruction.getRange().start.line !== run.instruction.getRange().end.line;
  const text = multiline ? ` ${model.escape}${model.eol}    && ${command}` : ` && ${command}`;
  return { range: { start: end, end }, newText: text };
}

/** The line's text of a position's line. */
export function lineText(model: DockerfileModel, line: number): string {
  return model.doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

/**
 * A safe, preferred fix that inserts `flag` after the word a finding points at (`data.offset`), e.g. `-y` after
 * `install`. `find` lists the words the rule flags; in an exec-form RUN the flag becomes its own JSON string.
 */
export function insertFlagFix(id: string, flag: string, find: (model: DockerfileModel) => ShellWord[]): Fix {
  // "Fix all" applies the fix once per finding of the same model: the flagged words are listed once per model.
  const found = new WeakMap<DockerfileModel, ShellWord[]>();
  const wordsOf = (model: DockerfileModel) => found.get(model) ?? found.set(model, find(model)).get(model)!;
  return {
    id,
    title: () => `Add ${flag}`,
    safe: true,
    preferred: true,
    apply(input, finding) {
      const model = buildModel(input.text);
      const word = wordsOf(model).find((w) => w.start === finding.data?.offset);
      if (!word) return null;
      const run = model.runs.find((r) => r.scriptStart <= word.start && word.end <= r.scriptEnd);
      return { edits: [insertAfter(model, word, run?.execForm ? `, ${JSON.stringify(flag)}` : ` ${flag}`)] };
    },
  };
}
