// Status at a glance: the one-line descriptions and tooltips of cluster tree items.
import type { Condition, Deployment, HorizontalPodAutoscaler, Ingress, MetricSpec, MetricTarget, Pod, ScaledObject, Service } from './types';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

/** A compact age like kubectl's: `42s`, `5m`, `3h`, `2d`; empty when the timestamp is missing or invalid. */
export function formatAge(timestamp: string | undefined, now = Date.now()): string {
  const t = timestamp ? Date.parse(timestamp) : NaN;
  if (Number.isNaN(t)) return '';
  const s = Math.max(0, Math.floor((now - t) / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

function condition(conditions: Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((c) => c.type === type);
}

/** Why a Deployment's rollout failed (e.g. ProgressDeadlineExceeded), from its Progressing condition. */
export function rolloutFailure(d: Deployment): Condition | undefined {
  const c = condition(d.status?.conditions, 'Progressing');
  return c?.status === 'False' ? c : undefined;
}

/** `3/3 ready · rev 5`, plus the failure reason when the rollout is stuck. */
export function deploymentDescription(d: Deployment): string {
  const desired = d.spec?.replicas ?? 1;
  const parts = [`${d.status?.readyReplicas ?? 0}/${desired} ready`];
  const rev = d.metadata?.annotations?.[REVISION_ANNOTATION];
  if (rev) parts.push(`rev ${rev}`);
  const failed = rolloutFailure(d);
  if (failed?.reason) parts.push(failed.reason);
  return parts.join(' · ');
}

/** The images of a pod template, comma-separated. */
export function templateImages(template: { spec?: { containers?: { image?: string }[] } } | undefined): string {
  return (template?.spec?.containers ?? []).map((c) => c.image ?? '?').join(', ');
}

function quantity(t: MetricTarget | undefined): string | undefined {
  if (!t) return undefined;
  if (t.averageUtilization !== undefined) return `${t.averageUtilization}%`;
  return t.averageValue ?? t.value;
}

export interface MetricReading {
  name: string;
  current?: string;
  target?: string;
}

/** Each metric of an HPA (autoscaling/v2, or v1's cpu target) with its current and target values as written. */
export function readings(h: HorizontalPodAutoscaler): MetricReading[] {
  const spec = h.spec ?? {};
  if (!spec.metrics && spec.targetCPUUtilizationPercentage !== undefined) {
    const cur = h.status?.currentCPUUtilizationPercentage;
    return [{ name: 'cpu', target: `${spec.targetCPUUtilizationPercentage}%`, current: cur !== undefined ? `${cur}%` : undefined }];
  }
  const current = h.status?.currentMetrics ?? [];
  return (spec.metrics ?? []).map((m) => {
    const { name, target } = metricOf(m);
    const match = current.find((c) => c.type === m.type && metricOf(c).name === name);
    return { name, target: quantity(target), current: match ? quantity(metricOf(match).current) : undefined };
  });
}

function metricOf(m: MetricSpec): { name: string; target?: MetricTarget; current?: MetricTarget } {
  const r = m.resource ?? m.containerResource;
  if (r) return { name: r.name ?? '?', target: r.target, current: r.current };
  const x = m.pods ?? m.object ?? m.external;
  return { name: x?.metric?.name ?? m.type ?? '?', target: x?.target, current: x?.current };
}

/** True when the HPA cannot read its metrics (no current values, or ScalingActive=False). */
export function hpaMetricsUnavailable(h: HorizontalPodAutoscaler): boolean {
  const active = condition(h.status?.conditions, 'ScalingActive');
  if (active?.status === 'False') return true;
  const r = readings(h);
  return r.length > 0 && r.every((x) => x.current === undefined);
}

/** `4 replicas (2–10) · cpu 83%/70%`, or `… · metrics unavailable`. */
export function hpaDescription(h: HorizontalPodAutoscaler): string {
  const n = h.status?.currentReplicas ?? 0;
  const head = `${n} ${n === 1 ? 'replica' : 'replicas'} (${h.spec?.minReplicas ?? 1}–${h.spec?.maxReplicas ?? '?'})`;
  if (hpaMetricsUnavailable(h)) return `${head} · metrics unavailable`;
  const metrics = readings(h).map((r) => `${r.name} ${r.current ?? '?'}/${r.target ?? '?'}`);
  return [head, ...metrics].join(' · ');
}

/** Markdown tooltip; when metrics are unavailable it explains the usual causes. */
export function hpaTooltip(h: HorizontalPodAutoscaler): string {
  const target = h.spec?.scaleTargetRef;
  const lines = [`**HorizontalPodAutoscaler ${h.metadata?.name ?? ''}** → ${target?.kind ?? '?'} ${target?.name ?? '?'}`];
  if (hpaMetricsUnavailable(h)) {
    const c = condition(h.status?.conditions, 'ScalingActive');
    lines.push(
      '',
      'Metrics unavailable: the autoscaler cannot read the metrics it scales on, so it will not scale. Usual causes:',
      '- no metrics-server (or other metrics API) in the cluster: `kubectl top pods` fails too;',
      "- the target's containers have no cpu (or memory) **requests**, so utilization cannot be computed;",
      '- the pods are not running or not ready yet.',
    );
    if (c?.reason || c?.message) lines.push('', `${c.reason ?? ''}${c.message ? `: ${c.message}` : ''}`);
  }
  return lines.join('\n');
}

/** `Running · 1/1 ready · 0 restarts · 5m`; a waiting reason such as CrashLoopBackOff replaces the phase. */
export function podDescription(p: Pod, now = Date.now()): string {
  const statuses = p.status?.containerStatuses ?? [];
  const total = statuses.length || p.spec?.containers?.length || 0;
  const ready = statuses.filter((s) => s.ready).length;
  const restarts = statuses.reduce((n, s) => n + (s.restartCount ?? 0), 0);
  const waiting = statuses.map((s) => s.state?.waiting?.reason ?? s.state?.terminated?.reason).find(Boolean);
  const phase = waiting ?? p.status?.reason ?? p.status?.phase ?? 'Unknown';
  return [phase, `${ready}/${total} ready`, `${restarts} ${restarts === 1 ? 'restart' : 'restarts'}`, formatAge(p.metadata?.creationTimestamp, now)]
    .filter(Boolean)
    .join(' · ');
}

/** `ClusterIP 10.0.0.12 · 80→8080/TCP`. */
export function serviceDescription(s: Service): string {
  const ports = (s.spec?.ports ?? []).map((p) => `${p.port}${p.targetPort !== undefined && p.targetPort !== p.port ? `→${p.targetPort}` : ''}/${p.protocol ?? 'TCP'}`);
  return [s.spec?.type ?? 'ClusterIP', s.spec?.clusterIP, ports.join(', ')].filter(Boolean).join(' · ');
}

/** The hosts an Ingress routes, and its class. */
export function ingressDescription(i: Ingress): string {
  const hosts = [...new Set((i.spec?.rules ?? []).map((r) => r.host ?? '*'))];
  return [hosts.join(', '), i.spec?.ingressClassName ? `class ${i.spec.ingressClassName}` : ''].filter(Boolean).join(' · ');
}

/** `2–10 · prometheus · Ready` for a KEDA ScaledObject. */
export function scaledObjectDescription(s: ScaledObject): string {
  const triggers = [...new Set((s.spec?.triggers ?? []).map((t) => t.type ?? '?'))].join(', ');
  const ready = condition(s.status?.conditions, 'Ready');
  const state = ready ? (ready.status === 'True' ? 'Ready' : `not ready${ready.reason ? `: ${ready.reason}` : ''}`) : '';
  return [`${s.spec?.minReplicaCount ?? 0}–${s.spec?.maxReplicaCount ?? 100}`, triggers, state].filter(Boolean).join(' · ');
}
