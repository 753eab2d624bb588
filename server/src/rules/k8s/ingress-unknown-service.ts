import { isScalar } from 'yaml';
import { nodeAt } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { workspaceIndex } from '../../core/k8s/workspace-index';
import { closestName, ingressBackends, objectsOf } from '../../core/k8s/references';
import { relocate } from '../../core/k8s/relocate';
import { replaceNode } from '../../core/k8s/yaml-edit';

const INGRESS = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: nginx\n  rules:\n    - host: example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: NAME\n                port:\n                  number: 80\n';
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n';

export const ingressUnknownService: ManifestRule = {
  id: 'ingress-unknown-service',
  aliases: ['kube-linter:dangling-ingress'],
  severity: 'warning',
  category: 'networking',
  docs: {
    summary: 'An Ingress backend that names a Service missing from the workspace.',
    why: 'The ingress controller answers requests for a backend whose Service does not exist with 503 errors. A typo in `service.name` or a Service in another namespace (an Ingress can only route to its own namespace) are the usual causes.',
    bad: `${INGRESS.replace('NAME', 'wbe')}---\n${SERVICE}`,
    good: `${INGRESS.replace('NAME', 'web')}---\n${SERVICE}`,
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const backends = ingressBackends(obj);
      if (!backends.length) continue;
      // One name set per namespace and analysis: a list per Ingress made every lookup scan every Service.
      const names = workspaceIndex(workspace).memo('ingress-unknown-service', obj.namespace, () => new Set(objectsOf(workspace, 'Service', obj.namespace).flatMap((s) => (s.name ? [s.name] : []))));
      for (const b of backends) {
        const node = nodeAt(b.service, ['name']);
        if (!isScalar(node) || typeof node.value !== 'string' || names.has(node.value)) continue;
        const suggestion = closestName(node.value, names);
        hits.push({
          message: `Ingress ${obj.name ?? '(unnamed)'} routes to Service ${node.value}, which does not exist in namespace ${obj.namespace}${suggestion ? `; did you mean ${suggestion}?` : '; create it or fix the name.'}`,
          range: file.nodeRange(obj.doc, node),
          data: { doc: obj.doc.index, path: [...b.path, 'name'], name: node.value, ...(suggestion ? { suggestion } : {}) },
        });
      }
    }
    return hits;
  },
  fixes: [
    {
      id: 'use-closest',
      title: (f) => `Route to Service ${String(f.data?.suggestion)}`,
      safe: false,
      preferred: true,
      apply(input, finding) {
        const { name, suggestion } = finding.data ?? {};
        if (typeof suggestion !== 'string') return null;
        const found = relocate(input, finding);
        if (!found) return null;
        const { file, obj, node } = found;
        if (!isScalar(node) || node.value !== name) return null;
        return { edits: [replaceNode(file, obj.doc, node, suggestion)] };
      },
    },
  ],
};
