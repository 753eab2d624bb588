// The text edits Dockerfile fixes are made of: insert a flag after a shell word, append a command to a RUN,
// delete an instruction, quote a LABEL/ENV value.
import type { Instruction } from 'dockerfile-ast';
import { buildModel, type DockerfileModel, type RunInfo } from './model';
import { convertToMultiStage } from './multistage';
import type { ShellWord } from './shell';
import type { BuildContext, Fix, FixInput, TextEdit } from '../types';

// A fix's input is the text of a document whose analysis already holds its model: the editor attaches it, so a
// quick fix reads that model instead of parsing the whole text again (the one-model cache in model.ts is replaced
// by any other text analyzed in between, e.g. "fix all" re-analyzing its result).
const attached = new WeakMap<FixInput, DockerfileModel>();

/** Lets fixes of `input` read `model` (the analysis of the same text) instead of parsing the text again. */
export function withModel<T extends FixInput>(input: T, model: DockerfileModel | undefined): T {
  if (model && model.text === input.text) attached.set(input, model);
  return input;
}

/** The model of a fix's input: the one attached to it, else parsed (and reused while the text stays the same). */
export function modelOf(input: FixInput): DockerfileModel {
  return attached.get(input) ?? buildModel(input.text);
}

const conversions = new WeakMap<DockerfileModel, Map<string, string | null>>();

/**
 * convertToMultiStage of a model's text, once per model and build context: editors that cannot resolve code actions
 * get it with every listing at the FROM or at a build-tools finding, and it parses the whole text and its result.
 */
export function multiStageOf(model: DockerfileModel, context?: BuildContext): string | null {
  let byContext = conversions.get(model);
  if (!byContext) conversions.set(model, (byContext = new Map()));
  const key = context?.root ?? '';
  if (!byContext.has(key)) byContext.set(key, convertToMultiStage(model.text, context));
  return byContext.get(key)!;
}

/** An edit inserting `text` right after a shell word (e.g. a flag after `install`). */
export function insertAfter(model: DockerfileModel, w: ShellWord, text: string): TextEdit {
  const at = model.positionAt(w.end);
  return { range: { start: at, end: at }, newText: text };
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
      const model = modelOf(input);
      const word = wordsOf(model).find((w) => w.start === finding.data?.offset);
      if (!word) return null;
      const run = model.runs.find((r) => r.scriptStart <= word.start && word.end <= r.scriptEnd);
      return { edits: [insertAfter(model, word, run?.execForm ? `, ${JSON.stringify(flag)}` : ` ${flag}`)] };
    },
  };
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

/** An edit deleting an instruction's whole lines, line breaks included (comments above stay). */
export function deleteInstruction(model: DockerfileModel, ins: Instruction): TextEdit {
  const { start, end } = ins.getRange();
  const next = end.line + 1;
  if (next < model.doc.lineCount) {
    return { range: { start: { line: start.line, character: 0 }, end: { line: next, character: 0 } }, newText: '' };
  }
  const eof = model.positionAt(model.text.length);
  // A continuation at the end took the instruction onto the empty last line: the line break before it stays the final one.
  if (/[\r\n]$/.test(model.text)) return { range: { start: { line: start.line, character: 0 }, end: eof }, newText: '' };
  // Last line of a file without a final newline: take the line break before it instead.
  const from = start.line > 0 ? model.positionAt(model.offsetAt({ line: start.line, character: 0 }) - model.eol.length) : { line: 0, character: 0 };
  return { range: { start: from, end: eof }, newText: '' };
}

/** A double-quoted Dockerfile string (LABEL/ENV value): `"`, `$` and the escape character are escaped. */
export function dockerQuote(value: string, escape: string): string {
  let out = '"';
  for (const c of value) out += c === '"' || c === '$' || c === escape ? escape + c : c;
  return out + '"';
}
