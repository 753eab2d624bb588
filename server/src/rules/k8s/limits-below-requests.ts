import { isMap, isScalar } from 'yaml';
import { fieldPath, isTemplated } from '../../core/k8s/api-validation';
import { containers, mapAt } from '../../core/k8s/object';
import { parseQuantity } from '../../core/k8s/quantity';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const limitsBelowRequests: ManifestRule = {
  id: 'limits-below-requests',
  aliases: [],
  severity: 'error',
  category: 'correctness',
  scope: 'object',
  docs: {
    summary: 'A container requests more of a resource than its limit allows.',
    why: 'A request is what the scheduler reserves and a limit the most the container may use, so a request above the limit cannot be met and the API server refuses the pod ("must be less than or equal to cpu limit"). It usually comes from editing one number and not the other, or from mixing `Mi` and `M`.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      resources:\n        requests:\n          memory: 1Gi\n        limits:\n          memory: 512Mi\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      resources:\n        requests:\n          memory: 512Mi\n        limits:\n          memory: 1Gi\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      for (const c of containers(obj, true)) {
        const requests = mapAt(c.map, ['resources', 'requests']);
        const limits = mapAt(c.map, ['resources', 'limits']);
        if (!isMap(requests) || !isMap(limits)) continue;
        for (const pair of requests.items) {
          if (!isScalar(pair.key) || !isScalar(pair.value)) continue;
          const resource = String(pair.key.value);
          const limitNode = limits.get(resource, true);
          if (!isScalar(limitNode)) continue;
          const [req, lim] = [pair.value.value, limitNode.value].map((v) => (typeof v === 'string' && !isTemplated(v)) || typeof v === 'number' ? parseQuantity(v as string | number) : undefined);
          if (!req || !lim || req.value <= lim.value * (1 + 1e-12)) continue;
          hits.push({
            message: `${fieldPath([...c.path, 'resources', 'requests'])}: Invalid value: "${String(pair.value.value)}": must be less than or equal to ${resource} limit of ${String(limitNode.value)}`,
            range: file.nodeRange(obj.doc, pair.value),
          });
        }
      }
    }
    return hits;
  },
};
