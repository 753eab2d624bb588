// Parses one YAML document with the `yaml` package, refusing documents nested too deeply to compose: the composer
// recurses once per level, and past a few thousand levels V8 runs out of stack inside a regular expression compile,
// which aborts the whole process instead of throwing. The lexer and CST parser are iterative, so the depth is
// measured on the CST first and only documents within MAX_NESTING levels are composed.
import { Composer, Parser, YAMLParseError, type CST, type Document, type ErrorCode } from 'yaml';

/** Deepest block/flow collection nesting analysed; real manifests (CRD schemas included) stay far below it. */
export const MAX_NESTING = 500;

/** Error code of a document that was not composed because it nests deeper than MAX_NESTING. */
export const TOO_DEEP = 'NESTING_TOO_DEEP';

const OPTIONS = { prettyErrors: false, uniqueKeys: false } as const;

/** Deepest collection nesting under `token` and the offset where it first exceeds `limit` (iterative). */
export function nestingDepth(token: CST.Token, limit: number): { depth: number; offset?: number } {
  let max = 0;
  const stack: Array<[CST.Token, number]> = [[token, 0]];
  while (stack.length) {
    const [t, depth] = stack.pop()!;
    if (t.type === 'document') {
      if (t.value) stack.push([t.value, depth]);
      continue;
    }
    if (t.type !== 'block-map' && t.type !== 'block-seq' && t.type !== 'flow-collection') continue;
    const level = depth + 1;
    if (level > max) max = level;
    if (level > limit) return { depth: level, offset: t.offset };
    for (const item of t.items) {
      if (item.key) stack.push([item.key, level]);
      if (item.value) stack.push([item.value, level]);
    }
  }
  return { depth: max };
}

/**
 * Parses a document's text as `parseDocument` does (aliases are never expanded, errors stay on the document); a
 * document nested deeper than MAX_NESTING comes back empty with one TOO_DEEP error. Never throws.
 */
export function parseYamlDocument(text: string): Document.Parsed {
  const tokens = Array.from(new Parser().parse(text));
  let tooDeep: number | undefined;
  for (const token of tokens) {
    const { offset } = nestingDepth(token, MAX_NESTING);
    if (offset !== undefined) {
      tooDeep = offset;
      break;
    }
  }
  const composer = new Composer(OPTIONS);
  let doc: Document.Parsed | undefined;
  for (const composed of composer.compose(tooDeep === undefined ? tokens : [], true, text.length)) {
    if (!doc) doc = composed;
    else {
      doc.errors.push(new YAMLParseError(composed.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  if (tooDeep !== undefined) {
    const message = `Nesting deeper than ${MAX_NESTING} levels; this document was not analysed`;
    doc!.errors.push(new YAMLParseError([tooDeep, Math.min(text.length, tooDeep + 1)], TOO_DEEP as ErrorCode, message));
  }
  return doc!;
}
