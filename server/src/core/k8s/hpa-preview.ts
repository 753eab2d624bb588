// The HPA behaviour preview as data: an autoscaler's spec (hpa-preview-spec.ts) and a load pattern the user picks go
// through hpa-simulation.ts, and come back as the chart's series, axes, scale-event markers and summary. Pure, so
// the numbers the webview draws are the simulation's, and tests check them without a browser.
import { simulate, type LoadPattern, type LoadShape, type SimulationStep } from './hpa-simulation';
import type { PreviewSpec } from './hpa-preview-spec';

export type { PreviewSpec } from './hpa-preview-spec';
export { parsePreviewSpec } from './hpa-preview-spec';

/** What the user edits in the preview. */
export interface PreviewPattern {
  shape: LoadShape;
  /** Load before the event and at its height, in the metric's load unit. */
  base: number;
  peak: number;
  /** step: how long the peak holds; spike: its length; ramp: the time to climb; wave: one period ("a day"). */
  durationSeconds: number;
  /** Seconds from a pod's creation until it is ready and serves load. */
  readinessDelaySeconds: number;
}

export const SHAPES: ReadonlyArray<{ shape: LoadShape; label: string }> = [
  { shape: 'step', label: 'Step up' },
  { shape: 'spike', label: 'Spike' },
  { shape: 'ramp', label: 'Ramp' },
  { shape: 'wave', label: 'Daily wave' },
];

/** When the step, spike and ramp start: one minute of base load first. */
export const LOAD_START_SECONDS = 60;
/** After a spike or ramp the chart runs on this long, past the default 300 s scale-down window. */
export const TAIL_SECONDS = 420;
/** A scale-up this soon after a scale-down counts as flapping (the pods removed were needed again). */
export const FLAP_WINDOW_SECONDS = 300;
/** The longest run the preview simulates (4 h = 960 syncs). */
export const MAX_TOTAL_SECONDS = 4 * 3600;

const DEFAULT_DURATION: Record<LoadShape, number> = { step: 600, spike: 120, ramp: 600, wave: 1200 };

/** Load that needs `replicas` pods at the target. */
const loadFor = (spec: PreviewSpec, replicas: number) => (replicas * spec.metric.perPodAtRequest * spec.metric.targetUtilization) / 100;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** A pattern to start from: min replicas at 60 % of the target, a peak that needs three quarters of max. */
export function defaultPattern(spec: PreviewSpec, shape: LoadShape = 'step'): PreviewPattern {
  return {
    shape,
    base: round2(loadFor(spec, spec.minReplicas) * 0.6),
    peak: round2(loadFor(spec, Math.max(spec.minReplicas + 1, Math.ceil(spec.maxReplicas * 0.75)))),
    durationSeconds: DEFAULT_DURATION[shape],
    readinessDelaySeconds: 30,
  };
}

/** Seconds the chart covers for a pattern. */
export function totalSeconds(p: PreviewPattern): number {
  const d = Math.max(15, p.durationSeconds);
  const total = p.shape === 'wave' ? 2 * d : p.shape === 'step' ? LOAD_START_SECONDS + d : LOAD_START_SECONDS + d + TAIL_SECONDS;
  return Math.min(MAX_TOTAL_SECONDS, total);
}

export interface ChartPoint {
  time: number;
  load: number;
  /** The load as the replicas it needs at the target (the load line shares the replicas axis). */
  loadReplicas: number;
  replicas: number;
  ready: number;
  utilization: number;
  /** What the controller set at this sync. */
  desired: number;
}

export interface ScaleEventMarker {
  time: number;
  from: number;
  to: number;
  /** SuccessfulRescale's reason, plus the limit that held it back (ScaleUpLimit, TooManyReplicas …). */
  reason: string;
}

