import { isMap, isScalar } from 'yaml';
import { fieldPath, isTemplated } from '../../core/k8s/api-validation';
import { containers, mapAt } from '../../core/k8s/object';
import { parseQuantity, QUANTITY_SYNTAX } from '../../core/k8s/quantity';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const invalidQuantity: ManifestRule = {
  id: 'invalid-quantity',
  aliases: [],
  severity: 'error',
  category: 'correctness',
  scope: 'object',
  docs: {
    summary: 'A resource request or limit the API server cannot parse, a negative one, or an extended resource that is not a whole number.',
    why: 'Quantities are a number with an optional suffix: `500m` (milli), `2`, `1.5`, `256Mi`/`1Gi` (powers of 2), `1M`/`1G` (powers of 10) or an exponent (`1e3`). `1GB`, `256MB `, `100 m` or `0.5 cores` are refused by `kubectl apply`; `1gb`-style mistakes are the most common. Extended resources (`nvidia.com/gpu`) can only be requested in whole units.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      resources:\n        limits:\n          memory: 512MB\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      resources:\n        limits:\n          memory: 512Mi\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      for (const c of containers(obj, true)) {
        for (const kind of ['requests', 'limits']) {
          const map = mapAt(c.map, ['resources', kind]);
          if (!isMap(map)) continue;
          for (const pair of map.items) {
            if (!isScalar(pair.key) || !isScalar(pair.value)) continue;
            const resource = String(pair.key.value);
            const raw = pair.value.value;
            if (raw === null || (typeof raw !== 'string' && typeof raw !== 'number') || (typeof raw === 'string' && isTemplated(raw))) continue;
            const where = `${fieldPath([...c.path, 'resources', kind])}[${resource}]`;
            const q = parseQuantity(raw);
            const range = file.nodeRange(obj.doc, pair.value);
            if (!q) hits.push({ message: `${where}: Invalid value: ${JSON.stringify(String(raw))}: ${QUANTITY_SYNTAX}`, range });
            else if (q.negative) hits.push({ message: `${where}: Invalid value: ${JSON.stringify(String(raw))}: must be greater than or equal to 0`, range });
            else if (resource.includes('/') && !resource.startsWith('hugepages-') && !resource.startsWith('kubernetes.io/') && !Number.isInteger(q.value)) {
              hits.push({ message: `${where}: Invalid value: ${JSON.stringify(String(raw))}: must be an integer (extended resources are whole units)`, range });
            }
          }
        }
      }
    }
    return hits;
  },
};
