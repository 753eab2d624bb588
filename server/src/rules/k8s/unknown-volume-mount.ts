import { isMap, isScalar } from 'yaml';
import { fieldPath, isTemplated } from '../../core/k8s/api-validation';
import { containers, podSpecPath, scalarAt, seqAt } from '../../core/k8s/object';
import { closestName } from '../../core/k8s/references';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const unknownVolumeMount: ManifestRule = {
  id: 'unknown-volume-mount',
  aliases: [],
  severity: 'error',
  category: 'correctness',
  scope: 'object',
  docs: {
    summary: 'A volumeMount (or volumeDevice) that names no volume of the pod.',
    why: 'A container mounts volumes the pod declares under `volumes:` by name. A mount of a name the pod does not declare — a typo, or a volume removed while its mount stayed — makes the API server refuse the pod ("Not found").',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      volumeMounts:\n        - name: cache\n          mountPath: /var/cache/nginx\n  volumes:\n    - name: caches\n      emptyDir: {}\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      volumeMounts:\n        - name: cache\n          mountPath: /var/cache/nginx\n  volumes:\n    - name: cache\n      emptyDir: {}\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const spec = podSpecPath(obj);
      if (!spec) continue;
      // A StatefulSet's volumeClaimTemplates become volumes of each pod under their metadata.name.
      const claims = obj.kind === 'StatefulSet' ? seqAt(obj.root, ['spec', 'volumeClaimTemplates']).map((t) => scalarAt(t, ['metadata', 'name'])) : [];
      const volumes = [...seqAt(obj.root, [...spec, 'volumes']).map((v) => (isMap(v) ? v.get('name') : undefined)), ...claims].filter((n): n is string => typeof n === 'string');
      if (volumes.some(isTemplated)) continue;
      for (const c of containers(obj, true)) {
        for (const key of ['volumeMounts', 'volumeDevices']) {
          seqAt(c.map, [key]).forEach((m, i) => {
            const name = isMap(m) ? m.get('name', true) : undefined;
            if (!isScalar(name) || typeof name.value !== 'string' || isTemplated(name.value) || volumes.includes(name.value)) return;
            const near = closestName(name.value, volumes);
            hits.push({ message: `${fieldPath([...c.path, key, i, 'name'])}: Not found: ${JSON.stringify(name.value)}${near ? ` (did you mean "${near}"?)` : volumes.length ? ` (the pod's volumes: ${volumes.join(', ')})` : ' (the pod declares no volumes)'}`, range: file.nodeRange(obj.doc, name) });
          });
        }
      }
    }
    return hits;
  },
};
