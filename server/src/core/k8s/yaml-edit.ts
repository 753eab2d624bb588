// Text edits to YAML that keep the user's formatting and comments: fixes insert or replace lines computed from
// node ranges and indentation instead of re-serialising documents.
import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import type { ManifestFile, YamlDoc } from './parse';
import type { TextEdit } from '../types';

/** The line ending the file uses. */
export function eolOf(file: ManifestFile): string {
  return file.text.includes('\r\n') ? '\r\n' : '\n';
}

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

/**
 * An edit adding `key: <value>` as the last entry of a block map. `value` is a YAML snippet: a scalar
 * (`"2"`) or a block (`cpu: 100m`, several lines, `- item`) written at zero indentation and nested under the key.
 * Returns null for flow or empty maps.
 */
export function addToMap(file: ManifestFile, doc: YamlDoc, map: YAMLMap, key: string, value: string): TextEdit | null {
  const indent = mapIndent(file, doc, map);
  if (indent === undefined) return null;
  const eol = eolOf(file);
  const at = file.positionAt(endOfNodeLine(file, doc, map));
  // A snippet with a newline, a `key: value` or a `- item` is a block nested under the key; anything else a scalar.
  const block = /\n|^- |: |:$/.test(value);
  const text = block ? `${' '.repeat(indent)}${key}:${eol}${indentBlock(value, indent + 2, eol)}${eol}` : `${' '.repeat(indent)}${key}: ${value}${eol}`;
  return { range: { start: at, end: at }, newText: endsWithNewline(file, at) ? text : eol + text };
}

function endsWithNewline(file: ManifestFile, at: { line: number; character: number }): boolean {
  const offset = file.offsetAt(at);
  return offset === 0 || file.text[offset - 1] === '\n';
}

/** An edit deleting a map entry's whole lines (key, value and nested block). */
export function removeFromMap(file: ManifestFile, doc: YamlDoc, map: YAMLMap, key: string): TextEdit | null {
  const pair = map.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
  const keyNode = pair?.key as Node | undefined;
  if (!pair || !keyNode?.range || map.flow) return null;
  const lineStart = file.offsetAt({ line: file.positionAt(doc.start + keyNode.range[0]).line, character: 0 });
  const valueNode = (pair.value as Node | null) ?? keyNode;
  const end = endOfNodeLine(file, doc, valueNode);
  return { range: file.rangeOf(lineStart, end), newText: '' };
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
