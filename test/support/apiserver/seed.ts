// The seeded cluster: namespaces default, shop and kube-system; in shop the `web` Deployment after three rollouts
// (1.0.0 → 1.1.0 → 1.2.0, each with a change-cause), `worker`, Service and Ingress `web`, HPAs `web` and `worker`.
// Everything is written through ObjectApi and rolled out by the real controllers, backdated by a moving clock.
import type { ObjectApi } from './api';
import type { ControllerManager } from './controller';
import { findResource } from './resources';

const R = {
  ns: findResource('', 'v1', 'namespaces')!,
  deploy: findResource('apps', 'v1', 'deployments')!,
  svc: findResource('', 'v1', 'services')!,
  ing: findResource('networking.k8s.io', 'v1', 'ingresses')!,
  hpa: findResource('autoscaling', 'v2', 'horizontalpodautoscalers')!,
};
const DAY = 24 * 3600 * 1000;
// Seeded rollouts take a few simulated seconds per step, so event times and pod ages look like a real rollout's.
const MS_PER_TICK = 2000;
export const WEB_IMAGE = 'registry.example.com/web';

function webDeployment(): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' }, annotations: { 'kubernetes.io/change-cause': 'deploy 1.0.0' } },
    spec: {
      replicas: 3,
      // Counted in controller ticks: 3 s at the test tick of 100 ms, 30 s under cluster:dev.
      progressDeadlineSeconds: 30,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: `${WEB_IMAGE}:1.0.0`, ports: [{ name: 'http', containerPort: 8080 }], resources: { requests: { cpu: '100m' } } }] },
      },
    },
  };
}

function hpa(name: string, minReplicas: number, maxReplicas: number): Record<string, unknown> {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas,
      maxReplicas,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
    },
  };
}

/** Rolls `web` to a new image the way `kubectl set image` plus a change-cause annotation would. */
function rollWeb(api: ObjectApi, version: string): void {
  api.patch(R.deploy, 'shop', 'web', 'application/strategic-merge-patch+json', {
    metadata: { annotations: { 'kubernetes.io/change-cause': `deploy ${version}` } },
    spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'web' }], containers: [{ name: 'web', image: `${WEB_IMAGE}:${version}` }] } } },
  });
}

/** What every cluster has, also without seed data: the `default` and `kube-system` namespaces. */
export function createSystemNamespaces(api: ObjectApi): void {
  for (const name of ['default', 'kube-system']) api.create(R.ns, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
}

/** Creates the seed objects and lets the controllers settle them; objects end up 1 to 3 days old. */
export function seedCluster(api: ObjectApi, controllers: ControllerManager): void {
  const store = api.store;
  store.clockOffset = -3 * DAY;
  createSystemNamespaces(api);
  api.create(R.ns, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  api.create(R.deploy, 'shop', webDeployment());
  api.create(R.deploy, 'shop', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'worker', labels: { app: 'worker' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'worker' } },
      template: { metadata: { labels: { app: 'worker' } }, spec: { containers: [{ name: 'worker', image: 'registry.example.com/worker:1.0.0' }] } },
    },
  });
  api.create(R.svc, 'shop', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
  });
  api.create(R.ing, 'shop', {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web' },
    spec: {
      ingressClassName: 'nginx',
      rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }],
    },
  });
  api.patch(R.ing, 'shop', 'web', 'application/merge-patch+json', { status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } } }, { status: true });
  api.create(R.hpa, 'shop', hpa('web', 2, 10));
  api.create(R.hpa, 'shop', hpa('worker', 1, 3));
  controllers.settle(MS_PER_TICK);
  store.clockOffset = -2 * DAY;
  rollWeb(api, '1.1.0');
  controllers.settle(MS_PER_TICK);
  store.clockOffset = -1 * DAY;
  rollWeb(api, '1.2.0');
  controllers.settle(MS_PER_TICK);
  store.clockOffset = 0;
}
