// dangling-networkpolicy (kube-linter:dangling-networkpolicy, off by default): a NetworkPolicy whose podSelector
// matches no pod template of the workspace in its namespace.
import { isMap } from 'yaml';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { mapAt, pairOf } from '../../core/k8s/object';
import { labelSelectorMatches, policiesToCheck, selectsEverything } from '../../core/k8s/pod-security';

const EXAMPLE = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web-ingress\nspec:\n  podSelector:\n    matchLabels:\n      app: APP\n  policyTypes: [Ingress]\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n';

export const danglingNetworkpolicy: ManifestRule = {
  id: 'dangling-networkpolicy',
  aliases: ['kube-linter:dangling-networkpolicy'],
  severity: 'warning',
  category: 'networking',
  offByDefault: true,
  docs: {
    summary: 'A NetworkPolicy whose `podSelector` matches no pod template in its namespace.',
    why: 'A policy that selects no pod protects nothing: the pods it was written for accept all the traffic it was meant to block, usually because a label was renamed on one side. Checked only when the workspace holds workloads; `podSelector: {}` (every pod of the namespace) is never dangling.',
    bad: EXAMPLE.replace('APP', 'web-frontend'),
    good: EXAMPLE.replace('APP', 'web'),
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    const { policies, index } = policiesToCheck(file, workspace);
    if (!index) return hits;
    for (const obj of policies) {
      const spec = mapAt(obj.root, ['spec']);
      const pair = spec && pairOf(spec, 'podSelector');
      if (!pair || !isMap(pair.value) || selectsEverything(pair.value)) continue;
      if (index.workloads(obj.namespace).some((w) => labelSelectorMatches(pair.value, w.labels))) continue;
      hits.push({
        message: `NetworkPolicy ${obj.name ?? '(unnamed)'} selects no pod template in namespace ${obj.namespace}, so it applies to nothing; fix its podSelector or the pod labels.`,
        range: file.nodeRange(obj.doc, pair.key),
      });
    }
    return hits;
  },
};
