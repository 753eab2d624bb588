// Results of instruction-scoped Dockerfile rules (`scope: 'instruction'`) kept per instruction, so that an edit
// reruns them only on the instructions that changed. What such a rule reports for an instruction depends on the
// instruction's own lines and the file's structure (parser directives, every FROM, SHELL, ARG and ENV, and where the
// instruction stands among them; see DockerfileRule.scope), so an instruction is known by its text and its place in
// the structure, and the results are kept under the structure (with the path and settings). The changed
// instructions are checked on a restricted text: the file with the lines of every other instruction that is not
// structural emptied, so lines and columns are the file's own (a hit's `data.offset` is read back through its line
// and column). Kept hits move with their instruction (lines, `data.line`, `data.offset`).
import type { Instruction } from 'dockerfile-ast';
import type { DockerfileRule, DockerfileRuleContext } from '../rule';
import { hasRun, inUnitOrder, lastStartingBy, markRan, markRanInBatch, newBatch, newRecord, scopedWrapper, type RanBatch, type RanRecord } from '../kept-results';
import type { RuleHit } from '../types';
import { buildModelAside, type DockerfileModel } from './model';
import { parsedTextOf } from './parse';

/** Instructions that are part of the structure every instruction-scoped result is kept under. */
const STRUCTURAL = new Set(['FROM', 'SHELL', 'ARG', 'ENV']);

/**
 * Files with fewer instructions than this are checked whole every time: rerunning a rule on a few instructions costs
 * less than the bookkeeping.
 */
export const KEEP_FROM_INSTRUCTIONS = 20;

/** Structures (files, or one file's structure before and after an edit) whose results are kept at once. */
const KEPT_STRUCTURES = 4;

/** A rule's hits on an instruction as reported, with the instruction's first line and offset then. */
interface KeptHits {
  line: number;
  offset: number;
  hits: RuleHit[];
}

type InstructionResults = RanRecord<KeptHits>;

/** One model's view: its instructions, where each lies, and each one's results record. */
interface Layout {
  /** The text the parser saw (oversized parts blanked), which restricted texts are made from. */
  text: string;
  instructions: Instruction[];
  structural: Uint8Array;
  /** Offsets of each instruction's first line start and of the line start after its last line. */
  spanStart: Int32Array;
  spanEnd: Int32Array;
  firstLine: Int32Array;
  lastLine: Int32Array;
  records: InstructionResults[];
  /** When no instruction was known before (a file's first analysis): the batch every record is in. */
  batch?: RanBatch;
  /** Restricted models by the instructions checked on them. */
  restricted: Map<string, DockerfileModel>;
}

/** Records by structure key, then by instruction key; the most recently used structure last. */
const byStructure = new Map<string, Map<string, InstructionResults>>();
let layouts = new WeakMap<DockerfileModel, { context: string; layout: Layout | null }>();

/** The rule to run: an instruction-scoped rule wrapped to reuse its results for unchanged instructions, any other rule as it is. */
export const withKeptInstructionResults = scopedWrapper<DockerfileRuleContext, DockerfileRule>('instruction', (rule, ordinal, ctx) => checkKept(rule, ordinal, ctx));

/** Forgets every kept result (tests). */
export function forgetInstructionResults(): void {
  byStructure.clear();
  layouts = new WeakMap();
}

function contextKey(ctx: DockerfileRuleContext): string {
  return `${ctx.path ?? ''}\n${ctx.settings ? JSON.stringify(ctx.settings) : ''}`;
}

function layoutOf(ctx: DockerfileRuleContext): Layout | null {
  const context = contextKey(ctx);
  const known = layouts.get(ctx.model);
  if (known && known.context === context) return known.layout;
  const layout = makeLayout(ctx.model, context);
  layouts.set(ctx.model, { context, layout });
  return layout;
}

