import { isMap } from 'yaml';
import { labelMapHits } from '../../core/k8s/label-checks';
import { mapAt, podMetadataPath, type PathKey } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const invalidLabel: ManifestRule = {
  id: 'invalid-label',
  aliases: [],
  severity: 'error',
  category: 'correctness',
  scope: 'object',
  docs: {
    summary: 'A label key or value the API server rejects (object and pod template labels).',
    why: 'Label keys are an optional DNS-subdomain prefix and `/` plus a name of at most 63 characters (letters, digits, `-`, `_`, `.`, alphanumeric at both ends); values are at most 63 such characters or empty. A version with a `+`, a path, a URL or a long generated value is refused by `kubectl apply`; put such data in an annotation instead.',
    bad: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n    app.kubernetes.io/version: 1.4.0+build.7\n',
    good: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n    app.kubernetes.io/version: 1.4.0\n  annotations:\n    example.com/build: 1.4.0+build.7\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const paths: Array<[PathKey[], string]> = [[['metadata', 'labels'], 'metadata.labels']];
      const template = podMetadataPath(obj);
      if (template && obj.kind !== 'Pod') paths.push([[...template, 'labels'], `${template.join('.')}.labels`]);
      for (const [path, where] of paths) {
        const map = mapAt(obj.root, path);
        if (isMap(map)) hits.push(...labelMapHits(file, obj, map, where));
      }
    }
    return hits;
  },
};
