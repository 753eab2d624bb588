import { isMap, isScalar } from 'yaml';
import { fieldPath, isTemplated } from '../../core/k8s/api-validation';
import { containers, podSpecPath, seqAt } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const duplicatePodNames: ManifestRule = {
  id: 'duplicate-pod-names',
  aliases: [],
  severity: 'error',
  category: 'correctness',
  scope: 'object',
  docs: {
    summary: 'Two containers (init containers included) or two volumes of a pod, or two ports of a container, with the same name.',
    why: 'Within a pod, container names and volume names must each be unique, and within a container its port names: they are how probes, volume mounts, Services and `kubectl logs -c` refer to them. The API server refuses the pod with "Duplicate value"; a copied container block with the name left unchanged is the usual cause.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: app:1.4\n    - name: app\n      image: proxy:2.1\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: app:1.4\n    - name: proxy\n      image: proxy:2.1\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const spec = podSpecPath(obj);
      if (!spec) continue;
      const groups: Array<Array<{ node: unknown; where: string }>> = [
        containers(obj, true).map((c) => ({ node: c.map.get('name', true), where: fieldPath([...c.path.slice(0, -1)]) })),
        seqAt(obj.root, [...spec, 'volumes']).map((v) => ({ node: isMap(v) ? v.get('name', true) : undefined, where: fieldPath([...spec, 'volumes']) })),
        // Port names are unique within each container.
        ...containers(obj, true).map((c) => seqAt(c.map, ['ports']).map((p) => ({ node: isMap(p) ? p.get('name', true) : undefined, where: fieldPath([...c.path, 'ports']) }))),
      ];
      for (const group of groups) {
        const seen = new Set<string>();
        for (const { node, where } of group) {
          if (!isScalar(node) || typeof node.value !== 'string' || isTemplated(node.value)) continue;
          if (seen.has(node.value)) hits.push({ message: `${where}[].name: Duplicate value: ${JSON.stringify(node.value)}`, range: file.nodeRange(obj.doc, node) });
          seen.add(node.value);
        }
      }
    }
    return hits;
  },
};
