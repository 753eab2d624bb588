import type { ManifestRule } from '../../core/rule';
import { missingProbeRule } from '../../core/k8s/probes';

const HEAD = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          ports:\n            - name: http\n              containerPort: 80\n';

export const missingLivenessProbe: ManifestRule = {
  id: 'missing-liveness-probe',
  aliases: ['kube-linter:no-liveness-probe'],
  severity: 'info',
  category: 'reliability',
  scope: 'object',
  docs: {
    summary: 'A long-running container without a liveness probe.',
    why: 'Kubernetes restarts a container only when its process exits; one that deadlocks or hangs keeps running and keeps its place. A liveness probe lets the kubelet restart it — keep it cheap and independent of downstream services, or it restarts healthy pods during an outage. Jobs, CronJobs and init containers are not checked.',
    bad: HEAD,
    good: `${HEAD}          livenessProbe:\n            httpGet:\n              path: /healthz\n              port: http\n            periodSeconds: 10\n`,
  },
  ...missingProbeRule('livenessProbe', 'a hung process is never restarted'),
};
