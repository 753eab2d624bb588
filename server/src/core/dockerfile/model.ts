// The parsed view of a Dockerfile that every rule shares: dockerfile-ast's tree, build stages, and each
// RUN's shell commands. Built once per analysis. Image references are parsed in image-ref.ts, the environment a stage
// sets is read in stage-env.ts.
import type { Dockerfile, From, Instruction, Onbuild, Run } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { detached, eolOf } from '../text';
import { jsonValue } from './commands';
import { parseImageRef, type ImageRef } from './image-ref';
import type { Position, Range } from '../types';
import type { Oversized } from './oversized';
import { oversizedInstructions, parseAside, parseDockerfile } from './parse';
import { isFragment, placeholderFrom } from './fragment';
import { basename } from './paths';
import { initShellParser, isShellParserReady, newModelShifts, parseShell, type ShellScript } from './shell';
import { SHELL_LIMITS, waitsForParser } from './shell-limits';

export { parseImageRef, type ImageRef } from './image-ref';

export interface Stage {
  index: number;
  /** `AS name`, lower-cased as Docker does. */
  name?: string;
  nameRange?: Range;
  from: From;
  /** The base image; undefined when FROM names an earlier stage (see `parent`). */
  image?: ImageRef;
  /** The earlier stage this one is built FROM, if any. */
  parent?: Stage;
  /** Instructions after FROM up to the next FROM. */
  instructions: Instruction[];
  isFinal: boolean;
  /** The final stage and the stages it is built FROM: their layers ship in the final image. */
  inFinalImage: boolean;
  range: Range;
  /**
   * The file has no FROM: its instructions are checked as this one stage of an unknown base image, whose `from` is
   * a zero-width placeholder (fragment.ts). Rules about the whole image (its user, labels) leave it alone.
   */
  fragment?: boolean;
}

export interface MountFlag {
  type: string;
  target?: string;
  options: Record<string, string>;
}

export interface RunInfo {
  instruction: Run;
  stage: Stage;
  execForm: boolean;
  /** `--mount` options of this RUN. */
  mounts: MountFlag[];
  /** Document offset range of the shell script (after the flags). */
  scriptStart: number;
  scriptEnd: number;
  script: ShellScript;
  /** True when the script is the body of a `RUN <<EOF` heredoc. */
  heredoc: boolean;
  /** For `ONBUILD RUN …`: the ONBUILD instruction (`instruction` is then its RUN trigger). */
  onbuild?: Instruction;
}

export interface DockerfileModel {
  text: string;
  doc: TextDocument;
  ast: Dockerfile;
  escape: string;
  /** The document's line ending (its first line break), for edits that add lines. */
  eol: '\n' | '\r\n' | '\r';
  stages: Stage[];
  runs: RunInfo[];
  /** Instructions too large to parse in full, and the part of a very large file that was not parsed. */
  oversized: Oversized[];
  /** Global ARG defaults (before the first FROM). */
  globalArgs: Map<string, string | undefined>;
  offsetAt(p: Position): number;
  positionAt(offset: number): Position;
  rangeOf(start: number, end: number): Range;
  runOf(instruction: Instruction): RunInfo | undefined;
  stageOf(instruction: Instruction): Stage | undefined;
}

// Fixes rebuild the model of the text they are given, once per finding, so "fix all" over hundreds of findings of
// one text parsed it hundreds of times. Models are only read (like the trees in parse.ts): the last one is reused.
let lastModel: DockerfileModel | undefined;

/**
 * `compute` run once per model: a rule's check and each of its fixes then share one walk of the file (fixing every
 * finding used to re-walk it per finding, quadratic or worse).
 */
export function perModel<T>(compute: (model: DockerfileModel) => T): (model: DockerfileModel) => T {
  const results = new WeakMap<DockerfileModel, T>();
  return (model) => {
    if (!results.has(model)) results.set(model, compute(model));
    return results.get(model)!;
  };
}

