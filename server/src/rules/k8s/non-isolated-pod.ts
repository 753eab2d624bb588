// non-isolated-pod (kube-linter:non-isolated-pod, off by default): a workload whose pods no NetworkPolicy of the
// workspace selects (same namespace; podSelector by matchLabels and matchExpressions, `{}` selects every pod).
import { isScalar } from 'yaml';
import { nodeAt, podLabels, podSpecPath } from '../../core/k8s/object';
import { labelSelectorMatches } from '../../core/k8s/pod-security';
import { objectsOf } from '../../core/k8s/references';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const nonIsolatedPod: ManifestRule = {
  id: 'non-isolated-pod',
  aliases: ['kube-linter:non-isolated-pod'],
  severity: 'info',
  category: 'networking',
  offByDefault: true,
  docs: {
    summary: 'A workload whose pods no NetworkPolicy in the workspace selects.',
    why: 'A pod that no NetworkPolicy selects accepts connections from every pod in the cluster and can connect anywhere: one compromised pod can then reach it directly. Select it with a NetworkPolicy in its namespace, a default-deny one (`podSelector: {}`) plus policies that allow the traffic it needs. Only the manifests of the workspace are searched.',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  selector:\n    matchLabels:\n      app: api\n  template:\n    metadata:\n      labels:\n        app: api\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/example/api:1.4\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  selector:\n    matchLabels:\n      app: api\n  template:\n    metadata:\n      labels:\n        app: api\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/example/api:1.4\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n',
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      if (!podSpecPath(obj)) continue;
      const labels = podLabels(obj);
      // A policy without a podSelector selects every pod of its namespace, like `podSelector: {}`.
      const selected = objectsOf(workspace, 'NetworkPolicy', obj.namespace).some((p) => {
        const selector = nodeAt(p.root, ['spec', 'podSelector']);
        return selector === undefined || labelSelectorMatches(selector, labels);
      });
      if (selected) continue;
      const name = nodeAt(obj.root, ['metadata', 'name']);
      const at = isScalar(name) ? name : nodeAt(obj.root, ['kind']);
      if (!at) continue;
      hits.push({
        message: `No NetworkPolicy in namespace ${obj.namespace} selects the pods of ${obj.kind} ${obj.name}, so they accept traffic from any pod; add a NetworkPolicy that selects them.`,
        range: file.nodeRange(obj.doc, at),
      });
    }
    return hits;
  },
};