function makeLayout(model: DockerfileModel, context: string): Layout | null {
  const instructions = model.ast.getInstructions();
  const n = instructions.length;
  if (n < KEEP_FROM_INSTRUCTIONS) return null;
  // Oversized instructions and the part past the document limit are blanked where the parser saw them.
  const text = model.oversized.length ? parsedTextOf(model.text) : model.text;
  // Line start offsets of the parsed text (the model's own offsets: the parsed text keeps every offset).
  const lineStart = (line: number) => model.offsetAt({ line, character: 0 });
  const structural = new Uint8Array(n);
  const spanStart = new Int32Array(n);
  const spanEnd = new Int32Array(n);
  const firstLine = new Int32Array(n);
  const lastLine = new Int32Array(n);
  const parts: string[] = [model.escape, text.slice(0, n ? lineStart(instructions[0].getRange().start.line) : text.length)];
  for (let i = 0; i < n; i++) {
    const range = instructions[i].getRange();
    firstLine[i] = range.start.line;
    lastLine[i] = range.end.line;
    spanStart[i] = lineStart(range.start.line);
    spanEnd[i] = lineStart(range.end.line + 1);
    // Two instructions on one line cannot be told apart: no kept results for this file.
    if (i > 0 && firstLine[i] <= lastLine[i - 1]) return null;
    if (STRUCTURAL.has(instructions[i].getKeyword())) {
      structural[i] = 1;
      parts.push(text.slice(spanStart[i], spanEnd[i]));
    }
  }
  const structure = `${context}\n${parts.join('\0')}`;
  let records = byStructure.get(structure);
  if (records) byStructure.delete(structure);
  const previous = records ?? new Map<string, InstructionResults>();
  // Only this version's instructions are kept: the next version's unchanged ones are among them.
  records = new Map();
  byStructure.set(structure, records);
  for (const key of byStructure.keys()) {
    if (byStructure.size <= KEPT_STRUCTURES) break;
    byStructure.delete(key);
  }
  const list = new Array<InstructionResults>(n);
  const created = newBatch();
  let pristine = true;
  let before = 0;
  for (let i = 0; i < n; i++) {
    // Whether the shell parser skipped the RUN (the document's budget, a restart) is part of what it reports.
    const skipped = model.runOf(instructions[i])?.script.skipped?.reason ?? '';
    const key = `${before}\0${skipped}\0${text.slice(spanStart[i], spanEnd[i])}`;
    if (structural[i]) before++;
    let record = records.get(key) ?? previous.get(key);
    if (!record) record = newRecord<KeptHits>(created);
    else if (record.batch !== created) pristine = false;
    records.set(key, record);
    list[i] = record;
  }
  return { text, instructions, structural, spanStart, spanEnd, firstLine, lastLine, records: list, batch: pristine ? created : undefined, restricted: new Map() };
}

/**
 * The model of the file with every instruction emptied that is neither structural nor in `fresh`: their lines stay,
 * without their text, so every line and column is the file's own (offsets are not; see inFile).
 */
function restrictedModel(layout: Layout, fresh: number[]): DockerfileModel {
  const key = fresh.join(',');
  const known = layout.restricted.get(key);
  if (known) return known;
  const { text, structural, spanStart, spanEnd } = layout;
  const keep = new Uint8Array(structural);
  for (const i of fresh) keep[i] = 1;
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < keep.length; i++) {
    if (keep[i]) continue;
    parts.push(text.slice(at, spanStart[i]), lineBreaks(text, spanStart[i], spanEnd[i]));
    at = spanEnd[i];
  }
  // What follows the last instruction (comments, blank lines, the blanked part past the document limit) is left out.
  parts.push(text.slice(at, Math.max(at, spanEnd[keep.length - 1] ?? at)));
  const model = buildModelAside(parts.join(''));
  layout.restricted.set(key, model);
  return model;
}

/** The line breaks of text[start, end), as they are written. */
function lineBreaks(text: string, start: number, end: number): string {
  const span = text.slice(start, end);
  // One line ended by LF (the common case): its break only.
  if (span.indexOf('\n') === span.length - 1 && !span.includes('\r')) return '\n';
  return span.replace(/[^\r\n]+/g, '');
}

/** A hit of the restricted model where it is in the file: `data.offset` read as a line and column there. */
function inFile(hit: RuleHit, restricted: DockerfileModel, model: DockerfileModel): RuleHit {
  const offset = hit.data?.offset;
  if (typeof offset !== 'number') return hit;
  return { ...hit, data: { ...hit.data, offset: model.offsetAt(restricted.positionAt(offset)) } };
}

/** The instruction whose lines hold the hit, or -1. */
function owner(layout: Layout, hit: RuleHit): number {
  const { start, end } = hit.range;
  const { firstLine, lastLine } = layout;
  const at = lastStartingBy(firstLine.length, (k) => firstLine[k], start.line);
  return at >= 0 && end.line <= lastLine[at] && start.line <= lastLine[at] ? at : -1;
}