/**
 * Parses a Dockerfile into the shared model. A RUN script that needs the shell grammar before it has loaded is
 * skipped (and the load started): await shellGrammarFor(text) first where that must not happen.
 */
export function buildModel(text: string): DockerfileModel {
  // A model built while the shell grammar was loading or restarting is not reused: the next analysis parses those RUNs.
  if (lastModel?.text !== text || lastModel.runs.some((r) => waitsForParser(r.script.skipped))) {
    newModelShifts();
    lastModel = parseModel(text);
  }
  return lastModel;
}


/**
 * Resolves once every RUN script of `text` can be parsed: loads the shell grammar when one of them needs it (a
 * Dockerfile of plain command lists never does, see shell-simple.ts). A failed load resolves too: the RUNs are then
 * reported as not parsed.
 */
export async function shellGrammarFor(text: string): Promise<void> {
  if (needsShellGrammar(text)) await initShellParser().catch(() => undefined);
}

/**
 * True when a RUN script of `text` waits for the shell grammar (not loaded yet, or being reloaded). The model built to
 * find out is the one the next buildModel(text) returns once the grammar is there; a text that does not parse is
 * left to the analysis, which reports it.
 */
export function needsShellGrammar(text: string): boolean {
  if (isShellParserReady()) return false;
  try {
    return buildModel(text).runs.some((r) => waitsForParser(r.script.skipped));
  } catch {
    return false;
  }
}

/**
 * The model of `text` parsed aside: neither cached nor disturbing the caches of the document being analyzed (for the
 * restricted texts of instruction-results.ts).
 */
export function buildModelAside(text: string): DockerfileModel {
  return parseModel(text, parseAside(text));
}

function parseModel(text: string, aside?: { ast: Dockerfile; oversized: Oversized[] }): DockerfileModel {
  const doc = TextDocument.create('file:///Dockerfile', 'dockerfile', 0, text);
  const ast = aside?.ast ?? parseDockerfile(text);
  const escape = ast.getEscapeCharacter();
  const offsetAt = (p: Position) => doc.offsetAt(p);
  const positionAt = (o: number) => doc.positionAt(o);
  const rangeOf = (start: number, end: number): Range => ({ start: positionAt(start), end: positionAt(end) });

  const globalArgs = new Map<string, string | undefined>();
  for (const arg of ast.getInitialARGs()) {
    const prop = arg.getProperty();
    if (prop?.getName()) globalArgs.set(prop.getName(), prop.getValue() ?? undefined);
  }

  const stages: Stage[] = [];
  const byName = new Map<string, Stage>();
  const stageByFrom = new Map<Instruction, Stage>();
  for (const image of ast.getFROMs()) {
    const index = stages.length;
    const stage: Stage = {
      index,
      from: image,
      instructions: [],
      isFinal: false,
      inFinalImage: false,
      range: image.getRange(),
    };
    const name = image.getBuildStage();
    if (name) {
      stage.name = name.toLowerCase();
      stage.nameRange = image.getBuildStageRange() ?? undefined;
    }
    const ref = image.getImage();
    if (ref) {
      const parent = byName.get(ref.toLowerCase());
      if (parent) stage.parent = parent;
      else stage.image = parseImageRef(ref, image.getImageRange() ?? image.getRange(), globalArgs);
    }
    if (stage.name) byName.set(stage.name, stage);
    stageByFrom.set(image, stage);
    stages.push(stage);
  }
  const instructions = ast.getInstructions();
  let current: Stage | undefined;
  if (isFragment(instructions)) {
    const from = placeholderFrom(ast, escape, instructions[0].getRange().start);
    current = { index: 0, from, instructions: [], isFinal: false, inFinalImage: false, range: from.getRange(), fragment: true };
    stageByFrom.set(from, current);
    stages.push(current);
  }
  const stageByLine = new Map<number, Stage>();
  for (const ins of instructions) {
    if (ins.getKeyword() === 'FROM') {
      current = stageByFrom.get(ins);
      continue;
    }
    if (current) {
      current.instructions.push(ins);
      current.range = { start: current.range.start, end: ins.getRange().end };
      stageByLine.set(ins.getRange().start.line, current);
    }
  }
  if (stages.length) {
    const last = stages[stages.length - 1];
    last.isFinal = true;
    for (let s: Stage | undefined = last; s; s = s.parent) s.inFinalImage = true;
  }

  const runs: RunInfo[] = [];
  const runByLine = new Map<number, RunInfo>();
  // Shell script bytes the parser may still be given in this document (see SHELL_LIMITS.documentBytes).
  const budget = { bytes: SHELL_LIMITS.documentBytes };
  for (const stage of stages) {
    for (const ins of stage.instructions) {
      // `ONBUILD RUN …` runs in the images built FROM this one: its command is checked like any RUN (onbuild marks it).
      const run = ins.getKeyword() === 'RUN' ? (ins as Run) : onbuildRun(ins);
      if (!run) continue;
      const info = analyzeRun(run, stage, text, escape, offsetAt, budget);
      if (run !== ins) info.onbuild = ins;
      runs.push(info);
      runByLine.set(ins.getRange().start.line, info);
    }
  }

  return {
    text,
    doc,
    ast,
    escape,
    eol: eolOf(text),
    stages,
    runs,
    globalArgs,
    offsetAt,
    positionAt,
    rangeOf,
    runOf: (ins) => runByLine.get(ins.getRange().start.line),
    stageOf: (ins) => (ins.getKeyword() === 'FROM' ? stageByFrom.get(ins) : stageByLine.get(ins.getRange().start.line)),
    oversized: aside?.oversized ?? oversizedInstructions(text),
  };
}

