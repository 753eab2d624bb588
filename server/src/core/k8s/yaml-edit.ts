// Text edits to YAML that keep the user's formatting and comments: fixes insert or replace lines computed from
// node ranges and indentation instead of re-serialising documents. New entries follow the file's style (yaml-write.ts).
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ManifestFile, YamlDoc } from './parse';
import type { TextEdit } from '../types';
import { nodeAt, pairOf } from './object';
import { quoteStyle, yamlLines, type Tree, type YamlStyle } from './yaml-write';

/** The line ending the file uses. */
export function eolOf(file: ManifestFile): string {
  let eol = eols.get(file);
  // Read once per file: a fix-all asks for every edit, and the search spans the whole text when it has no CRLF.
  if (!eol) eols.set(file, (eol = file.text.includes('\r\n') ? '\r\n' : '\n'));
  return eol;
}

const eols = new WeakMap<ManifestFile, string>();

/** Column of the first key of a block map (its items' indentation), or undefined for flow or empty maps. */
export function mapIndent(file: ManifestFile, doc: YamlDoc, map: YAMLMap): number | undefined {
  if (map.flow || !map.items.length) return undefined;
  const key = map.items[0].key as Node | null;
  if (!key?.range) return undefined;
  return file.positionAt(doc.start + key.range[0]).character;
}

/** Offset just after the last line of a node (the start of the next line). */
export function endOfNodeLine(file: ManifestFile, doc: YamlDoc, node: Node): number {
  const end = doc.start + (node.range?.[1] ?? 0);
  // range[1] of a block node may already sit at the start of the next line; trim back over trailing blanks.
  let at = end;
  while (at > 0 && /[ \t\r\n]/.test(file.text[at - 1])) at--;
  const nl = file.text.indexOf('\n', at);
  return nl < 0 ? file.text.length : nl + 1;
}

/** Indents every line of a YAML snippet (written with '\n' and no base indentation) by `indent` spaces. */
export function indentBlock(snippet: string, indent: number, eol: string): string {
  const pad = ' '.repeat(indent);
  return snippet
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join(eol);
}

/** The style of a document: the indentation of its first nested block map, and the file's sequence and quote style. */
export function yamlStyle(file: ManifestFile, doc: YamlDoc, root: unknown = doc.doc.contents): YamlStyle {
  const indents = isMap(root) ? root.items.map((p) => (isMap(p.value) ? mapIndent(file, doc, p.value) : undefined)) : [];
  const step = indents.find((i) => !!i) ?? 2;
  return { step, ...fileStyle(file) };
}

/** The file-wide part of the style, read once per file: each fix of a fix-all would otherwise scan the whole text. */
const fileStyles = new WeakMap<ManifestFile, Omit<YamlStyle, 'step'>>();

function fileStyle(file: ManifestFile): Omit<YamlStyle, 'step'> {
  let style = fileStyles.get(file);
  if (!style) {
    const m = /^( *)[\w.-]+:[ \t]*\r?\n\1( *)- /m.exec(file.text);
    fileStyles.set(file, (style = { seqIndent: !m || m[2].length > 0, quote: quoteStyle(file.text) }));
  }
  return style;
}

/** An edit inserting lines (joined with the file's line ending) after the last line of a block map. */
function appendLines(file: ManifestFile, doc: YamlDoc, map: YAMLMap, lines: string[]): TextEdit {
  const eol = eolOf(file);
  const offset = endOfNodeLine(file, doc, map);
  const lead = offset === 0 || file.text[offset - 1] === '\n' ? '' : eol;
  const at = file.positionAt(offset);
  return { range: { start: at, end: at }, newText: lead + lines.join(eol) + eol };
}

/** An edit appending `key: value` entries (scalars or blocks, in the file's style) after the last entry of a block map. */
export function addEntries(file: ManifestFile, doc: YamlDoc, map: YAMLMap, entries: Array<[string, Tree]>, style: YamlStyle = yamlStyle(file, doc)): TextEdit | null {
  const indent = mapIndent(file, doc, map);
  if (indent === undefined || !entries.length) return null;
  return appendLines(file, doc, map, entries.flatMap(([k, v]) => yamlLines(k, v, indent, style)));
}

/** An edit appending `key: value` (scalar or block) as the last entry of a block map. */
export function addEntry(file: ManifestFile, doc: YamlDoc, map: YAMLMap, key: string, value: Tree, style?: YamlStyle): TextEdit | null {
  return addEntries(file, doc, map, [[key, value]], style);
}

/**
 * Like addEntry for a value copied from source: `value` is a YAML snippet, a scalar (`"2"`) or a block (`cpu: 100m`,
 * several lines, `- item`) written at zero indentation, nested one indent step of the file under the key.
 * Returns null for flow or empty maps.
 */
export function addToMap(file: ManifestFile, doc: YamlDoc, map: YAMLMap, key: string, value: string): TextEdit | null {
  // A snippet with a newline, a `key: value` or a `- item` is a block nested under the key; anything else a scalar.
  if (!/\n|^- |: |:$/.test(value)) return addEntry(file, doc, map, key, value);
  const indent = mapIndent(file, doc, map);
  if (indent === undefined) return null;
  const nested = indentBlock(value, indent + yamlStyle(file, doc).step, '\n').split('\n');
  return appendLines(file, doc, map, [`${' '.repeat(indent)}${key}:`, ...nested]);
}

