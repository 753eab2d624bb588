// use-namespace (kube-linter:use-namespace, off by default): a workload or Service that lands in the `default`
// namespace, by naming it or by naming none.
import { isScalar } from 'yaml';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { nodeAt, WORKLOAD_KINDS } from '../../core/k8s/object';
import { metadataAnchor } from '../../core/k8s/pod-spec';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nNSspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n';

export const useNamespace: ManifestRule = {
  id: 'use-namespace',
  aliases: ['kube-linter:use-namespace'],
  severity: 'warning',
  category: 'security',
  scope: 'object',
  offByDefault: true,
  docs: {
    summary: 'A workload or Service in the `default` namespace (named, or no namespace at all).',
    why: "Namespaces are the boundary of RBAC, quotas, NetworkPolicies and Pod Security admission. Everything in `default` shares one boundary, and an object without a namespace lands wherever the current kubectl context points. The CIS Kubernetes Benchmark (5.7.1, 5.7.4) asks for a namespace of each application's own.",
    bad: SERVICE.replace('NS', ''),
    good: SERVICE.replace('NS', '  namespace: shop\n'),
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      if (!WORKLOAD_KINDS.has(obj.kind) && !(obj.kind === 'Service' && obj.apiVersion === 'v1')) continue;
      const ns = nodeAt(obj.root, ['metadata', 'namespace']);
      const named = isScalar(ns) && ns.value !== null && ns.value !== '';
      if (named && ns.value !== 'default') continue;
      const what = `${obj.kind} ${obj.name ?? '(unnamed)'}`;
      hits.push({
        message: named
          ? `${what} is in the default namespace; put it in a namespace of its own application.`
          : `${what} sets no namespace, so it lands in the kubectl context's namespace (default unless set); set metadata.namespace.`,
        range: file.nodeRange(obj.doc, named ? ns : metadataAnchor(obj)),
      });
    }
    return hits;
  },
};