/** The RUN an `ONBUILD RUN …` triggers, if the instruction is one. */
function onbuildRun(ins: Instruction): Run | undefined {
  if (ins.getKeyword() !== 'ONBUILD') return undefined;
  const trigger = (ins as Onbuild).getTriggerInstruction();
  return trigger?.getKeyword() === 'RUN' ? (trigger as Run) : undefined;
}

function analyzeRun(ins: Run, stage: Stage, text: string, escape: string, offsetAt: (p: Position) => number, budget: { bytes: number }): RunInfo {
  const mounts: MountFlag[] = [];
  // dockerfile-ast recomputes flags, JSON strings and heredocs on every call; ask only when they can exist.
  const raw = text.slice(offsetAt(ins.getRange().start), offsetAt(ins.getRange().end));
  for (const flag of raw.includes('--') ? ins.getFlags() : []) {
    if (flag.getName() !== 'mount') continue;
    const options: Record<string, string> = {};
    for (const opt of flag.getOptions()) options[opt.getName()] = opt.getValue() ?? '';
    mounts.push({ type: options.type ?? 'bind', target: options.target ?? options.dst ?? options.destination, options });
  }
  const argsRange = ins.getArgumentsRange();
  const empty = { commands: [], hasPipe: false, hasError: false };
  if (!argsRange) {
    const at = offsetAt(ins.getRange().end);
    return { instruction: ins, stage, execForm: false, mounts, scriptStart: at, scriptEnd: at, script: empty, heredoc: false };
  }
  const start = offsetAt(argsRange.start);
  const end = offsetAt(argsRange.end);
  const content = text.slice(start, end);
  const jsonStrings = content.startsWith('[') && /\]\s*$/.test(content) ? ins.getJSONStrings() : [];
  const execForm = jsonStrings.length > 0;
  if (execForm) {
    const words = jsonStrings.map((s) => {
      const r = s.getRange();
      const raw = text.slice(offsetAt(r.start), offsetAt(r.end));
      // JSON.parse decodes escapes exactly; dockerfile-ast's getJSONValue() drops spaces inside strings.
      return { value: jsonValue(raw) ?? raw.replace(/^"|"$/g, ''), raw, start: offsetAt(r.start), end: offsetAt(r.end) };
    });
    const first = words[0];
    const program = basename(first.value);
    const script: ShellScript = {
      commands: [{ name: first.value, program, nameWord: first, args: words.slice(1), wrappers: [], assignments: [], start, end }],
      hasPipe: false,
      hasError: false,
    };
    return { instruction: ins, stage, execForm, mounts, scriptStart: start, scriptEnd: end, script, heredoc: false };
  }
  const heredocs = raw.includes('<<') ? ins.getHeredocs() : [];
  if (heredocs.length && /^<<-?\s*["']?[A-Za-z_]/.test(content)) {
    // `RUN <<EOF` with no command before it: the heredoc body is the script.
    const body = heredocs[0].getContentRange();
    if (body) {
      const bStart = offsetAt(body.start);
      const bEnd = offsetAt(body.end);
      const script = parseWithin(budget, text.slice(bStart, bEnd), bStart);
      return { instruction: ins, stage, execForm, mounts, scriptStart: bStart, scriptEnd: bEnd, script, heredoc: true };
    }
  }
  const script = parseWithin(budget, blankContinuations(content, escape, heredocs.length > 0), start);
  return { instruction: ins, stage, execForm, mounts, scriptStart: start, scriptEnd: end, script, heredoc: false };
}

