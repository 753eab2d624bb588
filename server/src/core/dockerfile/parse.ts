// One dockerfile-ast parse per text. dockerfile-utils' validate() parses the text again internally, and that
// second parse of a large file costs as much as the rest of its checks; both go through
// DockerfileParser.parse, so remembering the last result lets the validator reuse the model's tree.
import { Argument, DockerfileParser, Instruction, type Comment, type Dockerfile } from 'dockerfile-ast';
import { Util } from 'dockerfile-ast/lib/util';
import { Parser } from 'dockerfile-ast/lib/parser';
import type { Position, Range } from '../types';
import { blankOversized, type Oversized } from './oversized';

const original = DockerfileParser.parse.bind(DockerfileParser);
// One entry: the tree of the text being analyzed (its size is bounded by the document's).
let last: { text: string; ast: Dockerfile; oversized: Oversized[]; bounded: string } | undefined;

/**
 * Parses a Dockerfile, reusing the previous tree when the text is the same (trees are only read). Instructions
 * over INSTRUCTION_LIMIT are parsed with their arguments blanked (see oversizedInstructions).
 */
export function parseDockerfile(text: string): Dockerfile {
  return parsed(text).ast;
}

/** The instructions of `text` that were too large to parse in full (document offsets). */
export function oversizedInstructions(text: string): Oversized[] {
  return parsed(text).oversized;
}

function parsed(text: string): NonNullable<typeof last> {
  if (last?.text !== text) {
    splitsOfLastParse = splitsOfThisParse;
    splitsOfThisParse = new Map();
    const bounded = blankOversized(text);
    last = { text, ast: original(bounded.text), oversized: bounded.oversized, bounded: bounded.text };
    created = undefined;
  }
  return last;
}

/** The text the parser was given for `text`: oversized instructions and the part past the document limit blanked. */
export function parsedTextOf(text: string): string {
  return parsed(text).bounded;
}

/**
 * A parse of `text` that leaves the cache of the document being analyzed as it is (the tree of one version and the
 * argument splits of the last two): for the restricted texts instruction-scoped rules are rerun on
 * (instruction-results.ts), whose instructions are the document's own.
 */
export function parseAside(text: string): { ast: Dockerfile; oversized: Oversized[] } {
  const bounded = blankOversized(text);
  try {
    return { ast: original(bounded.text), oversized: bounded.oversized };
  } finally {
    created = undefined;
  }
}

DockerfileParser.parse = parseDockerfile;

// dockerfile-ast re-splits an instruction's arguments on every getArguments(), getFlags() or getArgumentsRange()
// call, and the model and the validator make many such calls per instruction: over half the time of analyzing a
// large Dockerfile. Trees are only read, so each instruction's split is remembered. Callers get fresh copies, as
// before: ModifiableInstruction.getArguments shifts flags off the array it receives, and From.getImageNameRange
// narrows the range object of the argument it reads.
// After an edit most instructions have the same text as in the previous parse, only on other lines: their split is
// taken from that parse, its lines shifted (the split reads nothing but the instruction's own text, its first
// column, its keyword's length and the escape character). Two parses are kept: the current one and the one before.
type ArgumentsOf = (this: Instruction) => Argument[];
const proto = Instruction.prototype as unknown as { getRawArguments: ArgumentsOf };
const rawArguments = proto.getRawArguments;
// Kept on the instruction itself: a WeakMap over every instruction of a large file cost more than the split.
const SPLIT = Symbol('stevedore.split');
type WithSplit = Instruction & { [SPLIT]?: Argument[] };

/** An instruction's split with lines relative to its first line: values, and per argument 4 numbers (start line, character, end line, character). */
interface Split {
  values: string[];
  positions: Int32Array;
  /**
   * The arguments last made from it, on their line: an instruction with this text on that line again (one above
   * an edit, or below an edit within a line) gets the same ones (see getRawArguments: they are only read).
   */
  made?: { line: number; args: Argument[] };
}
let splitsOfThisParse = new Map<string, Split>();
let splitsOfLastParse = new Map<string, Split>();

function splitKey(ins: Instruction): string {
  const range = ins.getRange();
  const keyword = ins.getInstructionRange();
  const { escapeChar, document } = ins as unknown as { escapeChar: string; document: { getText(): string; offsetAt(p: Position): number } };
  // The character after the instruction decides whether an end offset right after a CR is on its line (CR LF).
  const after = document.getText().charAt(document.offsetAt(range.end));
  return `${escapeChar}${after}${range.start.character},${keyword.end.line - keyword.start.line},${keyword.end.character}\n${ins.getTextContent()}`;
}

