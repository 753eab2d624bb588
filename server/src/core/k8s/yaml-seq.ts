// Appending an item to an existing YAML sequence without reformatting it: after the last `- item` of a block
// sequence at its dash column, or before the `]` of a flow sequence (capabilities.drop: [NET_RAW] and the like).
import { isSeq, type Node } from 'yaml';
import type { ManifestFile, YamlDoc } from './parse';
import type { TextEdit } from '../types';
import { dashBefore, endOfNodeLine, eolOf } from './yaml-edit';

/** An edit appending `itemText` (a YAML scalar as written) to a sequence node; null when it is not one or has no place for it. */
export function appendToSeq(file: ManifestFile, doc: YamlDoc, seq: Node, itemText: string): TextEdit | null {
  if (!isSeq(seq) || !seq.range) return null;
  if (seq.flow) {
    let close = doc.start + seq.range[1] - 1;
    while (close > doc.start && file.text[close] !== ']') close--;
    if (file.text[close] !== ']') return null;
    const at = file.positionAt(close);
    return { range: { start: at, end: at }, newText: (seq.items.length ? ', ' : '') + itemText };
  }
  const first = seq.items[0] as Node | null | undefined;
  const last = seq.items[seq.items.length - 1] as Node | null | undefined;
  if (!first?.range || !last?.range) return null;
  const dash = dashBefore(file, doc, first.range[0]);
  if (dash === undefined) return null;
  const col = file.positionAt(dash).character;
  const offset = endOfNodeLine(file, doc, last);
  const eol = eolOf(file);
  const lead = offset === 0 || file.text[offset - 1] === '\n' ? '' : eol;
  const at = file.positionAt(offset);
  return { range: { start: at, end: at }, newText: `${lead}${' '.repeat(col)}- ${itemText}${eol}` };
}
