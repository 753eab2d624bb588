// Merging small trees of entries into existing YAML maps (block or flow) without reformatting them: the fixes that
// add labels, resources or a security context, and the insertion of a first entry (`metadata` before `spec`).
import { isMap, type Node, type YAMLMap } from 'yaml';
import type { ManifestFile, YamlDoc } from './parse';
import type { TextEdit } from '../types';
import { addEntries, eolOf, indentBlock, mapIndent, yamlStyle } from './yaml-edit';
import { blockOf, flowOf, isTreeMap, type TreeMap } from './yaml-write';

/**
 * Edits adding the entries of `tree` that `map` lacks, descending into nested maps that exist (block or flow).
 * Existing values win. Returns null when an existing entry is in the way (a scalar where a map is needed).
 */
export function mergeMap(file: ManifestFile, doc: YamlDoc, map: YAMLMap, tree: TreeMap): TextEdit[] | null {
  const edits: TextEdit[] = [];
  const adds: TreeMap = {};
  for (const [key, value] of Object.entries(tree)) {
    const existing = map.get(key, true);
    if (existing === undefined) adds[key] = value;
    else if (isTreeMap(value)) {
      if (!isMap(existing)) return null;
      const inner = mergeMap(file, doc, existing, value);
      if (!inner) return null;
      edits.push(...inner);
    }
  }
  if (Object.keys(adds).length) {
    if (map.flow) {
      const end = doc.start + (map.range?.[1] ?? 0);
      let close = end - 1;
      while (close > 0 && file.text[close] !== '}') close--;
      const sep = map.items.length ? ', ' : '';
      const at = file.positionAt(close);
      edits.push({ range: { start: at, end: at }, newText: sep + flowOf(adds) });
    } else {
      const add = addEntries(file, doc, map, Object.entries(adds));
      if (!add) return null;
      edits.push(add);
    }
  }
  return joinInsertions(file, edits);
}

/** Like addEntry, but inserts `key:` with a block value as the map's first entry (`metadata` before `spec`). */
export function prependToMap(file: ManifestFile, doc: YamlDoc, map: YAMLMap, key: string, tree: TreeMap): TextEdit | null {
  const indent = mapIndent(file, doc, map);
  const first = map.items[0]?.key as Node | undefined;
  if (indent === undefined || !first?.range) return null;
  const style = yamlStyle(file, doc);
  const eol = eolOf(file);
  const at = file.positionAt(doc.start + first.range[0]);
  // The first key may share its line with a `- ` item; then the new entry takes that place and the old key moves down.
  const text = `${key}:${eol}${indentBlock(blockOf(tree, style), indent + style.step, eol)}${eol}${' '.repeat(indent)}`;
  return { range: { start: at, end: at }, newText: text };
}

/** Joins insertions at the same position into one edit (in order), so their order never depends on the client. */
export function joinInsertions(file: ManifestFile, edits: TextEdit[]): TextEdit[] {
  const eol = eolOf(file);
  const out: TextEdit[] = [];
  for (const e of edits) {
    const same = out.find((o) => o.range.start.line === e.range.start.line && o.range.start.character === e.range.start.character && o.range.end.line === o.range.start.line && o.range.end.character === o.range.start.character);
    // An append prefixes a line break when the file has no final newline; only the first piece needs it.
    if (same) same.newText += same.newText.startsWith(eol) && e.newText.startsWith(eol) ? e.newText.slice(eol.length) : e.newText;
    else out.push({ ...e });
  }
  return out;
}