function argumentsOf(ins: Instruction): Argument[] {
  const key = splitKey(ins);
  const line = ins.getRange().start.line;
  const split = splitsOfThisParse.get(key) ?? splitsOfLastParse.get(key);
  if (split) {
    splitsOfThisParse.set(key, split);
    if (split.made?.line === line) return split.made.args;
    const p = split.positions;
    const args = split.values.map((value, i) => new Argument(value, { start: { line: line + p[4 * i], character: p[4 * i + 1] }, end: { line: line + p[4 * i + 2], character: p[4 * i + 3] } }));
    split.made = { line, args };
    return args;
  }
  const args = rawArguments.call(ins);
  const positions = new Int32Array(4 * args.length);
  args.forEach((a, i) => {
    const { start, end } = a.getRange();
    positions.set([start.line - line, start.character, end.line - line, end.character], 4 * i);
  });
  splitsOfThisParse.set(key, { values: args.map((a) => a.getValue()), positions, made: { line, args } });
  return args;
}

// Each caller gets a new array (ModifiableInstruction.getArguments shifts the flags off it). The arguments in it
// are the instruction's own, except a FROM's: From.getImageNameRange and getRegistryRange set the start and end of
// the range they read, so a FROM's callers get a new Argument and Range each (positions shared). Nothing else in
// dockerfile-ast, dockerfile-utils, dockerfile-language-service or our code assigns an argument's range or a
// position's line or character; copying them for every call was a fifth of what an analysis allocated.
proto.getRawArguments = function (this: WithSplit) {
  const args = (this[SPLIT] ??= argumentsOf(this));
  if (this.getKeyword() !== 'FROM') return args.slice();
  return args.map((a) => {
    const { start, end } = a.getRange();
    return new Argument(a.getValue(), { start, end });
  });
};

// getKeyword() upper-cases the instruction's word on every call, and rules ask each instruction's keyword many
// times per analysis. The word is set once, when the instruction is created: its upper case is kept on it.
const KEYWORD = Symbol('stevedore.keyword');
const keywordProto = Instruction.prototype as unknown as { getKeyword(this: Instruction & { [KEYWORD]?: string }): string };
keywordProto.getKeyword = function () {
  return (this[KEYWORD] ??= this.getInstruction().toUpperCase());
};

/** The library's own split of an instruction's arguments, bypassing every cache (for the test that compares them). */
export function uncachedArguments(ins: Instruction): Argument[] {
  return rawArguments.call(ins);
}

// The parser builds every instruction twice: processArguments creates one only to look for heredocs in its
// arguments (processHeredocs), then processInstruction creates it again with the same bounds when there were none.
// Each creation of a RUN, COPY, CMD… splits its arguments and scans them for a JSON array. The second call with the
// same parser, tree and bounds gets the first instance: processHeredocs only reads it (its keyword, arguments and
// ONBUILD trigger, each computed afresh), so it is what a second creation would give.
type Create = (this: ParserInternals, dockerfile: Dockerfile, instruction: string, start: number, instructionEnd: number, end: number) => Instruction;
interface ParserInternals {
  escapeChar: string;
  createInstruction: Create;
}
const parserProto = Parser.prototype as unknown as ParserInternals;
const createInstruction = parserProto.createInstruction;
let createTwice = false;
let created: { parser: ParserInternals; args: Parameters<Create>; escapeChar: string; instruction: Instruction } | undefined;
parserProto.createInstruction = function (this: ParserInternals, ...args: Parameters<Create>) {
  const c = created;
  if (c && !createTwice && c.parser === this && c.escapeChar === this.escapeChar && c.args.every((a, i) => a === args[i])) {
    created = undefined;
    return c.instruction;
  }
  const instruction = createInstruction.apply(this, args);
  created = { parser: this, args, escapeChar: this.escapeChar, instruction };
  return instruction;
};

/** dockerfile-ast's parse of `text`, creating every instruction twice as the library does (for the test that compares trees). */
export function parseCreatingTwice(text: string): Dockerfile {
  createTwice = true;
  try {
    return original(text);
  } finally {
    createTwice = false;
    created = undefined;
  }
}

