// A KEDA install as the cluster would show it (StartOptions.keda): in shop a Deployment `orders`, its ScaledObject
// `orders` (a prometheus and a cpu trigger) with the conditions KEDA's operator writes (Ready, idle, no fallback) and
// `status.hpaName`, and the HPA `keda-hpa-orders` KEDA creates for it — external metric first, as KEDA orders them.
// No KEDA operator runs: the ScaledObject is stored as seeded, and the HPA controller reports the external metric
// as unavailable (there is no external metrics API).
import type { ObjectApi } from './api';
import { findResource } from './resources';
import { timestamp } from './util';
import { DEPLOYMENTS, HPAS } from './workloads';

const SCALEDOBJECTS = findResource('keda.sh', 'v1alpha1', 'scaledobjects')!;
export const KEDA_SCALEDOBJECT = 'orders';
export const KEDA_HPA = `keda-hpa-${KEDA_SCALEDOBJECT}`;

/** Seeds the KEDA objects in namespace shop (which must exist). */
export function seedKeda(api: ObjectApi): void {
  const name = KEDA_SCALEDOBJECT;
  api.create(DEPLOYMENTS, 'shop', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: { app: name } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: 'registry.example.com/orders:2.4.1', resources: { requests: { cpu: '200m', memory: '128Mi' } } }] } },
    },
  });
  const so = api.create(SCALEDOBJECTS, 'shop', {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name },
    spec: {
      scaleTargetRef: { name },
      minReplicaCount: 1,
      maxReplicaCount: 20,
      triggers: [
        { type: 'prometheus', metadata: { serverAddress: 'http://prometheus.monitoring:9090', query: 'sum(rate(orders_received_total[1m]))', threshold: '50' } },
        { type: 'cpu', metricType: 'Utilization', metadata: { value: '70' } },
      ],
    },
  });
  const now = timestamp(api.store.now());
  const c = (type: string, status: string, reason: string, message: string) => ({ type, status, reason, message, lastTransitionTime: now });
  api.patch(SCALEDOBJECTS, 'shop', name, 'application/merge-patch+json', {
    status: {
      scaleTargetKind: 'apps/v1.Deployment',
      scaleTargetGVKR: { group: 'apps', kind: 'Deployment', resource: 'deployments', version: 'v1' },
      originalReplicaCount: 1,
      hpaName: KEDA_HPA,
      externalMetricNames: ['s0-prometheus'],
      resourceMetricNames: ['cpu'],
      conditions: [
        c('Ready', 'True', 'ScaledObjectReady', 'ScaledObject is defined correctly and is ready for scaling'),
        c('Active', 'False', 'ScalerNotActive', 'Scaling is not performed because triggers are not active'),
        c('Fallback', 'False', 'NoFallbackFound', 'No fallbacks are active on this scaled object'),
      ],
    },
  }, { status: true });
  api.create(HPAS, 'shop', {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: {
      name: KEDA_HPA,
      labels: { 'app.kubernetes.io/managed-by': 'keda-operator', 'app.kubernetes.io/name': KEDA_HPA, 'scaledobject.keda.sh/name': name },
      ownerReferences: [{ apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', name, uid: so.metadata.uid, controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: 1,
      maxReplicas: 20,
      metrics: [
        { type: 'External', external: { metric: { name: 's0-prometheus', selector: { matchLabels: { 'scaledobject.keda.sh/name': name } } }, target: { type: 'AverageValue', averageValue: '50' } } },
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
      ],
    },
  });
}
