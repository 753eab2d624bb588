import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const yamlSyntax: ManifestRule = {
  id: 'yaml-syntax',
  aliases: [],
  severity: 'error',
  category: 'syntax',
  docs: {
    summary: 'YAML syntax errors in a Kubernetes manifest.',
    why: 'kubectl rejects the whole file when one document does not parse, so nothing in it is applied. Reported for files that hold Kubernetes objects.',
    bad: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: [1, 2',
    good: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "[1, 2]"',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const doc of file.docs) {
      for (const err of doc.doc.errors) {
        const [s, e] = err.pos;
        hits.push({ message: err.message.split('\n')[0], range: file.rangeOf(doc.start + s, doc.start + Math.max(e, s + 1)), data: { code: err.code } });
      }
    }
    return hits;
  },
};
