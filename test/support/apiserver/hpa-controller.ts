// The HorizontalPodAutoscaler controller. There is no metrics server. By default every pod is taken to use 83 % of its
// requests (so the seeded `web` HPA shows `cpu: 83%/70%`) and the HPA never rescales (desiredReplicas = currentReplicas
// within min/max). With a synthetic load (TestCluster.setHpaLoad: millicores over the ready pods) it decides with the
// algorithm the behaviour preview uses (server/src/core/k8s/hpa-algorithm.ts), one controller tick being one 15 s
// sync, and rescales the Deployment with the real SuccessfulRescale event. A target container without a request
// yields the real FailedGetResourceMetric condition and Warning events (once, when the condition starts).
import { decide, newMemory, replicasForMetric, type Condition, type HpaBehavior } from '../../../server/src/core/k8s/hpa-algorithm';
import { labelSelectorFromObject } from './selectors';
import { DEPLOYMENTS, HPAS, PODS, recordEvent, type ControllerContext } from './workloads';
import { milliCores, semanticEqual, timestamp, type K8sObject } from './util';

/** The utilization every simulated pod reports without a synthetic load, in percent of its request. */
export const SIMULATED_UTILIZATION = 83;
/** Seconds of HPA time per controller tick (--horizontal-pod-autoscaler-sync-period). */
export const SYNC_PERIOD_SECONDS = 15;
const COMPONENT = 'horizontal-pod-autoscaler';

const isReady = (pod: K8sObject) => (pod.status?.conditions ?? []).some((c: K8sObject) => c.type === 'Ready' && c.status === 'True');

function cond(type: string, c: Condition, now: string, previous: K8sObject[]): K8sObject {
  const before = previous.find((p) => p.type === type);
  return { type, status: c.status, lastTransitionTime: before && before.status === c.status ? before.lastTransitionTime : now, reason: c.reason, message: c.message };
}

/** The failure of reading a metric, or the requests per pod it is measured against. */
function metricSource(metric: K8sObject, target: K8sObject, podName: string): { requested?: number; error?: string; name: string } {
  if (metric.type !== 'Resource' || !metric.resource) return { name: String(metric.type), error: `unable to get metric ${metric.type}: no metrics source is simulated` };
  const name = String(metric.resource.name);
  const containers: K8sObject[] = target.spec?.template?.spec?.containers ?? [];
  const missing = containers.find((c) => c.resources?.requests?.[name] === undefined);
  if (missing) return { name, error: `failed to get ${name} utilization: missing request for ${name} in container ${missing.name} of Pod ${podName}` };
  return { name, requested: containers.reduce((n, c) => n + (milliCores(c.resources.requests[name]) ?? 0), 0) };
}

function resourceStatus(name: string, utilization: number, averageValue: string): K8sObject {
  return { type: 'Resource', resource: { name, current: { averageUtilization: utilization, averageValue } } };
}

