// host-network (kube-linter:host-network): a pod that shares the node's network namespace through `hostNetwork: true`.
import type { ManifestRule } from '../../core/rule';
import { podSpecsWithTrue } from '../../core/k8s/pod-security';

export const hostNetwork: ManifestRule = {
  id: 'host-network',
  aliases: ['kube-linter:host-network'],
  severity: 'warning',
  category: 'security',
  scope: 'object',
  docs: {
    summary: 'A pod with `hostNetwork: true`: it shares the node\'s network namespace.',
    why: "Its containers see every interface of the node, can bind any of its ports and reach services listening only on the node's loopback address, and bypass NetworkPolicies. Only node agents need it; the baseline Pod Security Standard forbids it.",
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: true\n  containers:\n    - name: web\n      image: nginx:1.27\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n',
  },
  check({ file }) {
    return podSpecsWithTrue(file, 'hostNetwork').map(({ obj, node }) => ({
      message: `${obj.kind} ${obj.name} shares the node's network namespace (hostNetwork: true); remove it unless this is a node agent that needs it.`,
      range: file.nodeRange(obj.doc, node),
    }));
  },
};
