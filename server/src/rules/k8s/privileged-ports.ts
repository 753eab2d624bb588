// privileged-ports (kube-linter:privileged-ports, off by default): a containerPort below 1024.
import { isScalar } from 'yaml';
import { nodeAt, seqAt } from '../../core/k8s/object';
import { allContainers, containerTitle } from '../../core/k8s/pod-containers';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const privilegedPorts: ManifestRule = {
  id: 'privileged-ports',
  aliases: ['kube-linter:privileged-ports'],
  severity: 'info',
  category: 'security',
  scope: 'object',
  offByDefault: true,
  docs: {
    summary: 'A container port below 1024 (a privileged port).',
    why: 'Binding a port below 1024 needs root or the `NET_BIND_SERVICE` capability, so a container listening there cannot run as a non-root user with all capabilities dropped. Listen on a port from 1024 up and let the Service map its port 80 or 443 to it (`port: 80`, `targetPort: 8080`).',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      ports:\n        - containerPort: 80\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginxinc/nginx-unprivileged:1.27\n      ports:\n        - containerPort: 8080\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const { obj, c } of allContainers(file, true)) {
      for (const port of seqAt(c.map, ['ports'])) {
        const node = nodeAt(port, ['containerPort']);
        if (!isScalar(node) || typeof node.value !== 'number' || node.value < 1 || node.value >= 1024) continue;
        hits.push({
          message: `${containerTitle(c)} listens on the privileged port ${node.value}, which needs root or NET_BIND_SERVICE; listen on a port from 1024 up and map it in the Service.`,
          range: file.nodeRange(obj.doc, node),
        });
      }
    }
    return hits;
  },
};
