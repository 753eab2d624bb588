import { isMap, isScalar } from 'yaml';
import { nodeAt, scalarAt, seqAt } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { workspaceIndex } from '../../core/k8s/workspace-index';
import { ingressBackends } from '../../core/k8s/references';
import { relocate } from '../../core/k8s/relocate';
import { replaceNode, yamlStyle } from '../../core/k8s/yaml-edit';
import { yamlScalar } from '../../core/k8s/yaml-write';

const INGRESS = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: nginx\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: PORT\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - name: http\n      port: 80\n      targetPort: 8080\n';

export const ingressUnknownPort: ManifestRule = {
  id: 'ingress-unknown-port',
  aliases: [],
  severity: 'error',
  category: 'networking',
  docs: {
    summary: "An Ingress backend port that is not one of its Service's ports.",
    why: "An Ingress backend names the Service's `port` (or its port name), not the container's port: with a port the Service does not define, the controller has no endpoints to route to and answers 503.",
    bad: INGRESS.replace('PORT', '8080'),
    good: INGRESS.replace('PORT', '80'),
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const backends = ingressBackends(obj);
      if (!backends.length) continue;
      const index = workspaceIndex(workspace);
      for (const b of backends) {
        // The index finds a named Service without scanning every Service for every backend (quadratic on big files).
        const wanted = scalarAt(b.service, ['name']);
        const service = typeof wanted === 'string' ? index.find('Service', wanted, obj.namespace) : index.of('Service', obj.namespace).find((s) => s.name === wanted);
        if (!service) continue;
        const ports = seqAt(service.root, ['spec', 'ports']).filter(isMap);
        const numbers = ports.map((p) => p.get('port')).filter((n): n is number => typeof n === 'number');
        const names = ports.map((p) => p.get('name')).filter((n): n is string => typeof n === 'string');
        for (const key of ['number', 'name'] as const) {
          const node = nodeAt(b.service, ['port', key]);
          const known: Array<string | number> = key === 'number' ? numbers : names;
          if (!isScalar(node) || node.value === null || known.includes(node.value as string | number)) continue;
          // Only a Service with a single port has an obvious replacement.
          const only = ports.length === 1 ? (key === 'number' ? numbers[0] : names[0]) : undefined;
          hits.push({
            message: `Ingress ${obj.name ?? '(unnamed)'} routes to port ${key === 'name' ? `name "${node.value}"` : node.value} of Service ${service.name}, which defines ${key === 'number' ? `ports ${numbers.join(', ') || 'none'}` : `port names ${names.join(', ') || 'none'}`}; use one of them.`,
            range: file.nodeRange(obj.doc, node),
            data: { doc: obj.doc.index, path: [...b.path, 'port', key], value: node.value, ...(only !== undefined ? { replacement: only } : {}) },
          });
        }
      }
    }
    return hits;
  },
  fixes: [
    {
      id: 'use-service-port',
      title: (f) => `Use the Service's port ${String(f.data?.replacement)}`,
      safe: false,
      preferred: true,
      apply(input, finding) {
        const { value, replacement } = finding.data ?? {};
        if (replacement === undefined) return null;
        const found = relocate(input, finding);
        if (!found) return null;
        const { file, obj, node } = found;
        if (!isScalar(node) || node.value !== value) return null;
        const text = typeof replacement === 'string' ? yamlScalar(replacement, yamlStyle(file, obj.doc).quote) : String(replacement);
        return { edits: [replaceNode(file, obj.doc, node, text)] };
      },
    },
  ],
};
