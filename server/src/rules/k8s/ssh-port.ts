// ssh-port (kube-linter:ssh-port): a container that exposes TCP port 22, the SSH port.
import { isScalar } from 'yaml';
import { nodeAt, scalarAt, seqAt } from '../../core/k8s/object';
import { allContainers, containerTitle } from '../../core/k8s/pod-containers';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const sshPort: ManifestRule = {
  id: 'ssh-port',
  aliases: ['kube-linter:ssh-port'],
  severity: 'warning',
  category: 'security',
  scope: 'object',
  docs: {
    summary: 'A container that exposes TCP port 22, the SSH port.',
    why: "An SSH server in a container is a second way in that bypasses `kubectl exec`'s authentication, RBAC and audit log, and its keys and passwords live in the image or a Secret. Use `kubectl exec` or an ephemeral debug container instead; if this really is a vetted SSH service (a Git server), suppress the finding there. A service that is not SSH should not use port 22.",
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: box\nspec:\n  containers:\n    - name: box\n      image: linuxserver/openssh-server:9.7\n      ports:\n        - containerPort: 22\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: box\nspec:\n  containers:\n    - name: box\n      image: busybox:1.36\n      command: [sleep, infinity]\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const { obj, c } of allContainers(file, true)) {
      for (const port of seqAt(c.map, ['ports'])) {
        const node = nodeAt(port, ['containerPort']);
        if (!isScalar(node) || node.value !== 22 || (scalarAt(port, ['protocol']) ?? 'TCP') !== 'TCP') continue;
        hits.push({
          message: `${containerTitle(c)} exposes port 22 (SSH); use kubectl exec or a debug container instead of an SSH server, and keep other services off port 22.`,
          range: file.nodeRange(obj.doc, node),
        });
      }
    }
    return hits;
  },
};
