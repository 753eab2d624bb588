// dockerfile-utils' validate(), following what changed. The library checks a Dockerfile in two parts: a few
// whole-file checks (directives, a missing FROM, instructions repeated in a stage, duplicate stage names, ONBUILD
// triggers, `# dockerfile-utils: ignore` comments) and one validateInstruction + checkVariables per instruction,
// which is nearly all of its time. This runs the same code on the model's tree, in the same order, but takes an
// instruction's problems from an earlier validation when the lines it spans are the same text (shifting their
// lines): after a one-line edit one instruction is checked again. An instruction's checks read its own lines, the
// escape character and — through variable definitions — other instructions only in FROM (is a base-name variable
// declared), STOPSIGNAL and EXPOSE (variables expanded from ARG/ENV); those with a `$` are checked every time.
// test/core/dockerfile-validation.test.ts compares the result with validate() on every Dockerfile input we have.
import type { Dockerfile, Instruction } from 'dockerfile-ast';
import { Cmd, Entrypoint, From, Healthcheck } from 'dockerfile-ast';
import type { validate, ValidatorSettings } from 'dockerfile-utils';
import { Validator } from 'dockerfile-utils/lib/dockerValidator';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from '../types';

type Diagnostic = ReturnType<typeof validate>[number];
/** A dockerfile-utils problem: a Diagnostic with the line of the instruction it belongs to (for ignore comments). */
type Problem = Diagnostic & { instructionLine: number | null };

/** The validator's methods validate() calls (private in its typings). */
interface ValidatorInternals {
  document: TextDocument;
  settings: ValidatorSettings;
  checkDirectives(dockerfile: Dockerfile, problems: Problem[]): void;
  createDuplicatesDiagnostics(problems: Problem[], severity: unknown, keyword: string, instructions: Instruction[]): void;
  createDuplicateBuildStageNameDiagnostics(problems: Problem[], froms: From[]): void;
  validateInstruction(document: TextDocument, escapeChar: string, instruction: Instruction, keyword: string, isTrigger: boolean, problems: Problem[]): void;
  checkVariables(instruction: Instruction, problems: Problem[]): void;
}
const createNoSourceImage = (Validator as unknown as { createNoSourceImage(start: Position, end: Position): Problem }).createNoSourceImage;

/** Keywords whose checks read variables defined by other instructions. */
const READS_DEFINITIONS = new Set(['FROM', 'STOPSIGNAL', 'EXPOSE']);

/** Problems of one instruction, lines relative to its first line. */
type Cached = Problem[];

/** The diagnostics dockerfile-utils' validate(text, settings) returns, reusing unchanged instructions' problems. */
export type IncrementalValidate = (doc: TextDocument, dockerfile: Dockerfile) => Diagnostic[];

/**
 * A validate() with its own cache for one settings object (undefined: the library's defaults). `doc` is the document's text, `dockerfile` the tree
 * DockerfileParser.parse gives for that text (the one validate() would parse). Problems of two validations are kept:
 * the current one and the one before.
 */
export function incrementalValidator(settings?: ValidatorSettings): IncrementalValidate {
  const validator = new Validator(settings) as unknown as ValidatorInternals;
  const { instructionCmdMultiple, instructionEntrypointMultiple, instructionHealthcheckMultiple } = validator.settings;
  let thisRun = new Map<string, Cached>();
  let lastRun = new Map<string, Cached>();

  function instructionProblems(doc: TextDocument, text: string, escapeChar: string, ins: Instruction, keyword: string, problems: Problem[]): void {
    const range = ins.getRange();
    const lineStart = doc.offsetAt({ line: range.start.line, character: 0 });
    const span = text.slice(lineStart, doc.offsetAt({ line: range.end.line + 1, character: 0 }));
    if (READS_DEFINITIONS.has(keyword) && span.includes('$')) {
      validator.validateInstruction(doc, escapeChar, ins, keyword, false, problems);
      validator.checkVariables(ins, problems);
      return;
    }
    const key = `${escapeChar}${range.start.character},${range.end.line - range.start.line},${range.end.character}\n${span}`;
    const line = range.start.line;
    let cached = thisRun.get(key) ?? lastRun.get(key);
    if (!cached) {
      const own: Problem[] = [];
      validator.validateInstruction(doc, escapeChar, ins, keyword, false, own);
      validator.checkVariables(ins, own);
      cached = own.map((p) => shifted(p, -line));
    }
    thisRun.set(key, cached);
    for (const p of cached) problems.push(shifted(p, line));
  }

  return (doc, dockerfile) => {
    lastRun = thisRun;
    thisRun = new Map();
    const text = doc.getText();
    // From here on, the order and the checks are validate()'s (dockerfile-utils 0.16.3, dockerValidator.js).
    validator.document = doc;
    const problems: Problem[] = [];
    validator.checkDirectives(dockerfile, problems);
    const instructions = dockerfile.getInstructions();
    if (instructions.length === 0 || dockerfile.getARGs().length === instructions.length) problems.push(createNoSourceImage(doc.positionAt(0), doc.positionAt(0)));
    let cmds: Instruction[] = [];
    let entrypoints: Instruction[] = [];
    let healthchecks: Instruction[] = [];
    const repeated = () => {
      validator.createDuplicatesDiagnostics(problems, instructionCmdMultiple, 'CMD', cmds);
      validator.createDuplicatesDiagnostics(problems, instructionEntrypointMultiple, 'ENTRYPOINT', entrypoints);
      validator.createDuplicatesDiagnostics(problems, instructionHealthcheckMultiple, 'HEALTHCHECK', healthchecks);
    };
    for (const ins of instructions) {
      if (ins instanceof Cmd) cmds.push(ins);
      else if (ins instanceof Entrypoint) entrypoints.push(ins);
      else if (ins instanceof Healthcheck) healthchecks.push(ins);
      else if (ins instanceof From) {
        repeated();
        cmds = [];
        entrypoints = [];
        healthchecks = [];
      }
    }
    repeated();
    validator.createDuplicateBuildStageNameDiagnostics(problems, dockerfile.getFROMs());
    const escapeChar = dockerfile.getEscapeCharacter();
    let hasFrom = false;
    for (const ins of instructions) {
      const keyword = ins.getKeyword();
      if (keyword === 'FROM') hasFrom = true;
      else if (!hasFrom && keyword !== 'ARG') {
        const range = ins.getInstructionRange();
        problems.push(createNoSourceImage(range.start, range.end));
        hasFrom = true;
      }
      instructionProblems(doc, text, escapeChar, ins, keyword, problems);
    }
    for (const trigger of dockerfile.getOnbuildTriggers()) validator.validateInstruction(doc, escapeChar, trigger, trigger.getKeyword(), true, problems);
    const ignoredLines = dockerfile.getComments().filter((c) => c.getContent() === 'dockerfile-utils: ignore').map((c) => c.getRange().start.line);
    if (!ignoredLines.length) return problems;
    return problems.filter((p) => p.instructionLine === null || !ignoredLines.some((l) => l + 1 === p.instructionLine));
  };
}

/** A copy of a problem with its lines moved by `delta`. */
function shifted(p: Problem, delta: number): Problem {
  const { start, end } = p.range;
  return {
    ...p,
    instructionLine: typeof p.instructionLine === 'number' ? p.instructionLine + delta : p.instructionLine,
    range: { start: { line: start.line + delta, character: start.character }, end: { line: end.line + delta, character: end.character } },
  };
}