/** One reconciliation of an HPA. */
export function syncHpa(ctx: ControllerContext, hpa: K8sObject): void {
  const now = timestamp(ctx.api.store.now());
  const prev: K8sObject[] = hpa.status?.conditions ?? [];
  const c = (type: string, status: 'True' | 'False', reason: string, message: string) => cond(type, { status, reason, message }, now, prev);
  const ns = hpa.metadata.namespace;
  const ref = hpa.spec?.scaleTargetRef ?? {};
  const target = ref.kind === 'Deployment' ? ctx.api.store.get(DEPLOYMENTS, ns, ref.name) : undefined;
  let status: K8sObject;
  if (!target) {
    status = {
      currentReplicas: 0,
      desiredReplicas: 0,
      conditions: [c('AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${String(ref.kind).toLowerCase()}s.apps "${ref.name}" not found`)],
    };
    if (!prev.some((p) => p.reason === 'FailedGetScale')) recordEvent(ctx, hpa, 'FailedGetScale', `${String(ref.kind).toLowerCase()}s.apps "${ref.name}" not found`, COMPONENT, 'Warning');
    write(ctx, hpa, status);
    return;
  }
  const pods = ctx.api.list(PODS, ns).filter((p) => labelSelectorFromObject(target.spec.selector).matches(p.metadata.labels));
  if (pods.length === 0) {
    // Nothing to measure yet (the ReplicaSet has not made its pods): only the scale was read.
    write(ctx, hpa, { currentReplicas: target.status?.replicas ?? 0, desiredReplicas: hpa.status?.desiredReplicas ?? 0, conditions: [c('AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale")] });
    return;
  }
  const podName = pods[0].metadata.name;
  const metrics: K8sObject[] = hpa.spec.metrics ?? [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  const sources = metrics.map((m) => metricSource(m, target, podName));
  const error = sources.find((s) => s.error)?.error;
  const gotScale = c('AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale");
  const load = ctx.hpaLoad.get(`${ns}/${hpa.metadata.name}`);
  if (error) {
    const current = target.status?.replicas ?? 0;
    status = {
      currentReplicas: current,
      desiredReplicas: Math.min(hpa.spec.maxReplicas ?? current, Math.max(hpa.spec.minReplicas ?? 1, current)),
      conditions: [gotScale, c('ScalingActive', 'False', 'FailedGetResourceMetric', `the HPA was unable to compute the replica count: ${error}`)],
    };
    if (!prev.some((p) => p.type === 'ScalingActive' && p.reason === 'FailedGetResourceMetric')) {
      // The condition and the first event carry replica_calculator's error; the second wraps it as computeReplicasForMetrics does.
      recordEvent(ctx, hpa, 'FailedGetResourceMetric', error, COMPONENT, 'Warning');
      const metricName = sources.find((s) => s.error)?.name;
      recordEvent(ctx, hpa, 'FailedComputeMetricsReplicas', `invalid metrics (1 invalid out of ${metrics.length}), first error is: failed to get ${metricName} resource metric value: ${error}`, COMPONENT, 'Warning');
    }
  } else if (load === undefined) {
    const current = target.status?.replicas ?? 0;
    status = {
      currentReplicas: current,
      desiredReplicas: Math.min(hpa.spec.maxReplicas ?? current, Math.max(hpa.spec.minReplicas ?? 1, current)),
      currentMetrics: sources.map((s) => resourceStatus(s.name, SIMULATED_UTILIZATION, s.name === 'cpu' ? `${Math.round(((s.requested ?? 0) * SIMULATED_UTILIZATION) / 100)}m` : String(s.requested))),
      conditions: [
        gotScale,
        c('ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${sources[0]?.name ?? 'cpu'} resource utilization (percentage of request)`),
        c('ScalingLimited', 'False', 'DesiredWithinRange', 'the desired count is within the acceptable range'),
      ],
    };
  } else {
    status = scaleWithLoad(ctx, hpa, target, pods, sources[0], metrics[0], load, prev, now);
  }
  write(ctx, hpa, status);
}

/** The real algorithm on a synthetic load: one cpu Utilization metric, the scale subresource's replicas. */
function scaleWithLoad(ctx: ControllerContext, hpa: K8sObject, target: K8sObject, pods: K8sObject[], source: { name: string; requested?: number }, metric: K8sObject, load: number, prev: K8sObject[], now: string): K8sObject {
  const current: number = target.spec?.replicas ?? 1;
  const ready = pods.filter(isReady).length;
  const requested = source.requested || 1;
  const utilization = ready > 0 ? Math.floor((load * 100) / (ready * requested)) : 0;
  const targetUtilization = Number(metric.resource?.target?.averageUtilization ?? 80);
  const metricDesired = replicasForMetric({ currentReplicas: current, readyPods: ready, unreadyPods: Math.max(0, pods.length - ready), current: utilization, target: targetUtilization });
  let memory = ctx.hpaMemory.get(hpa.metadata.uid);
  if (!memory) ctx.hpaMemory.set(hpa.metadata.uid, (memory = newMemory()));
  const limits = { minReplicas: hpa.spec.minReplicas, maxReplicas: hpa.spec.maxReplicas, behavior: hpa.spec.behavior as HpaBehavior | undefined };
  const d = decide(limits, memory, ctx.tick * SYNC_PERIOD_SECONDS, current, metricDesired);
  let lastScaleTime = hpa.status?.lastScaleTime;
  if (d.rescale) {
    ctx.api.patch(DEPLOYMENTS, hpa.metadata.namespace, target.metadata.name, 'application/merge-patch+json', { spec: { replicas: d.desired } });
    recordEvent(ctx, hpa, 'SuccessfulRescale', `New size: ${d.desired}; reason: ${d.reason}`, COMPONENT);
    lastScaleTime = now;
  }
  const cs = (type: string, x: Condition) => cond(type, x, now, prev);
  const active: Condition = d.scalingDisabled
    ? { status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' }
    : { status: 'True', reason: 'ValidMetricFound', message: `the HPA was able to successfully calculate a replica count from ${source.name} resource utilization (percentage of request)` };
  return {
    ...(lastScaleTime ? { lastScaleTime } : {}),
    currentReplicas: current,
    desiredReplicas: d.rescale ? d.desired : current,
    currentMetrics: [resourceStatus(source.name, utilization, `${ready > 0 ? Math.floor(load / ready) : 0}m`)],
    conditions: [cs('AbleToScale', d.ableToScale), cs('ScalingActive', active), cs('ScalingLimited', d.scalingLimited)],
  };
}

function write(ctx: ControllerContext, hpa: K8sObject, status: K8sObject): void {
  // Like the real setStatus, every status keeps the last scale time.
  if (hpa.status?.lastScaleTime && !status.lastScaleTime) status = { lastScaleTime: hpa.status.lastScaleTime, ...status };
  if (!semanticEqual(status, hpa.status)) ctx.api.update(HPAS, hpa.metadata.namespace, hpa.metadata.name, { ...hpa, status }, { status: true });
}