export interface PreviewSummary {
  /** The most replicas the run reached. */
  peakReplicas: number;
  /** Seconds from the load's rise until the peak's last pod is ready; undefined when it never scaled up. */
  secondsToPeakCapacity?: number;
  scaleChanges: number;
  scaleUps: number;
  /** Scale-ups within FLAP_WINDOW_SECONDS of the scale-down before them: the flapping count. */
  quickReversals: number;
  maxHit: boolean;
  /** The most replicas the metric asked for, when that is more than maxReplicas. */
  wantedAboveMax?: number;
  /** The summary as sentences, in the order the webview shows them. */
  lines: string[];
}

export interface ChartModel {
  title: string;
  subtitle: string;
  loadUnit: string;
  minReplicas: number;
  maxReplicas: number;
  totalSeconds: number;
  /** The load jumps at an instant (step, spike): drawn as steps; a ramp or wave as a line through the syncs. */
  loadJumps: boolean;
  /** Top of the replicas axis, and the ticks on both axes. */
  yMax: number;
  yTicks: number[];
  xTicks: number[];
  points: ChartPoint[];
  events: ScaleEventMarker[];
  summary: PreviewSummary;
  notes: string[];
}

/** A tick step from 1, 2, 5 × 10^n that gives at most `most` ticks over `span`. */
export function niceStep(span: number, most: number): number {
  for (let exp = 1; ; exp *= 10) for (const m of [1, 2, 5]) if (span / (m * exp) <= most) return m * exp;
}

const TIME_STEPS = [15, 30, 60, 120, 300, 600, 900, 1800, 3600];

