import type { ManifestRule } from '../../core/rule';
import { missingProbeRule } from '../../core/k8s/probes';

const HEAD = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          ports:\n            - name: http\n              containerPort: 80\n';

// The fix probes `/healthz` for readiness too: it is the one health path most servers already have; point it at a
// dedicated readiness endpoint (`/ready`, `/actuator/health/readiness`) when the application has one.
export const missingReadinessProbe: ManifestRule = {
  id: 'missing-readiness-probe',
  aliases: ['kube-linter:no-readiness-probe'],
  severity: 'warning',
  category: 'reliability',
  scope: 'object',
  docs: {
    summary: 'A long-running container without a readiness probe.',
    why: 'Without a readiness probe a pod counts as ready as soon as its containers start, so Services send it traffic while it is still booting and rolling updates move on before the new version can serve. Jobs, CronJobs and init containers are not checked.',
    bad: HEAD,
    good: `${HEAD}          readinessProbe:\n            httpGet:\n              path: /healthz\n              port: http\n            periodSeconds: 10\n`,
  },
  ...missingProbeRule('readinessProbe', 'Services route traffic to it before it can serve'),
};
