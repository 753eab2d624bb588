// no-node-affinity (kube-linter:no-node-affinity, off by default): a pod template without affinity.nodeAffinity.
// At the `affinity` key, else the pod spec's `spec:`. No fix: which nodes suit the workload is the owner's call.
import { isMap } from 'yaml';
import { pairOf } from '../../core/k8s/object';
import { podSpecs } from '../../core/k8s/pod-spec';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: trainer\nspec:\nAFFINITY  containers:\n    - name: trainer\n      image: trainer:2.0\n';
const AFFINITY =
  '  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n          - matchExpressions:\n              - key: node.kubernetes.io/instance-type\n                operator: In\n                values: [g5.xlarge]\n';

export const noNodeAffinity: ManifestRule = {
  id: 'no-node-affinity',
  aliases: ['kube-linter:no-node-affinity'],
  severity: 'info',
  category: 'reliability',
  scope: 'object',
  offByDefault: true,
  docs: {
    summary: 'A pod template without node affinity rules (`affinity.nodeAffinity`).',
    why: 'Without node affinity the scheduler may place the pods on any node: a GPU job on a CPU-only node, a production service on spot instances. Teams that keep workloads to node pools turn this check on to make every workload say where it belongs.',
    bad: POD.replace('AFFINITY', ''),
    good: POD.replace('AFFINITY', AFFINITY),
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const p of podSpecs(file)) {
      const affinity = pairOf(p.spec, 'affinity');
      if (isMap(affinity?.value) && affinity.value.has('nodeAffinity')) continue;
      hits.push({
        message: `${p.obj.kind} ${p.obj.name ?? '(unnamed)'} defines no node affinity, so its pods may run on any node; add affinity.nodeAffinity for the nodes it belongs on.`,
        range: file.nodeRange(p.obj.doc, affinity?.key ?? p.key),
      });
    }
    return hits;
  },
};
