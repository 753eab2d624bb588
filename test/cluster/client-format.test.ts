// The descriptions that carry status at a glance.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deploymentDescription, formatAge, hpaDescription, hpaTooltip, podDescription, serviceDescription } from '../../client/src/cluster/format';
import type { HorizontalPodAutoscaler } from '../../client/src/cluster/types';

const now = Date.parse('2025-01-10T12:00:00Z');

test('ages', () => {
  assert.equal(formatAge('2025-01-10T11:59:18Z', now), '42s');
  assert.equal(formatAge('2025-01-10T11:55:00Z', now), '5m');
  assert.equal(formatAge('2025-01-10T09:00:00Z', now), '3h');
  assert.equal(formatAge('2025-01-08T11:00:00Z', now), '2d');
  assert.equal(formatAge(undefined, now), '');
});

test('deployment: ready/desired and revision, plus a stuck rollout reason', () => {
  const d = { metadata: { annotations: { 'deployment.kubernetes.io/revision': '5' } }, spec: { replicas: 3 }, status: { readyReplicas: 3 } };
  assert.equal(deploymentDescription(d), '3/3 ready · rev 5');
  assert.equal(
    deploymentDescription({ ...d, status: { readyReplicas: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] } }),
    '1/3 ready · rev 5 · ProgressDeadlineExceeded',
  );
  assert.equal(deploymentDescription({ spec: { replicas: 2 }, status: {} }), '0/2 ready');
});

const hpa = (status: HorizontalPodAutoscaler['status']): HorizontalPodAutoscaler => ({
  metadata: { name: 'web' },
  spec: { minReplicas: 2, maxReplicas: 10, scaleTargetRef: { kind: 'Deployment', name: 'web' }, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] },
  status,
});

test('hpa: replicas, range and cpu current/target', () => {
  const h = hpa({ currentReplicas: 4, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 83, averageValue: '415m' } } }] });
  assert.equal(hpaDescription(h), '4 replicas (2–10) · cpu 83%/70%');
  assert.doesNotMatch(hpaTooltip(h), /unavailable/);
});

test('hpa without metrics: "metrics unavailable" and a tooltip with the usual causes', () => {
  const h = hpa({
    currentReplicas: 2,
    conditions: [{ type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: 'the HPA was unable to compute the replica count: failed to get cpu utilization' }],
  });
  assert.equal(hpaDescription(h), '2 replicas (2–10) · metrics unavailable');
  const tip = hpaTooltip(h);
  assert.match(tip, /no metrics-server/);
  assert.match(tip, /no cpu \(or memory\) \*\*requests\*\*/);
  assert.match(tip, /FailedGetResourceMetric: the HPA was unable to compute/);
  assert.equal(hpaDescription(hpa({ currentReplicas: 1 })), '1 replica (2–10) · metrics unavailable');
});

test('autoscaling/v1 HPA', () => {
  const h: HorizontalPodAutoscaler = { spec: { minReplicas: 1, maxReplicas: 5, targetCPUUtilizationPercentage: 50 }, status: { currentReplicas: 3, currentCPUUtilizationPercentage: 61 } };
  assert.equal(hpaDescription(h), '3 replicas (1–5) · cpu 61%/50%');
});

test('pod and service', () => {
  assert.equal(
    podDescription({ metadata: { creationTimestamp: '2025-01-10T11:55:00Z' }, status: { phase: 'Running', containerStatuses: [{ ready: true, restartCount: 2 }, { ready: false, restartCount: 1, state: { waiting: { reason: 'CrashLoopBackOff' } } }] } }, now),
    'CrashLoopBackOff · 1/2 ready · 3 restarts · 5m',
  );
  assert.equal(podDescription({ status: { phase: 'Pending' }, spec: { containers: [{ name: 'a' }] } }, now), 'Pending · 0/1 ready · 0 restarts');
  assert.equal(serviceDescription({ spec: { type: 'ClusterIP', clusterIP: '10.0.0.12', ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] } }), 'ClusterIP · 10.0.0.12 · 80→8080/TCP');
});
