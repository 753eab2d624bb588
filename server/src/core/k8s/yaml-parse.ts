// Parses one YAML document with the `yaml` package, refusing documents nested too deeply to compose: the composer
// recurses once per level, and past a few thousand levels V8 runs out of stack inside a regular expression compile,
// which aborts the whole process instead of throwing. The lexer and CST parser are iterative, so the depth is
// measured on the CST first and only documents within MAX_NESTING levels are composed.
import { Composer, parseDocument, YAMLParseError, type CST, type Document, type ErrorCode } from 'yaml';
import { parseCst } from './yaml-cst';
import { lexYaml } from './yaml-lex';

/** Deepest block/flow collection nesting analyzed; real manifests (CRD schemas included) stay far below it. */
export const MAX_NESTING = 500;

/**
 * Nesting at which the text is cut before parsing: the CST parser is iterative but allocates per level (100,000
 * levels took about a second) and recursive when it closes levels (2,000 block maps overflowed the stack), so
 * text nested past this bound is not handed to it.
 */
const CUT_NESTING = 2 * MAX_NESTING;

/** Error code of a document that was not composed because it nests deeper than MAX_NESTING. */
export const TOO_DEEP = 'NESTING_TOO_DEEP';

const OPTIONS = { prettyErrors: false, uniqueKeys: false } as const;
const MAX_ERRORS_WHEN_DEEP = 10;

/**
 * Replaces every collection nested deeper than `limit` under `token` by an empty scalar, so the document composes
 * with its outer structure (apiVersion, kind, metadata) intact. Returns the offset of the first one replaced.
 * Iterative: the CST can be any depth.
 */
export function pruneDeepCollections(token: CST.Token, limit: number): number | undefined {
  let first: number | undefined;
  const stack: Array<[CST.Token, number]> = [[token, 0]];
  while (stack.length) {
    const [t, depth] = stack.pop()!;
    if (t.type === 'document') {
      if (t.value) stack.push([t.value, depth]);
      continue;
    }
    if (t.type !== 'block-map' && t.type !== 'block-seq' && t.type !== 'flow-collection') continue;
    const level = depth + 1;
    for (const item of t.items as Array<{ key?: CST.Token | null; value?: CST.Token }>) {
      for (const field of ['key', 'value'] as const) {
        const child = item[field];
        if (!child) continue;
        if (level < limit || !isCollection(child)) stack.push([child, level]);
        else {
          if (first === undefined || child.offset < first) first = child.offset;
          item[field] = { type: 'scalar', offset: child.offset, indent: 0, source: '' };
        }
      }
    }
  }
  return first;
}

/**
 * Where a cheap upper bound of the nesting first exceeds `cap`, -1 when it never does (linear): open flow brackets
 * (quoted or not), plus, per line, the indentation, the `- `/`? `/`: ` indicators that start it and the `: ` outside
 * flow collections, quotes and comments after them (`a: b: c: …` on one line nests a map per key in the CST parser, whose recursion on
 * the next dedent overflowed the stack at 2,000 keys).
 */
export function nestingCut(text: string, cap: number): number {
  let flow = 0;
  let lineStart = true;
  let lead = 0;
  let quote = 0;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A lone CR ends a line too (YAML's b-char; files with old Mac line endings): missing it let 2,000 nested maps
    // on CR-separated lines through to the recursive parser.
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      lineStart = true;
      lead = 0;
      quote = 0;
      comment = false;
      continue;
    }
    if (comment) continue;
    if (lineStart) {
      const indicator = (c === 45 || c === 63 || c === 58) && isBlank(text.charCodeAt(i + 1));
      if (c === 32 || c === 9 || indicator) {
        lead++;
        if (indicator) i++;
        if (flow + lead > cap) return i;
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (quote === 34 && c === 92) i++;
      else if (c === quote) {
        if (quote === 39 && text.charCodeAt(i + 1) === 39) i++;
        else quote = 0;
      }
      continue;
    }
    const before = i > 0 ? text.charCodeAt(i - 1) : 10;
    if ((c === 34 || c === 39) && (isBlank(before) || before === 10 || before === 91 || before === 123 || before === 44 || before === 58)) quote = c;
    else if (c === 35 && (isBlank(before) || before === 10)) comment = true;
    else if (c === 58 && flow === 0 && isBlank(text.charCodeAt(i + 1))) {
      if (flow + ++lead > cap) return i;
    } else if (c === 91 || c === 123) {
      if (++flow + lead > cap) return i;
    } else if ((c === 93 || c === 125) && flow > 0) flow--;
  }
  return -1;
}

const isBlank = (c: number) => c === 32 || c === 9;

/**
 * One YAML document (one object) longer than this is not parsed: the `yaml` package takes about a second for 2 MB,
 * and every request must answer within one. The API server refuses such an object anyway (etcd stores at most
 * 1.5 MB per object; a ConfigMap or Secret holds at most 1 MiB of data).
 */
export const MAX_DOCUMENT_CHARS = 1024 * 1024;

/**
 * Nor is one of more lexical tokens than this (a key, an indicator, a run of spaces, a line break: `  key: value` is
 * 8 with its line break): the parse costs 1.5–2.5 µs a token whatever their length, so short lines under the size
 * bound took about a second (50,000 `k: v` keys in 0.55 MB, 400,000 tokens: 0.6–1.0 s in the server; 200,000
 * numbers in one flow sequence: 1.3 s). The bound is about 25,000 lines of keys and values, 0.3–0.5 s; the largest
 * real objects (CRDs with their whole OpenAPI schema) stay below it.
 */
