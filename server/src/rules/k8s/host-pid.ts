// host-pid (kube-linter:host-pid): a pod that shares the node's process namespace through `hostPID: true`.
import type { ManifestRule } from '../../core/rule';
import { podSpecsWithTrue } from '../../core/k8s/pod-security';

export const hostPid: ManifestRule = {
  id: 'host-pid',
  aliases: ['kube-linter:host-pid'],
  severity: 'warning',
  category: 'security',
  scope: 'object',
  docs: {
    summary: 'A pod with `hostPID: true`: it shares the node\'s process namespace.',
    why: "Its containers see every process on the node, can read their environment and command lines (secrets included) and, as root, signal or trace them. Only node agents need it; the baseline Pod Security Standard forbids it.",
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostPID: true\n  containers:\n    - name: web\n      image: nginx:1.27\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n',
  },
  check({ file }) {
    return podSpecsWithTrue(file, 'hostPID').map(({ obj, node }) => ({
      message: `${obj.kind} ${obj.name} shares the node's process namespace (hostPID: true); remove it unless this is a node agent that needs it.`,
      range: file.nodeRange(obj.doc, node),
    }));
  },
};