// dockerfile-ast 0.7.1 bugs that throw or hang on hostile input (docs/known-issues.md). Every caller of the library in
// this process goes through these prototypes: our model, dockerfile-utils' validator and dockerfile-language-service.
const sample = DockerfileParser.parse('FROM a');
type Method = (this: object, ...args: never[]) => unknown;
interface DockerfileInternals {
  resolveVariable: Method;
  getAvailableVariables: Method;
  getStageHierarchy: (this: DockerfileInternals, line: number) => unknown[];
  getContainingImage(position: { line: number; character: number }): unknown;
  getParentStage(image: unknown): unknown;
}
const dockerfileProto = Object.getPrototypeOf(sample) as DockerfileInternals;

// Dockerfile.resolveVariable and getAvailableVariables ask getContainingImage for the image of (line, 0); for a line
// outside every stage and outside the instructions before the first FROM (` RUN $x`: column 0 of an indented
// instruction; a byte-order mark before FROM) that is the Dockerfile itself, and the method calls itself with the
// same arguments until the stack overflows. A re-entry on the same Dockerfile is that loop: nothing is found there.
function stopSelfRecursion(name: 'resolveVariable' | 'getAvailableVariables', notFound: () => unknown): void {
  const method = dockerfileProto[name];
  const active = new Set<object>();
  dockerfileProto[name] = function (this: object, ...args: never[]) {
    if (active.has(this)) return notFound();
    active.add(this);
    try {
      return method.apply(this, args);
    } finally {
      active.delete(this);
    }
  };
}
stopSelfRecursion('resolveVariable', () => undefined);
stopSelfRecursion('getAvailableVariables', () => []);

// Dockerfile.getStageHierarchy follows FROM <stage> links upwards without remembering where it has been, so stages
// built from each other (`FROM b AS a` + `FROM a AS b`) looped forever (completion in a WORKDIR hung the server).
// The same walk, stopping at a stage already seen.
dockerfileProto.getStageHierarchy = function (this: DockerfileInternals, line: number) {
  const image = this.getContainingImage({ line, character: 0 });
  if (image === null) return [];
  const stages = [image];
  for (let stage = this.getParentStage(image); stage !== null && !stages.includes(stage); stage = this.getParentStage(stage)) stages.unshift(stage);
  return stages;
};

// Dockerfile.organizeComments (run by every parse) gives each comment to the build stage whose range holds it by
// asking every stage for its range, a new Range each time: comments × stages. A 129 KB file of `FROM debian:12` and
// `# .dockerignore` lines on CR line endings (npm run fuzz, seed 1869955572 #75) spent 0.6 s of its 0.65 s analysis
// there. A stage's range is its first and last instructions' (not its comments'), and the stages follow each other,
// so the ranges are computed once and the one that can hold a comment is found by binary search; the test is the
// library's own (Util.isInsideRange). test/core/dockerfile-parse holds the result to the library's method.
interface CommentHolder {
  getComments(): Comment[];
  getRange(): Range;
  addComment(comment: Comment): void;
}
const originalOrganizeComments = (dockerfileProto as unknown as { organizeComments: (this: object) => void }).organizeComments;
(dockerfileProto as unknown as { organizeComments: (this: object) => void }).organizeComments = function (this: object) {
  const { initialInstructions, buildStages } = this as { initialInstructions: CommentHolder; buildStages: CommentHolder[] };
  const comments = (this as CommentHolder).getComments();
  const initial = initialInstructions.getRange();
  const ranges = buildStages.map((stage) => stage.getRange());
  for (const comment of comments) {
    const range = comment.getRange();
    if (Util.isInsideRange(range.end, initial)) {
      initialInstructions.addComment(comment);
      continue;
    }
    // The last stage starting at or before the comment; the stage after it starts after the comment.
    const start = range.start;
    let lo = 0;
    let hi = ranges.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = ranges[mid].start;
      if (s.line < start.line || (s.line === start.line && s.character <= start.character)) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (at >= 0 && Util.isInsideRange(start, ranges[at])) buildStages[at].addComment(comment);
  }
};

/** Comments given to stages by dockerfile-ast's own organizeComments (for test/core/dockerfile-parse). */
export function organizeCommentsAsDockerfileAst(dockerfile: Dockerfile): void {
  originalOrganizeComments.call(dockerfile);
}

// Instruction.getHeredocs reads past its list of heredoc openers on some mixed line endings (`RUN \<CR>#x<LF>`:
// a lone CR after the escape character) and throws "Cannot read properties of undefined (reading 'getRange')".
// Such an instruction is treated as having no heredocs.
const heredocProto = Instruction.prototype as unknown as { getHeredocs: (this: Instruction) => unknown[] };
const getHeredocs = heredocProto.getHeredocs;
heredocProto.getHeredocs = function (this: Instruction) {
  try {
    return getHeredocs.call(this);
  } catch {
    return [];
  }
};