export const MAX_DOCUMENT_TOKENS = 200_000;

/** Error code of a document that was not parsed because it is over MAX_DOCUMENT_CHARS or MAX_DOCUMENT_TOKENS. */
export const TOO_LARGE = 'DOCUMENT_TOO_LARGE';

/**
 * An empty document; when the text starts like a Kubernetes object (top-level `apiVersion:` and `kind:` in its
 * first 4 KB), with one error, `message`, saying why it was not analyzed. Other large YAML gets nothing, as usual.
 */
function tooLarge(text: string, message: string): Document.Parsed {
  const doc = parseDocument('', OPTIONS) as Document.Parsed;
  const head = text.slice(0, 4096);
  if (!/^apiVersion:/m.test(head) || !/^kind:/m.test(head)) return doc;
  doc.errors.push(new YAMLParseError([0, Math.min(text.length, 1)], TOO_LARGE as ErrorCode, message));
  return doc;
}

function tooManyTokens(text: string): Document.Parsed {
  const lines = lineCount(text).toLocaleString('en-US');
  return tooLarge(text, `YAML document too large to analyze (${lines} lines, over ${MAX_DOCUMENT_TOKENS.toLocaleString('en-US')} YAML tokens): parsing it would take about a second`);
}

/** Line breaks in `text` plus one; stops counting past `max`. */
function lineCount(text: string, max = Infinity): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && lines <= max; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** The CST of `source`, or undefined when it has more than MAX_DOCUMENT_TOKENS lexical tokens. */
function parseTokens(source: string): CST.Token[] | undefined {
  // Every line break is a token: a text of more lines is refused without lexing it.
  if (lineCount(source, MAX_DOCUMENT_TOKENS) > MAX_DOCUMENT_TOKENS) return undefined;
  // Parser.parse(source) with a count of the lexer's tokens, as yaml's documentation drives the two; the lexemes
  // and the tree from yaml-lex.ts and yaml-cst.ts, which are yaml's Lexer's and Parser's without their per-lexeme
  // generator allocations.
  const lexemes = lexYaml(source, MAX_DOCUMENT_TOKENS);
  return lexemes && parseCst(lexemes);
}

function isCollection(t: CST.Token): boolean {
  return t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection';
}

/**
 * Parses a document's text as `parseDocument` does (aliases are never expanded, errors stay on the document); a
 * document nested deeper than MAX_NESTING keeps its outer levels (deeper collections become null) and gets one TOO_DEEP
 * error where the first cut was made. Never throws.
 */
export function parseYamlDocument(text: string): Document.Parsed {
  if (text.length > MAX_DOCUMENT_CHARS) {
    const mb = (text.length / (1024 * 1024)).toFixed(1);
    return tooLarge(text, `YAML document too large to analyze (${mb} MB; the limit is 1 MB): the API server refuses objects over 1.5 MB`);
  }
  const cut = nestingCut(text, CUT_NESTING);
  let tokens: CST.Token[];
  try {
    const parsed = parseTokens(cut < 0 ? text : text.slice(0, cut));
    if (!parsed) return tooManyTokens(text);
    tokens = parsed;
  } catch (e) {
    // The bound above is a cheap estimate; if some shape still nests past the parser's recursion, say so instead of
    // failing the rules that read the document.
    if (!(e instanceof RangeError)) throw e;
    const doc = parseDocument('', OPTIONS) as Document.Parsed;
    doc.errors.push(new YAMLParseError([0, Math.min(1, text.length)], TOO_DEEP as ErrorCode, `Nested too deeply to parse (over the parser's recursion limit); the document was not analyzed`));
    return doc;
  }
  let tooDeep: number | undefined = cut < 0 ? undefined : cut;
  for (const token of tokens) {
    const offset = pruneDeepCollections(token, MAX_NESTING);
    if (offset !== undefined && (tooDeep === undefined || offset < tooDeep)) tooDeep = offset;
  }
  const composer = new Composer(OPTIONS);
  let doc: Document.Parsed | undefined;
  // yaml's errors are Errors, and each captures a stack trace nobody reads (the findings take their code, message
  // and offsets): a 76 KB line of `{}` pairs made 76,000 of them, 0.6 s of its 0.7 s parse.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    for (const composed of composer.compose(tokens, true, text.length)) {
      if (!doc) doc = composed;
      else {
        doc.errors.push(new YAMLParseError(composed.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
        break;
      }
    }
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  if (tooDeep !== undefined) {
    // The parser saw the text up to the cut only: what it says past the first cut is about the cut, not the file.
    // Every unclosed level of a deep flow collection reports the same error at the same place: keep one.
    const seen = new Set<string>();
    const from = tooDeep;
    // Each level of a deep line can report its own error (2,000 nested maps on a line): the first few say enough.
    doc!.errors = doc!.errors
      .filter((e) => (cut < 0 || e.pos[0] < from) && !seen.has(`${e.code} ${e.pos[0]}`) && !!seen.add(`${e.code} ${e.pos[0]}`))
      .slice(0, MAX_ERRORS_WHEN_DEEP);
    const message = `Nesting deeper than ${MAX_NESTING} levels; the values below that depth were not analyzed`;
    doc!.errors.push(new YAMLParseError([tooDeep, Math.min(text.length, tooDeep + 1)], TOO_DEEP as ErrorCode, message));
  }
  return doc!;
}
