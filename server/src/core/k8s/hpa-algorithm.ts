// The HorizontalPodAutoscaler controller's decision for one sync, as a pure function of the spec, the controller's
// memory (past recommendations and scale events) and the observed metric. It follows kube-controller-manager's
// podautoscaler package (horizontal.go: normalizeDesiredReplicasWithBehaviors, stabilizeRecommendationWithBehaviors,
// convertDesiredReplicasWithBehaviorRate, calculateScale{Up,Down}Limit…; replica_calculator.go: the tolerance and
// unready pods) and the autoscaling/v2 defaults. Times are in seconds. No VS Code, no kubectl.

export type PolicyType = 'Pods' | 'Percent';
export type SelectPolicy = 'Max' | 'Min' | 'Disabled';

export interface ScalingPolicy {
  type: PolicyType;
  value: number;
  periodSeconds: number;
}

export interface ScalingRules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: SelectPolicy;
  policies?: ScalingPolicy[];
}

export interface HpaBehavior {
  scaleUp?: ScalingRules;
  scaleDown?: ScalingRules;
}

export type ResolvedRules = Required<ScalingRules>;

/** The controller's default tolerance (--horizontal-pod-autoscaler-tolerance). */
export const TOLERANCE = 0.1;

/** autoscaling/v2 default scale-up: the larger of 100 % and 4 pods per 15 s, no stabilization window. */
export const DEFAULT_SCALE_UP: ResolvedRules = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Percent', value: 100, periodSeconds: 15 },
    { type: 'Pods', value: 4, periodSeconds: 15 },
  ],
};