/** An edit replacing an empty value (`key:`, `key: {}`, `key: []`) with a block, from the end of the key. */
export function fillEmpty(file: ManifestFile, doc: YamlDoc, pair: Pair<Node, Node>, value: Tree, style: YamlStyle = yamlStyle(file, doc)): TextEdit | null {
  const v = pair.value as Node | null;
  const isNull = !v || (isScalar(v) && (v.value === null || v.value === ''));
  if (!(isNull || ((isMap(v) || isSeq(v)) && !v.items.length)) || !pair.key.range) return null;
  const col = file.positionAt(doc.start + pair.key.range[0]).character;
  const keyEnd = doc.start + pair.key.range[1];
  // A null value's range sits at the next line; replace up to the end of the key line instead.
  const end = isNull ? keyEnd + /^[ \t]*:[ \t]*(#.*)?|^/.exec(file.text.slice(keyEnd))![0].length : doc.start + v!.range![1];
  const eol = eolOf(file);
  return { range: file.rangeOf(keyEnd, end), newText: yamlLines('', value, col, style).join(eol).slice(col) };
}

/**
 * An edit setting `keys` (a path below a block map) to a scalar unless it is set, merging into the maps on the way:
 * adds the missing tail of the path, or fills an empty map. Null when already set or not editable.
 */
export function ensurePath(file: ManifestFile, doc: YamlDoc, map: YAMLMap, keys: string[], value: string, style: YamlStyle = yamlStyle(file, doc)): TextEdit | null {
  const [key, ...rest] = keys;
  const pair = pairOf(map, key);
  const tail = rest.reduceRight<Tree>((inner, k) => ({ [k]: inner }), value);
  if (!pair) return addEntry(file, doc, map, key, tail, style);
  if (!rest.length) return null;
  if (isMap(pair.value) && pair.value.items.length && !pair.value.flow) return ensurePath(file, doc, pair.value, rest, value, style);
  return fillEmpty(file, doc, pair, tail, style);
}

/** An edit inserting `key: value` on its own line just before an existing key of a block map. */
export function insertBefore(file: ManifestFile, doc: YamlDoc, map: YAMLMap, before: string, key: string, value: string): TextEdit | null {
  const at = pairOf(map, before)?.key.range?.[0];
  const indent = mapIndent(file, doc, map);
  if (at === undefined || indent === undefined) return null;
  const line = file.positionAt(doc.start + at).line;
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${' '.repeat(indent)}${key}: ${value}${eolOf(file)}` };
}

/**
 * Raises the number at `map.<key>` to `value` (replicas, minReplicas): replaces it when `raise(current)` holds (by
 * default: below `value`), adds the key just before `before` (else at the end) when it is missing; null when it is
 * there and not to be raised, or not a number.
 */
export function raiseNumber(file: ManifestFile, doc: YamlDoc, map: YAMLMap, key: string, value: number, before: string, raise = (n: number) => n < value): TextEdit | null {
  const node = nodeAt(map, [key]);
  if (node) return isScalar(node) && typeof node.value === 'number' && raise(node.value) ? replaceNode(file, doc, node, String(value)) : null;
  return insertBefore(file, doc, map, before, key, String(value)) ?? addEntry(file, doc, map, key, String(value));
}

/** An edit deleting a map entry's whole lines (key, value and nested block). */
export function removeFromMap(file: ManifestFile, doc: YamlDoc, map: YAMLMap, key: string): TextEdit | null {
  const pair = pairOf(map, key);
  const keyNode = pair?.key as Node | undefined;
  if (!pair || !keyNode?.range || map.flow) return null;
  const lineStart = file.offsetAt({ line: file.positionAt(doc.start + keyNode.range[0]).line, character: 0 });
  const valueNode = (pair.value as Node | null) ?? keyNode;
  const end = endOfNodeLine(file, doc, valueNode);
  return { range: file.rangeOf(lineStart, end), newText: '' };
}

/** Offset of the `-` that starts the sequence item whose node begins at `nodeStart` (document-relative), if any. */
export function dashBefore(file: ManifestFile, doc: YamlDoc, nodeStart: number): number | undefined {
  let at = doc.start + nodeStart - 1;
  while (at >= doc.start && /[ \t\r\n]/.test(file.text[at])) at--;
  return file.text[at] === '-' ? at : undefined;
}

/** An edit deleting the whole lines of a block sequence item (from its `- ` to the end of its value). */
export function removeSeqItem(file: ManifestFile, doc: YamlDoc, item: Node): TextEdit | null {
  const dash = dashBefore(file, doc, item.range?.[0] ?? 0);
  if (dash === undefined) return null;
  const lineStart = file.offsetAt({ line: file.positionAt(dash).line, character: 0 });
  if (file.text.slice(lineStart, dash).trim()) return null;
  return { range: file.rangeOf(lineStart, endOfNodeLine(file, doc, item)), newText: '' };
}

/** An edit replacing a scalar or block node's source text. */
export function replaceNode(file: ManifestFile, doc: YamlDoc, node: Node, text: string): TextEdit {
  const [s, e] = node.range ?? [0, 0];
  return { range: file.rangeOf(doc.start + s, doc.start + e), newText: text };
}

/** True when a node is a non-empty block collection (edits can append to it line-wise). */
export function isBlockCollection(node: unknown): boolean {
  return (isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0;
}
