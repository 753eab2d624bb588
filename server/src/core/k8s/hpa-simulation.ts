// Replicas over time for an HPA under a synthetic load: every sync period (15 s by default) the controller reads the
// average CPU utilization of the ready pods and decides with hpa-algorithm.ts; new pods serve load only once their
// readiness delay has passed, and scale-down removes not-yet-ready pods first (as the ReplicaSet controller does).
// Pure: what the behaviour preview draws and what the test API server's HPA controller is checked against.
import { decide, newMemory, replicasForMetric, type Condition, type HpaBehavior } from './hpa-algorithm';

export type LoadShape = 'step' | 'spike' | 'ramp' | 'wave';

/** A load pattern in load units (e.g. requests per second). */
export interface LoadPattern {
  shape: LoadShape;
  /** Load before and after the event. */
  base: number;
  peak: number;
  /** When the step/spike/ramp starts (wave: ignored, it starts at 0). */
  startSeconds: number;
  /** step: ignored (peak holds); spike: how long the peak lasts; ramp: time from base to peak; wave: one period. */
  durationSeconds: number;
}

/** Load at time t (seconds). */
export function loadAt(p: LoadPattern, t: number): number {
  switch (p.shape) {
    case 'step':
      return t >= p.startSeconds ? p.peak : p.base;
    case 'spike':
      return t >= p.startSeconds && t < p.startSeconds + p.durationSeconds ? p.peak : p.base;
    case 'ramp':
      if (t < p.startSeconds) return p.base;
      if (p.durationSeconds <= 0 || t >= p.startSeconds + p.durationSeconds) return p.peak;
      return p.base + ((p.peak - p.base) * (t - p.startSeconds)) / p.durationSeconds;
    case 'wave':
      // A day-like wave: base at t = 0, peak at half the period.
      return p.base + ((p.peak - p.base) * (1 - Math.cos((2 * Math.PI * t) / Math.max(1, p.durationSeconds)))) / 2;
  }
}

export interface CapacityModel {
  /** Load one pod serves at 100 % of its CPU request. */
  perPodAtRequest: number;
  /** Seconds from a pod's creation until it is ready and serves load. */
  readinessDelaySeconds: number;
}

export interface SimulationInput {
  minReplicas?: number;
  maxReplicas: number;
  /** target.averageUtilization of the cpu Resource metric, in percent. */
  targetUtilization: number;
  behavior?: HpaBehavior;
  load: LoadPattern;
  capacity: CapacityModel;
  /** Replicas at t = 0, all ready (default minReplicas). */
  initialReplicas?: number;
  durationSeconds: number;
  /** --horizontal-pod-autoscaler-sync-period, default 15. */
  syncPeriodSeconds?: number;
}

export interface SimulationStep {
  time: number;
  load: number;
  /** Replicas before this sync's decision, and how many of them were ready. */
  replicas: number;
  ready: number;
  /** Average utilization of the ready pods in whole percent, as the controller reads it. */
  utilization: number;
  /** What the metric alone asks for, and what the controller set. */
  metricDesired: number;
  desired: number;
  scalingLimited: Condition;
  ableToScale: Condition;
  /** The SuccessfulRescale reason, when this sync rescaled. */
  rescaleReason?: string;
}

/** Runs the controller every sync period from t = 0 to durationSeconds. */
export function simulate(input: SimulationInput): SimulationStep[] {
  const period = input.syncPeriodSeconds ?? 15;
  const memory = newMemory();
  const hpa = { minReplicas: input.minReplicas, maxReplicas: input.maxReplicas, behavior: input.behavior };
  // Ready times of the pods, oldest first.
  let readyAt: number[] = Array.from({ length: input.initialReplicas ?? input.minReplicas ?? 1 }, () => -Infinity);
  const steps: SimulationStep[] = [];
  for (let t = 0; t <= input.durationSeconds; t += period) {
    const load = loadAt(input.load, t);
    const ready = readyAt.filter((r) => r <= t).length;
    const current = readyAt.length;
    const utilization = ready > 0 ? Math.floor((load * 100) / (ready * input.capacity.perPodAtRequest)) : 0;
    const metricDesired = replicasForMetric({ currentReplicas: current, readyPods: ready, unreadyPods: current - ready, current: utilization, target: input.targetUtilization });
    const d = decide(hpa, memory, t, current, metricDesired);
    steps.push({ time: t, load, replicas: current, ready, utilization, metricDesired, desired: d.rescale ? d.desired : current, scalingLimited: d.scalingLimited, ableToScale: d.ableToScale, rescaleReason: d.reason });
    if (d.desired > current) readyAt = readyAt.concat(Array.from({ length: d.desired - current }, () => t + input.capacity.readinessDelaySeconds));
    else if (d.rescale && d.desired < current) readyAt = [...readyAt].sort((a, b) => a - b).slice(0, d.desired);
  }
  return steps;
}
