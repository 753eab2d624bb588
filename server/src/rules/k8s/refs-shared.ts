// Shared by the cross-resource rules (Services, Ingress, autoscaling): name suggestions and the few YAML edits beyond
// yaml-edit.ts that their fixes need (nested merges, the file's own indent step). Reference lookups live in
// core/k8s/references.ts.
import { editDistance } from '../../core/text';
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { pairOf } from '../../core/k8s/object';
import type { K8sObject, ManifestFile, YamlDoc } from '../../core/k8s/parse';
import type { TextEdit } from '../../core/types';
import { endOfNodeLine, eolOf, mapIndent } from '../../core/k8s/yaml-edit';

/** The candidate nearest to `name` within `max` edits (ties: alphabetical first), if any. */
export function closestName(name: string, candidates: Iterable<string>, max = 2): string | undefined {
  let best: [number, string] | undefined;
  for (const c of candidates) {
    // The distance is at least the length difference: skip the O(n·m) computation for names that cannot be close.
    if (Math.abs(c.length - name.length) > max) continue;
    const d = editDistance(name, c);
    if (d <= max && (!best || d < best[0] || (d === best[0] && c < best[1]))) best = [d, c];
  }
  return best?.[1];
}

/** The object of the document a finding's `data.doc` names, in a (re-parsed) file. */
export function objectAtDoc(file: ManifestFile, index: unknown): K8sObject | undefined {
  return file.objects.find((o) => o.doc.index === index);
}

/** A small YAML value for snippets: scalars are written as given, maps and sequences as blocks. */
export type Tree = string | number | Tree[] | { [key: string]: Tree };

/** How a file writes nested blocks: spaces per level, and sequence items indented under their key or flush. */
export interface YamlStyle {
  step: number;
  seqIndent: boolean;
}

/** The style of a document: the indentation of its first nested block map, and the file's sequence style. */
export function yamlStyle(file: ManifestFile, doc: YamlDoc, root: YAMLMap): YamlStyle {
  const indents = root.items.map((p) => (isMap(p.value) ? mapIndent(file, doc, p.value) : undefined));
  const step = indents.find((i) => !!i) ?? 2;
  const m = /^( *)[\w.-]+:[ \t]*\r?\n\1( *)- /m.exec(file.text);
  return { step, seqIndent: !m || m[2].length > 0 };
}

/** Block YAML lines of `key: value` at `indent`. Scalars are written as given (callers quote them). */
export function yamlLines(key: string, value: Tree, indent: number, style: YamlStyle): string[] {
  const pad = ' '.repeat(indent);
  if (typeof value !== 'object') return [`${pad}${key}: ${value}`];
  return [`${pad}${key}:`, ...valueLines(value, indent + style.step, indent, style)];
}

function valueLines(value: Tree[] | { [key: string]: Tree }, mapIndentAt: number, keyIndent: number, style: YamlStyle): string[] {
  if (!Array.isArray(value)) return Object.entries(value).flatMap(([k, v]) => yamlLines(k, v, mapIndentAt, style));
  const at = style.seqIndent ? keyIndent + style.step : keyIndent;
  return value.flatMap((item) => {
    const lines = typeof item === 'object' ? valueLines(item, at + 2, at, style) : [`${' '.repeat(at + 2)}${item}`];
    return [`${' '.repeat(at)}- ${lines[0].trimStart()}`, ...lines.slice(1)];
  });
}

/** An edit appending `key: value` entries (scalars or blocks) after the last entry of a block map. */
export function addEntries(file: ManifestFile, doc: YamlDoc, map: YAMLMap, entries: Array<[string, Tree]>, style: YamlStyle): TextEdit | null {
  const indent = mapIndent(file, doc, map);
  if (indent === undefined || !entries.length) return null;
  const eol = eolOf(file);
  const offset = endOfNodeLine(file, doc, map);
  const lead = offset === 0 || file.text[offset - 1] === '\n' ? '' : eol;
  const at = file.positionAt(offset);
  return { range: { start: at, end: at }, newText: lead + entries.flatMap(([k, v]) => yamlLines(k, v, indent, style)).join(eol) + eol };
}

/** An edit appending `key: value` (scalar or block) as the last entry of a block map. */
export function addEntry(file: ManifestFile, doc: YamlDoc, map: YAMLMap, key: string, value: Tree, style: YamlStyle): TextEdit | null {
  return addEntries(file, doc, map, [[key, value]], style);
}

/** An edit replacing an empty value (`key:`, `key: {}`, `key: []`) with a block, from the end of the key. */
export function fillEmpty(file: ManifestFile, doc: YamlDoc, pair: Pair<Node, Node>, value: Tree, style: YamlStyle): TextEdit | null {
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
export function ensurePath(file: ManifestFile, doc: YamlDoc, map: YAMLMap, keys: string[], value: string, style: YamlStyle): TextEdit | null {
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