function checkKept(rule: DockerfileRule, ordinal: number, ctx: DockerfileRuleContext): RuleHit[] {
  const layout = layoutOf(ctx);
  if (!layout) return rule.check(ctx);
  const { records, instructions } = layout;
  const n = records.length;
  // A file's first analysis: the rule has run on none of its instructions.
  if (layout.batch && !layout.batch.ran[ordinal]) return recorded(rule.check(ctx), layout, ordinal);
  const fresh: number[] = [];
  const keptHits: number[] = [];
  for (let i = 0; i < n; i++) {
    const record = records[i];
    if (!hasRun(record, ordinal)) fresh.push(i);
    else if (record.hits?.has(ordinal)) keptHits.push(i);
  }
  if (!fresh.length) return placedGroups(layout, ordinal, new Map(), keptHits);
  // A changed RUN the shell parser skipped in the file would be parsed when alone: then the whole file is checked.
  const whole = fresh.length === n || fresh.some((i) => ctx.model.runOf(instructions[i])?.script.skipped);
  const restricted = whole ? undefined : restrictedModel(layout, fresh);
  // A changed RUN skipped when alone (a shell parser restart): checked whole too.
  if (!restricted || restricted.runs.some((r) => r.script.skipped)) return recorded(rule.check(ctx), layout, ordinal);
  const found = new Map<number, RuleHit[]>();
  for (const reported of rule.check({ ...ctx, model: restricted })) {
    const hit = inFile(reported, restricted, ctx.model);
    const i = owner(layout, hit);
    // A hit outside every instruction, or across two: the rule is not instruction-scoped here. Checked whole.
    if (i < 0) return recorded(rule.check(ctx), layout, ordinal);
    // A structural instruction's hit when it did not change: kept from the run that checked it.
    if (hasRun(records[i], ordinal)) continue;
    const list = found.get(i);
    if (list) list.push(hit);
    else found.set(i, [hit]);
  }
  for (const i of fresh) markRan(records[i], ordinal);
  for (const [i, hits] of found) (records[i].hits ??= new Map()).set(ordinal, { line: layout.firstLine[i], offset: layout.spanStart[i], hits });
  return placedGroups(layout, ordinal, found, keptHits);
}

/** A whole run's hits recorded for every instruction, when each lies in one; returned as the rule gave them. */
function recorded(all: RuleHit[], layout: Layout, ordinal: number): RuleHit[] {
  const found = new Map<number, RuleHit[]>();
  for (const hit of all) {
    const i = owner(layout, hit);
    if (i < 0) return all;
    const list = found.get(i);
    if (list) list.push(hit);
    else found.set(i, [hit]);
  }
  if (layout.batch) markRanInBatch(layout.batch, ordinal);
  else for (const record of layout.records) markRan(record, ordinal);
  for (const [i, hits] of found) (layout.records[i].hits ??= new Map()).set(ordinal, { line: layout.firstLine[i], offset: layout.spanStart[i], hits });
  return all;
}

/** Fresh hits and kept ones (moved) in instruction order; findings at one position keep the rule's order. */
function placedGroups(layout: Layout, ordinal: number, found: Map<number, RuleHit[]>, keptHits: number[]): RuleHit[] {
  return inUnitOrder(found, keptHits, (i) => placed(layout.records[i].hits!.get(ordinal)!, layout.firstLine[i], layout.spanStart[i]));
}

/** Kept hits where their instruction is now: lines and `data.line` shifted, `data.offset` moved. */
function placed(kept: KeptHits, line: number, offset: number): RuleHit[] {
  const shift = line - kept.line;
  const move = offset - kept.offset;
  if (!shift && !move) return kept.hits;
  return kept.hits.map((hit) => {
    const { start, end } = hit.range;
    const moved: RuleHit = { ...hit, range: { start: { line: start.line + shift, character: start.character }, end: { line: end.line + shift, character: end.character } } };
    if (hit.data && (typeof hit.data.line === 'number' || typeof hit.data.offset === 'number')) {
      moved.data = { ...hit.data };
      if (typeof hit.data.line === 'number') moved.data.line = hit.data.line + shift;
      if (typeof hit.data.offset === 'number') moved.data.offset = hit.data.offset + move;
    }
    return moved;
  });
}
