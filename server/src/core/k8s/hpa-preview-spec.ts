// What the HPA behaviour preview simulates, read from a HorizontalPodAutoscaler (autoscaling/v1 or v2) or a KEDA
// ScaledObject as plain JSON (the object a manifest's lens passes, or `kubectl get -o json`): the bounds, the
// behaviour and the one per-pod metric the simulation follows. Pure; no YAML nodes, so the webview can bundle it.
import type { HpaBehavior } from './hpa-algorithm';
import { parseQuantity } from './quantity';

/** The metric the preview simulates, as hpa-simulation's utilization model sees it. */
export interface PreviewMetric {
  /** `cpu`, `memory`, `http_requests`, `prometheus` … */
  name: string;
  /** How the target reads in the summary: `70 % of the cpu request`, `100 http_requests per pod`. */
  targetText: string;
  /** The unit of the load the user edits: `pods' worth of cpu request`, `http_requests (total)`. */
  loadUnit: string;
  /** hpa-simulation's model: load one pod carries at 100 %, and the target in percent of that. */
  perPodAtRequest: number;
  targetUtilization: number;
}

export interface PreviewSpec {
  kind: 'HorizontalPodAutoscaler' | 'ScaledObject';
  name: string;
  minReplicas: number;
  maxReplicas: number;
  behavior?: HpaBehavior;
  metric: PreviewMetric;
  /** Metrics (or triggers) left out of the simulation, and other caveats, one sentence each. */
  notes: string[];
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Json => (isObj(v) ? v : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim()) {
    const q = parseQuantity(v.trim());
    if (q) return q.value;
  }
  return undefined;
}

const utilization = (name: string, percent: number): PreviewMetric => ({
  name,
  targetText: `${percent} % of the ${name} request`,
  loadUnit: `pods' worth of ${name} request`,
  perPodAtRequest: 1,
  targetUtilization: percent,
});

/** A per-pod average target: the load is the metric's total, one pod at 100 % carries the target. */
const averageValue = (name: string, value: number): PreviewMetric => ({
  name,
  targetText: `${value} ${name} per pod`,
  loadUnit: `${name} (total over the pods)`,
  perPodAtRequest: value,
  targetUtilization: 100,
});

/** One autoscaling/v2 metric as the preview's model, or why it cannot be one. */
function v2Metric(m: Json): PreviewMetric | string {
  const type = String(m.type ?? '');
  const source = obj(m[type === 'ContainerResource' ? 'containerResource' : type.charAt(0).toLowerCase() + type.slice(1)]);
  const target = obj(source.target);
  const name = String(source.name ?? obj(source.metric).name ?? type);
  if ((type === 'Resource' || type === 'ContainerResource') && target.type === 'Utilization') {
    const percent = num(target.averageUtilization);
    return percent && percent > 0 ? utilization(name, percent) : `${name}: no averageUtilization`;
  }
  if (target.type === 'AverageValue' || type === 'Pods') {
    const value = num(target.averageValue);
    return value && value > 0 ? averageValue(name, value) : `${name}: no averageValue`;
  }
  return `${type} metric ${name} with a ${String(target.type ?? 'missing')} target (not a per-pod average)`;
}

function hpaSpec(name: string, apiVersion: string, spec: Json): PreviewSpec | { error: string } {
  const maxReplicas = num(spec.maxReplicas);
  if (!maxReplicas || maxReplicas < 1) return { error: `HorizontalPodAutoscaler ${name} has no maxReplicas` };
  const minReplicas = Math.max(1, num(spec.minReplicas) ?? 1);
  const notes: string[] = [];
  let metric: PreviewMetric | undefined;
  if (apiVersion === 'autoscaling/v1' || spec.targetCPUUtilizationPercentage !== undefined) {
    metric = utilization('cpu', num(spec.targetCPUUtilizationPercentage) ?? 80);
  } else {
    const metrics = list(spec.metrics).map((m) => v2Metric(obj(m)));
    // Without metrics the API server defaults to 80 % average CPU utilization.
    if (!metrics.length) metric = utilization('cpu', 80);
    for (const m of metrics) {
      if (typeof m === 'string') notes.push(`Not simulated: ${m}.`);
      else if (!metric) metric = m;
      else notes.push(`Not simulated: ${m.name} (${m.targetText}); the controller scales to the highest of its metrics, the preview follows ${metric.name}.`);
    }
  }
  if (!metric) return { error: `HorizontalPodAutoscaler ${name} has no metric the preview can simulate (${notes.join(' ')})` };
  const behavior = isObj(spec.behavior) ? (spec.behavior as HpaBehavior) : undefined;
  return { kind: 'HorizontalPodAutoscaler', name, minReplicas: Math.min(minReplicas, maxReplicas), maxReplicas, behavior, metric, notes };
}

/** KEDA: cpu/memory triggers are utilization targets; other scalers' `threshold`/`value` is a per-pod average. */
function kedaTrigger(t: Json): PreviewMetric | string {
  const type = String(t.type ?? '?');
  const meta = obj(t.metadata);
  if (type === 'cpu' || type === 'memory') {
    const value = num(meta.value);
    if (!value || value <= 0) return `${type} trigger without a value`;
    return String(t.metricType ?? 'Utilization') === 'Utilization' ? utilization(type, value) : averageValue(type, value);
  }
  const value = num(meta.threshold ?? meta.targetValue ?? meta.value);
  if ((t.metricType ?? 'AverageValue') !== 'AverageValue' || !value || value <= 0) return `${type} trigger (no per-pod threshold)`;
  return averageValue(String(meta.metricName ?? type), value);
}

function scaledObjectSpec(name: string, spec: Json): PreviewSpec | { error: string } {
  const maxReplicas = num(spec.maxReplicaCount) ?? 100;
  const min = num(spec.minReplicaCount) ?? 0;
  const notes: string[] = [];
  if (min < 1) notes.push('KEDA activates from 0 to 1 replica itself; the preview starts at 1.');
  let metric: PreviewMetric | undefined;
  for (const t of list(spec.triggers).map((t) => kedaTrigger(obj(t)))) {
    if (typeof t === 'string') notes.push(`Not simulated: ${t}.`);
    else if (!metric) metric = t;
    else notes.push(`Not simulated: ${t.name} (${t.targetText}); the preview follows ${metric.name}.`);
  }
  if (!metric) return { error: `ScaledObject ${name} has no trigger the preview can simulate` };
  const hpaConfig = obj(obj(spec.advanced).horizontalPodAutoscalerConfig);
  const behavior = isObj(hpaConfig.behavior) ? (hpaConfig.behavior as HpaBehavior) : undefined;
  const minReplicas = Math.max(1, Math.min(min, maxReplicas));
  return { kind: 'ScaledObject', name, minReplicas, maxReplicas: Math.max(1, maxReplicas), behavior, metric, notes };
}

/** The preview's input from a whole HPA or ScaledObject object (apiVersion, kind, metadata, spec). */
export function parsePreviewSpec(object: unknown): PreviewSpec | { error: string } {
  const o = obj(object);
  const name = String(obj(o.metadata).name ?? '(unnamed)');
  const spec = obj(o.spec);
  if (o.kind === 'HorizontalPodAutoscaler') return hpaSpec(name, String(o.apiVersion ?? ''), spec);
  if (o.kind === 'ScaledObject') return scaledObjectSpec(name, spec);
  return { error: `a ${String(o.kind ?? 'object without kind')} is not an autoscaler` };
}
