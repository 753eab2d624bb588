// host-ipc (kube-linter:host-ipc): a pod that shares the node's IPC namespace through `hostIPC: true`.
import type { ManifestRule } from '../../core/rule';
import { podSpecsWithTrue } from '../../core/k8s/pod-security';

export const hostIpc: ManifestRule = {
  id: 'host-ipc',
  aliases: ['kube-linter:host-ipc'],
  severity: 'warning',
  category: 'security',
  scope: 'object',
  docs: {
    summary: 'A pod with `hostIPC: true`: it shares the node\'s IPC namespace.',
    why: "Its containers can read and write the node's shared memory segments and message queues, and so the data of every other process using them. Only node agents need it; the baseline Pod Security Standard forbids it.",
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostIPC: true\n  containers:\n    - name: web\n      image: nginx:1.27\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n',
  },
  check({ file }) {
    return podSpecsWithTrue(file, 'hostIPC').map(({ obj, node }) => ({
      message: `${obj.kind} ${obj.name} shares the node's IPC namespace (hostIPC: true); remove it unless this is a node agent that needs it.`,
      range: file.nodeRange(obj.doc, node),
    }));
  },
};