/** autoscaling/v2 default scale-down: 100 % per 15 s after a 300 s stabilization window. */
export const DEFAULT_SCALE_DOWN: ResolvedRules = {
  stabilizationWindowSeconds: 300,
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

function resolveRules(rules: ScalingRules | undefined, defaults: ResolvedRules): ResolvedRules {
  if (!rules) return defaults;
  return {
    stabilizationWindowSeconds: rules.stabilizationWindowSeconds ?? defaults.stabilizationWindowSeconds,
    selectPolicy: rules.selectPolicy ?? 'Max',
    policies: rules.policies?.length ? rules.policies : defaults.policies,
  };
}

/** The behaviour with the API server's defaults filled in (SetDefaults_HorizontalPodAutoscalerBehavior). */
export function resolveBehavior(behavior?: HpaBehavior): { scaleUp: ResolvedRules; scaleDown: ResolvedRules } {
  return { scaleUp: resolveRules(behavior?.scaleUp, DEFAULT_SCALE_UP), scaleDown: resolveRules(behavior?.scaleDown, DEFAULT_SCALE_DOWN) };
}

export interface MetricSample {
  currentReplicas: number;
  /** Pods that are ready and report the metric. */
  readyPods: number;
  /** Pods not yet ready (ignored for CPU while they start); counted at 0 % when the ratio says scale up. */
  unreadyPods?: number;
  /** Average over the ready pods (for utilization: whole percent of the request, as the controller computes it). */
  current: number;
  target: number;
}

/** Replicas one metric asks for: ceil(ready × current / target), nothing within the tolerance (replica_calculator.go). */
export function replicasForMetric(m: MetricSample, tolerance = TOLERANCE): number {
  const unready = m.unreadyPods ?? 0;
  if (m.readyPods <= 0) return m.currentReplicas;
  const ratio = m.current / m.target;
  if (!(unready > 0 && ratio > 1)) {
    if (Math.abs(1.0 - ratio) <= tolerance) return m.currentReplicas;
    return Math.ceil(ratio * m.readyPods);
  }
  // Scale-up with pods still starting: count them at 0 and decide again, conservatively.
  const total = m.readyPods + unready;
  const newRatio = (m.current * m.readyPods) / (m.target * total);
  if (Math.abs(1.0 - newRatio) <= tolerance || newRatio < 1.0) return m.currentReplicas;
  const replicas = Math.ceil(newRatio * total);
  return replicas < m.currentReplicas ? m.currentReplicas : replicas;
}

export interface ScaleEvent {
  time: number;
  change: number;
}

/** What the controller remembers about one HPA between syncs. */
export interface HpaMemory {
  recommendations: Array<{ time: number; replicas: number }>;
  scaleUpEvents: ScaleEvent[];
  scaleDownEvents: ScaleEvent[];
}

export function newMemory(): HpaMemory {
  return { recommendations: [], scaleUpEvents: [], scaleDownEvents: [] };
}

export interface HpaLimits {
  minReplicas?: number;
  maxReplicas: number;
  behavior?: HpaBehavior;
}

export interface Condition {
  status: 'True' | 'False';
  reason: string;
  message: string;
}

export interface Decision {
  /** The replica count the controller sets. */
  desired: number;
  /** After the stabilization windows, before the rate limits and bounds. */
  stabilized: number;
  rescale: boolean;
  /** `New size: N; reason: …` of the SuccessfulRescale event, when rescale. */
  reason?: string;
  ableToScale: Condition;
  scalingLimited: Condition;
  /** The target is at 0 replicas and minReplicas is not 0: ScalingActive=False ScalingDisabled. */
  scalingDisabled?: boolean;
}

function changeInPeriod(events: ScaleEvent[], periodSeconds: number, now: number): number {
  const cutoff = now - periodSeconds;
  return events.filter((e) => e.time > cutoff).reduce((n, e) => n + e.change, 0);
}

/** The most replicas the scale-up policies allow now (calculateScaleUpLimitWithScalingRules). */
export function scaleUpLimit(current: number, memory: HpaMemory, rules: ResolvedRules, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pick = rules.selectPolicy === 'Min' ? Math.min : Math.max;
  let result = rules.selectPolicy === 'Min' ? Infinity : -Infinity;
  for (const p of rules.policies) {
    const start = current - changeInPeriod(memory.scaleUpEvents, p.periodSeconds, now) + changeInPeriod(memory.scaleDownEvents, p.periodSeconds, now);
    const proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    result = pick(result, proposed);
  }
  return result;
}

/** The fewest replicas the scale-down policies allow now (calculateScaleDownLimitWithBehaviors). */
export function scaleDownLimit(current: number, memory: HpaMemory, rules: ResolvedRules, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pick = rules.selectPolicy === 'Min' ? Math.max : Math.min;
  let result = rules.selectPolicy === 'Min' ? -Infinity : Infinity;
  for (const p of rules.policies) {
    const start = current - changeInPeriod(memory.scaleUpEvents, p.periodSeconds, now) + changeInPeriod(memory.scaleDownEvents, p.periodSeconds, now);
    const proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    result = pick(result, proposed);
  }
  return result;
}

const WITHIN: Condition = { status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
const READY: Condition = { status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' };
const UP_STABILIZED: Condition = { status: 'True', reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' };
const DOWN_STABILIZED: Condition = { status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' };
const UP_LIMIT: Condition = { status: 'True', reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' };
const TOO_MANY: Condition = { status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' };
const DOWN_LIMIT: Condition = { status: 'True', reason: 'ScaleDownLimit', message: 'the desired replica count is decreasing faster than the maximum scale rate' };
const TOO_FEW: Condition = { status: 'True', reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' };

/** Without spec.behavior the controller keeps its older rules: at most max(2 × current, 4) per sync (calculateScaleUpLimit). */
export function legacyScaleUpLimit(current: number): number {
  return Math.max(2 * current, 4);
}

type Normalized = { desired: number; stabilized: number; ableToScale: Condition; scalingLimited: Condition };

/** normalizeDesiredReplicas: no behavior set. The down-scale window is the controller's flag (300 s). */
function normalizeLegacy(memory: HpaMemory, now: number, current: number, wanted: number, min: number, max: number, windowSeconds: number): Normalized {
  let stabilized = wanted;
  for (const r of memory.recommendations) if (r.time >= now - windowSeconds) stabilized = Math.max(stabilized, r.replicas);
  memory.recommendations = memory.recommendations.filter((r) => r.time >= now - windowSeconds);
  memory.recommendations.push({ time: now, replicas: wanted });
  const ableToScale = stabilized !== wanted ? DOWN_STABILIZED : READY;
  const upLimit = legacyScaleUpLimit(current);
  const [allowed, limiting] = max > upLimit ? [upLimit, UP_LIMIT] : [max, TOO_MANY];
  if (stabilized < min) return { desired: min, stabilized, ableToScale, scalingLimited: TOO_FEW };
  if (stabilized > allowed) return { desired: allowed, stabilized, ableToScale, scalingLimited: limiting };
  return { desired: stabilized, stabilized, ableToScale, scalingLimited: WITHIN };
}

/** normalizeDesiredReplicasWithBehaviors: both stabilization windows, then the policies' rate limits and the bounds. */
function normalizeWithBehavior(hpa: HpaLimits, memory: HpaMemory, now: number, current: number, wanted: number, min: number, max: number): Normalized {
  const { scaleUp, scaleDown } = resolveBehavior(hpa.behavior);
  let up = wanted;
  let down = wanted;
  for (const r of memory.recommendations) {
    if (r.time > now - scaleUp.stabilizationWindowSeconds) up = Math.min(up, r.replicas);
    if (r.time > now - scaleDown.stabilizationWindowSeconds) down = Math.max(down, r.replicas);
  }
  const longest = Math.max(scaleUp.stabilizationWindowSeconds, scaleDown.stabilizationWindowSeconds);
  memory.recommendations = memory.recommendations.filter((r) => r.time >= now - longest);
  memory.recommendations.push({ time: now, replicas: wanted });
  const stabilized = Math.min(Math.max(current, up), down);
  const ableToScale = stabilized === wanted ? READY : wanted >= current ? UP_STABILIZED : DOWN_STABILIZED;
  if (stabilized > current) {
    const limit = Math.max(scaleUpLimit(current, memory, scaleUp, now), current);
    const [allowed, limiting] = max > limit ? [limit, UP_LIMIT] : [max, TOO_MANY];
    if (stabilized > allowed) return { desired: allowed, stabilized, ableToScale, scalingLimited: limiting };
  } else if (stabilized < current) {
    const limit = Math.min(scaleDownLimit(current, memory, scaleDown, now), current);
    const [allowed, limiting] = min < limit ? [limit, DOWN_LIMIT] : [min, TOO_FEW];
    if (stabilized < allowed) return { desired: allowed, stabilized, ableToScale, scalingLimited: limiting };
  }
  return { desired: stabilized, stabilized, ableToScale, scalingLimited: WITHIN };
}

/** The controller's --horizontal-pod-autoscaler-downscale-stabilization default, used when spec.behavior is unset. */
export const LEGACY_DOWNSCALE_WINDOW_SECONDS = 300;

/**
 * One sync (reconcileAutoscaler): `metricDesired` is the highest replica count any metric asks for (see
 * replicasForMetric). Updates `memory` (the recommendation and, when it rescales with a behavior, the scale event).
 */
export function decide(hpa: HpaLimits, memory: HpaMemory, now: number, current: number, metricDesired: number, metricName = 'cpu resource utilization (percentage of request)'): Decision {
  const min = hpa.minReplicas ?? 1;
  const max = hpa.maxReplicas;
  // recordInitialRecommendation: the first sync remembers the size it found.
  if (memory.recommendations.length === 0) memory.recommendations.push({ time: now, replicas: current });
  let n: Normalized;
  let reason: string | undefined;
  if (current === 0 && min !== 0) {
    return { desired: 0, stabilized: 0, rescale: false, ableToScale: READY, scalingLimited: WITHIN, scalingDisabled: true };
  } else if (current > max) {
    n = { desired: max, stabilized: max, ableToScale: READY, scalingLimited: WITHIN };
    reason = 'Current number of replicas above Spec.MaxReplicas';
  } else if (current < min) {
    n = { desired: min, stabilized: min, ableToScale: READY, scalingLimited: WITHIN };
    reason = 'Current number of replicas below Spec.MinReplicas';
  } else {
    if (metricDesired > current) reason = `${metricName} above target`;
    else if (metricDesired < current) reason = 'All metrics below target';
    n = hpa.behavior
      ? normalizeWithBehavior(hpa, memory, now, current, metricDesired, min, max)
      : normalizeLegacy(memory, now, current, metricDesired, min, max, LEGACY_DOWNSCALE_WINDOW_SECONDS);
  }
  const rescale = n.desired !== current;
  if (rescale && hpa.behavior) {
    const { scaleUp, scaleDown } = resolveBehavior(hpa.behavior);
    const up = n.desired > current;
    const rules = up ? scaleUp : scaleDown;
    const longest = Math.max(...rules.policies.map((p) => p.periodSeconds));
    const kept = (up ? memory.scaleUpEvents : memory.scaleDownEvents).filter((e) => e.time >= now - longest);
    kept.push({ time: now, change: Math.abs(n.desired - current) });
    if (up) memory.scaleUpEvents = kept;
    else memory.scaleDownEvents = kept;
  }
  return { ...n, rescale, reason: rescale ? reason : undefined, ableToScale: rescale ? { status: 'True', reason: 'SucceededRescale', message: `the HPA controller was able to update the target scale to ${n.desired}` } : n.ableToScale };
}
