// dangling-networkpolicypeer-podselector (kube-linter:dangling-networkpolicypeer-podselector, off by default): an
// ingress `from` or egress `to` peer of a NetworkPolicy whose podSelector (without a namespaceSelector, so in the
// policy's namespace) matches no pod template of the workspace.
import { isMap } from 'yaml';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { pairOf, seqAt } from '../../core/k8s/object';
import { labelSelectorMatches, policiesToCheck, selectsEverything } from '../../core/k8s/pod-security';

const EXAMPLE = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: db\nspec:\n  podSelector:\n    matchLabels:\n      app: db\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n              app: APP\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  labels:\n    app: api\nspec:\n  containers:\n    - name: api\n      image: example/api:1.4\n';

export const danglingNetworkpolicypeerPodselector: ManifestRule = {
  id: 'dangling-networkpolicypeer-podselector',
  aliases: ['kube-linter:dangling-networkpolicypeer-podselector'],
  severity: 'warning',
  category: 'networking',
  offByDefault: true,
  docs: {
    summary: "A NetworkPolicy ingress/egress peer whose `podSelector` matches no pod template in the policy's namespace.",
    why: 'A peer that matches no pod allows nothing: the traffic the rule was written to let through is dropped (the selected pods are isolated by the policy), and the cause is a label nobody sees. Peers with a namespaceSelector select pods of other namespaces and are not checked; nor is anything when the workspace holds no workloads.',
    bad: EXAMPLE.replace('APP', 'backend'),
    good: EXAMPLE.replace('APP', 'api'),
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    const { policies, index } = policiesToCheck(file, workspace);
    if (!index) return hits;
    for (const obj of policies) {
      const workloads = index.workloads(obj.namespace);
      for (const [direction, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
        for (const rule of seqAt(obj.root, ['spec', direction])) {
          for (const peer of seqAt(rule, [peers])) {
            if (!isMap(peer) || peer.has('namespaceSelector')) continue;
            const pair = pairOf(peer, 'podSelector');
            if (!pair || !isMap(pair.value) || selectsEverything(pair.value)) continue;
            if (workloads.some((w) => labelSelectorMatches(pair.value, w.labels))) continue;
            hits.push({
              message: `This ${direction} peer of NetworkPolicy ${obj.name ?? '(unnamed)'} selects no pod template in namespace ${obj.namespace}, so the ${direction === 'ingress' ? 'traffic from' : 'traffic to'} the pods it means is not allowed; fix the podSelector or the pod labels.`,
              range: file.nodeRange(obj.doc, pair.key),
            });
          }
        }
      }
    }
    return hits;
  },
};
