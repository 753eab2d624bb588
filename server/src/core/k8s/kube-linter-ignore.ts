// kube-linter's ignore annotations, honoured as kube-linter users write them: `ignore-check.kube-linter.io/<check>`
// on an object silences that check (our rules with the alias `kube-linter:<check>`) for the object, and
// `kube-linter.io/ignore-all` silences every kube-linter check for it. Read as suppression spans over the object.
import { stringMapAt } from './object';
import type { ManifestFile } from './parse';
import type { Suppressions } from '../suppress';

const IGNORE_CHECK = 'ignore-check.kube-linter.io/';
const IGNORE_ALL = 'kube-linter.io/ignore-all';
/** The suppression key that stands for every `kube-linter:` alias (suppress.ts matches it by prefix). */
export const ALL_KUBE_LINTER = 'kube-linter:*';

export function kubeLinterIgnoreSpans(file: ManifestFile): Suppressions['spans'] {
  const spans: Suppressions['spans'] = [];
  for (const obj of file.objects) {
    const annotations = stringMapAt(obj.root, ['metadata', 'annotations']);
    if (!annotations) continue;
    const keys = new Set<string>();
    for (const key of Object.keys(annotations)) {
      if (key === IGNORE_ALL) keys.add(ALL_KUBE_LINTER);
      else if (key.startsWith(IGNORE_CHECK) && key.length > IGNORE_CHECK.length) keys.add(`kube-linter:${key.slice(IGNORE_CHECK.length).toLowerCase()}`);
    }
    if (!keys.size) continue;
    const range = file.nodeRange(obj.doc, obj.root);
    spans.push({ startLine: range.start.line, endLine: range.end.line, keys });
  }
  return spans;
}