/** `90 s`, `5 min`, `1 h 30 min`. */
export function formatSeconds(s: number): string {
  if (s < 120) return `${s} s`;
  if (s < 3600) return s % 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s / 60} min`;
  const m = Math.round((s % 3600) / 60);
  return m ? `${Math.floor(s / 3600)} h ${m} min` : `${s / 3600} h`;
}

function summarize(spec: PreviewSpec, p: PreviewPattern, steps: SimulationStep[]): PreviewSummary {
  const changes = steps.filter((s) => s.desired !== s.replicas);
  const up = (s: SimulationStep) => s.desired > s.replicas;
  // Scaling down after a peak is the point; scaling down and soon needing the pods back is flapping.
  let quickReversals = 0;
  for (let i = 1; i < changes.length; i++) if (up(changes[i]) && !up(changes[i - 1]) && changes[i].time - changes[i - 1].time <= FLAP_WINDOW_SECONDS) quickReversals++;
  const scaleUps = changes.filter(up).length;
  const peakReplicas = Math.max(...steps.map((s) => Math.max(s.replicas, s.desired)));
  const start = steps[0]?.replicas ?? spec.minReplicas;
  const reachedPeak = steps.find((s) => s.desired === peakReplicas && s.desired > s.replicas);
  const rise = p.shape === 'wave' ? 0 : LOAD_START_SECONDS;
  const secondsToPeakCapacity = peakReplicas > start && reachedPeak ? reachedPeak.time + p.readinessDelaySeconds - rise : undefined;
  const wanted = Math.max(...steps.map((s) => s.metricDesired));
  const maxHit = steps.some((s) => s.desired >= spec.maxReplicas);
  const wantedAboveMax = wanted > spec.maxReplicas ? wanted : undefined;
  const lines = [
    secondsToPeakCapacity === undefined
      ? `No scale-up: ${start} replicas carry this load within the tolerance of the target.`
      : `Peak capacity: ${peakReplicas} ready replicas, ${formatSeconds(secondsToPeakCapacity)} after the load rose.`,
    `Scale changes: ${changes.length} (${scaleUps} up, ${changes.length - scaleUps} down)${quickReversals ? `; ${quickReversals} scale-up${quickReversals === 1 ? '' : 's'} within ${FLAP_WINDOW_SECONDS / 60} min of a scale-down (flapping)` : ''}.`,
    wantedAboveMax !== undefined
      ? `Max hit: the load asked for ${wantedAboveMax} replicas, maxReplicas is ${spec.maxReplicas}.`
      : maxHit
        ? `Max reached: ${spec.maxReplicas} replicas.`
        : `Max not hit: at most ${peakReplicas} of ${spec.maxReplicas} replicas.`,
  ];
  return { peakReplicas, secondsToPeakCapacity, scaleChanges: changes.length, scaleUps, quickReversals, maxHit, wantedAboveMax, lines };
}

/** Clamps what the user typed to something the simulation can run (non-negative load, 15 s … 4 h). */
export function sanePattern(p: PreviewPattern): PreviewPattern {
  const n = (v: number, lo: number, hi: number, def: number) => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : def);
  return {
    shape: SHAPES.some((s) => s.shape === p.shape) ? p.shape : 'step',
    base: n(p.base, 0, 1e12, 0),
    peak: n(p.peak, 0, 1e12, 0),
    durationSeconds: Math.round(n(p.durationSeconds, 15, MAX_TOTAL_SECONDS, 600)),
    readinessDelaySeconds: Math.round(n(p.readinessDelaySeconds, 0, 3600, 30)),
  };
}

/** Runs the simulation for the spec under the pattern and lays out what the chart shows. */
export function buildChartModel(spec: PreviewSpec, pattern: PreviewPattern): ChartModel {
  const p = sanePattern(pattern);
  const total = totalSeconds(p);
  const load: LoadPattern = { shape: p.shape, base: p.base, peak: p.peak, startSeconds: p.shape === 'wave' ? 0 : LOAD_START_SECONDS, durationSeconds: p.shape === 'step' ? 0 : p.durationSeconds };
  const steps = simulate({
    minReplicas: spec.minReplicas,
    maxReplicas: spec.maxReplicas,
    targetUtilization: spec.metric.targetUtilization,
    behavior: spec.behavior,
    load,
    capacity: { perPodAtRequest: spec.metric.perPodAtRequest, readinessDelaySeconds: p.readinessDelaySeconds },
    durationSeconds: total,
  });
  const perReplica = loadFor(spec, 1);
  const points = steps.map((s) => ({ time: s.time, load: s.load, loadReplicas: s.load / perReplica, replicas: s.replicas, ready: s.ready, utilization: s.utilization, desired: s.desired }));
  const events = steps
    .filter((s) => s.desired !== s.replicas)
    .map((s) => ({ time: s.time, from: s.replicas, to: s.desired, reason: `${s.rescaleReason ?? ''}${s.scalingLimited.status === 'True' ? ` (${s.scalingLimited.reason})` : ''}` }));
  const top = Math.max(spec.maxReplicas, ...points.map((pt) => Math.max(pt.loadReplicas, pt.desired)));
  const yStep = niceStep(top, 8);
  const yMax = Math.ceil((top + 0.001) / yStep) * yStep;
  const xStep = TIME_STEPS.find((t) => total / t <= 10) ?? 3600;
  const behaviorText = spec.behavior ? 'behavior as written' : 'no behavior: the controller\'s default rules';
  return {
    title: `${spec.kind} ${spec.name}`,
    subtitle: `${spec.minReplicas}–${spec.maxReplicas} replicas · target ${spec.metric.targetText} · ${behaviorText} · new pods ready after ${p.readinessDelaySeconds} s`,
    loadUnit: spec.metric.loadUnit,
    minReplicas: spec.minReplicas,
    maxReplicas: spec.maxReplicas,
    totalSeconds: total,
    loadJumps: p.shape === 'step' || p.shape === 'spike',
    yMax,
    yTicks: Array.from({ length: yMax / yStep + 1 }, (_, i) => i * yStep),
    xTicks: Array.from({ length: Math.floor(total / xStep) + 1 }, (_, i) => i * xStep),
    points,
    events,
    summary: summarize(spec, p, steps),
    notes: spec.notes,
  };
}
