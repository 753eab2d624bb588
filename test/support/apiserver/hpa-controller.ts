// A HorizontalPodAutoscaler status writer. There is no metrics server: every pod is taken to use 83 % of its
// requests (so the seeded `web` HPA shows `cpu: 83%/70%`), a target without requests yields the real controller's
// FailedGetResourceMetric condition, and the HPA never rescales (desiredReplicas = currentReplicas within min/max).
import { labelSelectorFromObject } from './selectors';
import { DEPLOYMENTS, HPAS, PODS, type ControllerContext } from './workloads';
import { milliCores, semanticEqual, timestamp, type K8sObject } from './util';

/** The utilization every simulated pod reports, in percent of its request. */
export const SIMULATED_UTILIZATION = 83;

function cond(type: string, status: string, reason: string, message: string, now: string, previous: K8sObject[]): K8sObject {
  const before = previous.find((c) => c.type === type);
  return { type, status, lastTransitionTime: before && before.status === status ? before.lastTransitionTime : now, reason, message };
}

function metricStatus(metric: K8sObject, target: K8sObject, podName: string): { current?: K8sObject; error?: string } {
  if (metric.type !== 'Resource' || !metric.resource) return { error: `unable to get metric ${metric.type}: no metrics source is simulated` };
  const name = String(metric.resource.name);
  const containers: K8sObject[] = target.spec?.template?.spec?.containers ?? [];
  const missing = containers.find((c) => c.resources?.requests?.[name] === undefined);
  if (missing) return { error: `failed to get ${name} resource metric value: failed to get ${name} utilization: missing request for ${name} in container ${missing.name} of Pod ${podName}` };
  const requested = containers.reduce((n, c) => n + (milliCores(c.resources.requests[name]) ?? 0), 0);
  const averageValue = name === 'cpu' ? `${Math.round((requested * SIMULATED_UTILIZATION) / 100)}m` : String(containers[0].resources.requests[name]);
  return { current: { type: 'Resource', resource: { name, current: { averageUtilization: SIMULATED_UTILIZATION, averageValue } } } };
}

/** One reconciliation of an HPA's status. */
export function syncHpa(ctx: ControllerContext, hpa: K8sObject): void {
  const now = timestamp(ctx.api.store.now());
  const prev: K8sObject[] = hpa.status?.conditions ?? [];
  const ref = hpa.spec?.scaleTargetRef ?? {};
  const target = ref.kind === 'Deployment' ? ctx.api.store.get(DEPLOYMENTS, hpa.metadata.namespace, ref.name) : undefined;
  let status: K8sObject;
  if (!target) {
    status = {
      currentReplicas: 0,
      desiredReplicas: 0,
      conditions: [cond('AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${String(ref.kind).toLowerCase()}s.apps "${ref.name}" not found`, now, prev)],
    };
  } else {
    const current = target.status?.replicas ?? 0;
    const pods = ctx.api.list(PODS, hpa.metadata.namespace).filter((p) => labelSelectorFromObject(target.spec.selector).matches(p.metadata.labels));
    const podName = pods[0]?.metadata.name ?? `${ref.name}-pod`;
    const metrics: K8sObject[] = hpa.spec.metrics ?? [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
    const results = metrics.map((m) => metricStatus(m, target, podName));
    const error = results.find((r) => r.error)?.error;
    const desired = Math.min(hpa.spec.maxReplicas ?? current, Math.max(hpa.spec.minReplicas ?? 1, current));
    const conditions = [cond('AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale", now, prev)];
    if (error) conditions.push(cond('ScalingActive', 'False', 'FailedGetResourceMetric', `the HPA was unable to compute the replica count: ${error}`, now, prev));
    else {
      conditions.push(cond('ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${metrics[0].resource?.name ?? 'cpu'} resource utilization (percentage of request)`, now, prev));
      conditions.push(cond('ScalingLimited', 'False', 'DesiredWithinRange', 'the desired count is within the acceptable range', now, prev));
    }
    status = { currentReplicas: current, desiredReplicas: desired, ...(error ? {} : { currentMetrics: results.map((r) => r.current) }), conditions };
  }
  if (!semanticEqual(status, hpa.status)) ctx.api.update(HPAS, hpa.metadata.namespace, hpa.metadata.name, { ...hpa, status }, { status: true });
}