/** parseShell, unless the document's earlier RUN scripts used up its budget (2 MB of RUNs took 1.5 s to parse). */
function parseWithin(budget: { bytes: number }, source: string, base: number): ShellScript {
  budget.bytes -= source.length;
  if (budget.bytes < 0) return { commands: [], hasPipe: false, hasError: false, skipped: { reason: 'document-budget', bytes: source.length, commands: 0 } };
  return parseShell(source, base);
}

/**
 * Replaces Dockerfile line continuations (escape char + newline) and the comment lines Docker drops inside a
 * continued instruction with spaces, keeping every offset. Heredoc bodies keep their newlines.
 */
export function blankContinuations(content: string, escape: string, hasHeredoc: boolean): string {
  // Without the escape character nothing continues: only line breaks change (most RUNs have none either). The result
  // is a string of its own, never the caller's slice of a document, which whatever keeps it or a part of it (the
  // shell parse cache, kept findings) would keep whole.
  if (!content.includes(escape)) return hasHeredoc || !content.includes('\n') ? detached(content) : content.replace(/\n/g, ' ');
  // Blanked spans are collected and the text rebuilt once (an array of its characters cost a fifth of the model's
  // allocations on a big file).
  const parts: string[] = [];
  let last = 0;
  const blank = (from: number, to: number) => {
    parts.push(content.slice(last, from), ' '.repeat(to - from));
    last = to;
  };
  const n = content.length;
  const isBlank = (c: string) => c === ' ' || c === '\t';
  let i = 0;
  let afterContinuation = false;
  while (i < n) {
    // At the start of a line that follows a continuation, drop comment-only and empty lines.
    if (afterContinuation) {
      let j = i;
      while (j < n && isBlank(content[j])) j++;
      const c = content[j];
      if (c === '#' || c === '\n' || c === '\r') {
        while (j < n && content[j] !== '\n') j++;
        blank(i, Math.min(j + 1, n));
        i = j + 1;
        continue;
      }
      afterContinuation = false;
    }
    const c = content[i];
    if (c === escape) {
      let j = i + 1;
      while (j < n && isBlank(content[j])) j++;
      if (content[j] === '\r' && content[j + 1] === '\n') j++;
      if (content[j] === '\n') {
        blank(i, j + 1);
        i = j + 1;
        afterContinuation = true;
        continue;
      }
      i += 2;
      continue;
    }
    if (c === '\n' && !hasHeredoc) blank(i, i + 1);
    i++;
  }
  if (!parts.length) return detached(content);
  parts.push(content.slice(last));
  return parts.join('');
}
