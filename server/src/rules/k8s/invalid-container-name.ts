import { isMap, isScalar } from 'yaml';
import { dns1123Label, invalidValue, isTemplated } from '../../core/k8s/api-validation';
import { containers, podSpecPath, seqAt } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const invalidContainerName: ManifestRule = {
  id: 'invalid-container-name',
  aliases: [],
  severity: 'error',
  category: 'correctness',
  scope: 'object',
  docs: {
    summary: 'A container, init container or volume name the API server rejects (not an RFC 1123 label).',
    why: 'Container and volume names must be RFC 1123 labels: lower case letters, digits and `-`, at most 63 characters, alphanumeric at both ends. `web_server` or `Web` passes a YAML schema and fails `kubectl apply`.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web_server\n      image: nginx:1.27\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web-server\n      image: nginx:1.27\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const spec = podSpecPath(obj);
      if (!spec) continue;
      const named = [
        ...containers(obj, true).map((c) => ({ node: c.map.get('name', true), where: `${c.path.slice(spec.length).join('.')}.name` })),
        ...seqAt(obj.root, [...spec, 'volumes']).map((v, i) => ({ node: isMap(v) ? v.get('name', true) : undefined, where: `volumes.${i}.name` })),
      ];
      for (const { node, where } of named) {
        if (!isScalar(node) || typeof node.value !== 'string' || isTemplated(node.value)) continue;
        const errors = dns1123Label(node.value);
        if (errors.length) hits.push({ message: invalidValue(`spec.${where}`, node.value, errors.join('; ')), range: file.nodeRange(obj.doc, node) });
      }
    }
    return hits;
  },
};
