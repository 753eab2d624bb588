// exposed-services (kube-linter:exposed-services, off by default): a Service of type NodePort or LoadBalancer,
// reachable from outside the cluster.
import { isScalar } from 'yaml';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { nodeAt } from '../../core/k8s/object';

const FORBIDDEN = new Set(['NodePort', 'LoadBalancer']);
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\nTYPE  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: 8080\n';

export const exposedServices: ManifestRule = {
  id: 'exposed-services',
  aliases: ['kube-linter:exposed-services'],
  severity: 'warning',
  category: 'networking',
  scope: 'object',
  offByDefault: true,
  docs: {
    summary: 'A Service of type `NodePort` or `LoadBalancer`.',
    why: 'A NodePort opens the port on every node of the cluster, and a LoadBalancer asks the cloud for a public address: both bypass the Ingress or gateway where TLS, authentication and rate limits usually live. Keep Services `ClusterIP` and expose them through an Ingress or Gateway, unless the exposure is intended.',
    bad: SERVICE.replace('TYPE', '  type: LoadBalancer\n'),
    good: SERVICE.replace('TYPE', ''),
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      if (obj.kind !== 'Service' || obj.apiVersion !== 'v1') continue;
      const type = nodeAt(obj.root, ['spec', 'type']);
      if (!isScalar(type) || !FORBIDDEN.has(String(type.value))) continue;
      const how = type.value === 'NodePort' ? 'opens its ports on every node of the cluster' : 'gets an address outside the cluster from the load balancer';
      hits.push({
        message: `Service ${obj.name ?? '(unnamed)'} is of type ${String(type.value)}: it ${how}. Use ClusterIP behind an Ingress or Gateway unless this exposure is intended.`,
        range: file.nodeRange(obj.doc, type),
      });
    }
    return hits;
  },
};
