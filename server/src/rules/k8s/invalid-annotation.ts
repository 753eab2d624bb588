import { isMap, isScalar } from 'yaml';
import { invalidValue, isTemplated, qualifiedName, TOTAL_ANNOTATION_SIZE_LIMIT } from '../../core/k8s/api-validation';
import { mapAt, nodeAt, pairOf, podMetadataPath, type PathKey } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const invalidAnnotation: ManifestRule = {
  id: 'invalid-annotation',
  aliases: [],
  severity: 'error',
  category: 'correctness',
  scope: 'object',
  docs: {
    summary: 'An annotation key the API server rejects, or annotations over 256 KiB in all.',
    why: 'Annotation keys follow the label key syntax (an optional DNS-subdomain prefix and `/`, a name of at most 63 characters); the values are free text, but all of an object\'s annotations together may not exceed 256 KiB. Both make `kubectl apply` fail — the size limit typically after a tool stored a large last-applied configuration or a whole file in an annotation.',
    bad: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  annotations:\n    owner team: payments\n',
    good: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  annotations:\n    example.com/owner-team: payments\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const paths: Array<[PathKey[], string]> = [[['metadata', 'annotations'], 'metadata.annotations']];
      const template = podMetadataPath(obj);
      if (template && obj.kind !== 'Pod') paths.push([[...template, 'annotations'], `${template.join('.')}.annotations`]);
      for (const [path, where] of paths) {
        const map = mapAt(obj.root, path);
        if (!isMap(map)) continue;
        let size = 0;
        for (const pair of map.items) {
          if (!isScalar(pair.key)) continue;
          const key = String(pair.key.value);
          size += Buffer.byteLength(key) + (isScalar(pair.value) && pair.value.value !== null ? Buffer.byteLength(String(pair.value.value)) : 0);
          if (isTemplated(key)) continue;
          // The API server lower-cases annotation keys before checking them.
          const errors = qualifiedName(key.toLowerCase());
          if (errors.length) hits.push({ message: invalidValue(where, key, errors.join('; ')), range: file.nodeRange(obj.doc, pair.key) });
        }
        if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
          const key = nodeAt(obj.root, path.slice(0, -1));
          const last = path[path.length - 1];
          const node = isMap(key) && typeof last === 'string' ? pairOf(key, last)?.key : undefined;
          hits.push({ message: `${where}: Too long: must have at most ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes (these have ${size})`, range: file.nodeRange(obj.doc, (isScalar(node) ? node : map) as never) });
        }
      }
    }
    return hits;
  },
};
