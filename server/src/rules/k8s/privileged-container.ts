import { isScalar } from 'yaml';
import { nodeAt } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { allContainers, containerTitle } from '../../core/k8s/pod-containers';

export const privilegedContainer: ManifestRule = {
  id: 'privileged-container',
  aliases: ['kube-linter:privileged-container'],
  severity: 'error',
  category: 'security',
  scope: 'object',
  docs: {
    summary: 'A container with `securityContext.privileged: true`.',
    why: "A privileged container gets every capability and all of the node's devices, without seccomp or AppArmor confinement: anything running in it can take over the node. Grant the specific capabilities it needs (`capabilities.add`) instead.",
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: tools\nspec:\n  containers:\n    - name: tools\n      image: busybox:1.36\n      securityContext:\n        privileged: true\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: tools\nspec:\n  containers:\n    - name: tools\n      image: busybox:1.36\n      securityContext:\n        capabilities:\n          add: [NET_ADMIN]\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const { obj, c } of allContainers(file, true)) {
      const node = nodeAt(c.map, ['securityContext', 'privileged']);
      if (!isScalar(node) || node.value !== true) continue;
      hits.push({
        message: `${containerTitle(c)} runs privileged, with full access to the node; remove privileged: true and add only the capabilities it needs.`,
        range: file.nodeRange(obj.doc, node),
      });
    }
    return hits;
  },
};
