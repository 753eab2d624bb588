// The HPA behaviour preview's model (server/src/core/k8s/hpa-preview.ts, hpa-preview-spec.ts): the spec read from an
// HPA or ScaledObject, and the chart's rows, markers and summary — each row is hpa-simulation's, computed by hand in
// the comments (controller's algorithm: ceil(ready × current / target), 10 % tolerance, default policies).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildChartModel, defaultPattern, formatSeconds, niceStep, parsePreviewSpec, totalSeconds, type PreviewSpec } from '../../server/src/core/k8s/hpa-preview';
import { simulate } from '../../server/src/core/k8s/hpa-simulation';

function spec(object: unknown): PreviewSpec {
  const s = parsePreviewSpec(object);
  if ('error' in s) throw new Error(s.error);
  return s;
}

const hpa = (specBody: Record<string, unknown>, apiVersion = 'autoscaling/v2') => ({ apiVersion, kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' }, spec: specBody });
const cpu = (percent: number) => [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: percent } } }];
const ABOVE = 'cpu resource utilization (percentage of request) above target';

describe('HPA preview: the spec', () => {
  it('reads bounds, the cpu utilization target and behavior of an autoscaling/v2 HPA', () => {
    const behavior = { scaleDown: { stabilizationWindowSeconds: 60 } };
    const s = spec(hpa({ minReplicas: 2, maxReplicas: 10, metrics: cpu(70), behavior }));
    assert.deepEqual([s.kind, s.name, s.minReplicas, s.maxReplicas, s.behavior, s.notes], ['HorizontalPodAutoscaler', 'web', 2, 10, behavior, []]);
    assert.deepEqual(s.metric, { name: 'cpu', targetText: '70 % of the cpu request', loadUnit: "pods' worth of cpu request", perPodAtRequest: 1, targetUtilization: 70 });
  });

  it('defaults as the API server does: minReplicas 1, no metrics = 80 % cpu, autoscaling/v1 targetCPUUtilizationPercentage', () => {
    const none = spec(hpa({ maxReplicas: 5 }));
    assert.deepEqual([none.minReplicas, none.metric.targetUtilization, none.behavior], [1, 80, undefined]);
    assert.equal(spec(hpa({ maxReplicas: 5, targetCPUUtilizationPercentage: 60 }, 'autoscaling/v1')).metric.targetUtilization, 60);
  });

  it('a per-pod average (Pods metric, quantities like 500m) is the load one pod carries at 100 %', () => {
    const s = spec(hpa({ maxReplicas: 8, metrics: [{ type: 'Pods', pods: { metric: { name: 'http_requests' }, target: { type: 'AverageValue', averageValue: '100' } } }] }));
    assert.deepEqual([s.metric.name, s.metric.targetText, s.metric.perPodAtRequest, s.metric.targetUtilization], ['http_requests', '100 http_requests per pod', 100, 100]);
    const m = spec(hpa({ maxReplicas: 8, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'AverageValue', averageValue: '500m' } } }] }));
    assert.equal(m.metric.perPodAtRequest, 0.5);
  });

  it('follows the first metric it can simulate and says which it leaves out', () => {
    const s = spec(hpa({ maxReplicas: 8, metrics: [{ type: 'Object', object: { metric: { name: 'queue' }, target: { type: 'Value', value: '30' } } }, ...cpu(60), { type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 80 } } }] }));
    assert.equal(s.metric.name, 'cpu');
    assert.deepEqual(s.notes, [
      'Not simulated: Object metric queue with a Value target (not a per-pod average).',
      'Not simulated: memory (80 % of the memory request); the controller scales to the highest of its metrics, the preview follows cpu.',
    ]);
  });

  it('KEDA ScaledObject: cpu trigger, bounds (0 → 1 with a note), behavior under advanced.horizontalPodAutoscalerConfig', () => {
    const behavior = { scaleUp: { stabilizationWindowSeconds: 30 } };
    const s = spec({ kind: 'ScaledObject', metadata: { name: 'worker' }, spec: { maxReplicaCount: 20, advanced: { horizontalPodAutoscalerConfig: { behavior } }, triggers: [{ type: 'cpu', metricType: 'Utilization', metadata: { value: '60' } }] } });
    assert.deepEqual([s.kind, s.minReplicas, s.maxReplicas, s.behavior, s.metric.targetUtilization], ['ScaledObject', 1, 20, behavior, 60]);
    assert.deepEqual(s.notes, ['KEDA activates from 0 to 1 replica itself; the preview starts at 1.']);
    const prom = spec({ kind: 'ScaledObject', metadata: { name: 'q' }, spec: { minReplicaCount: 2, triggers: [{ type: 'prometheus', metadata: { threshold: '50' } }] } });
    assert.deepEqual([prom.minReplicas, prom.maxReplicas, prom.metric.name, prom.metric.perPodAtRequest], [2, 100, 'prometheus', 50]);
  });

  it('says why it cannot preview', () => {
    assert.deepEqual(parsePreviewSpec(hpa({ minReplicas: 2 })), { error: 'HorizontalPodAutoscaler web has no maxReplicas' });
    assert.deepEqual(parsePreviewSpec({ kind: 'Deployment' }), { error: 'a Deployment is not an autoscaler' });
    assert.match((parsePreviewSpec(hpa({ maxReplicas: 3, metrics: [{ type: 'External', external: { metric: { name: 'q' }, target: { type: 'Value', value: '1' } } }] })) as { error: string }).error, /no metric the preview can simulate/);
  });
});

describe('HPA preview: the chart model', () => {
  it('default pattern: base = min replicas at 60 % of the target, peak needs three quarters of max', () => {
    const s = spec(hpa({ minReplicas: 2, maxReplicas: 10, metrics: cpu(50) }));
    // base: 2 × 0.5 × 0.6 = 0.6 pods' worth; peak: ceil(7.5) = 8 replicas × 0.5 = 4.
    assert.deepEqual(defaultPattern(s, 'spike'), { shape: 'spike', base: 0.6, peak: 4, durationSeconds: 120, readinessDelaySeconds: 30 });
    assert.deepEqual(['step', 'spike', 'ramp', 'wave'].map((shape) => totalSeconds({ ...defaultPattern(s), shape: shape as never, durationSeconds: 300 })), [360, 780, 780, 600]);
  });

  it('by hand: a step to 4 pods\' worth at 50 % with behavior {} — 2 → 6 (4 pods per 15 s) → 8, ready at once', () => {
    const s = spec(hpa({ minReplicas: 2, maxReplicas: 10, metrics: cpu(50), behavior: {} }));
    const m = buildChartModel(s, { shape: 'step', base: 0.6, peak: 4, durationSeconds: 300, readinessDelaySeconds: 0 });
    // t=0…45: 0.6 on 2 pods = 30 % → ceil(0.6 × 2) = 2. t=60: 4 on 2 = 200 % → 8 wanted; max(2 × 2, 2 + 4) = 6.
    // t=75: 4 on 6 = 66 % → ceil(1.32 × 6) = 8 (the t=60 event is not after 75 − 15). t=90: 4 on 8 = 50 % → stays.
    assert.deepEqual(m.points.slice(3, 7).map((p) => [p.time, p.load, p.loadReplicas, p.replicas, p.ready, p.utilization, p.desired]), [
      [45, 0.6, 1.2, 2, 2, 30, 2], [60, 4, 8, 2, 2, 200, 6], [75, 4, 8, 6, 6, 66, 8], [90, 4, 8, 8, 8, 50, 8],
    ]);
    assert.equal(m.points.length, 25); // 0 … 360 every 15 s
    assert.deepEqual(m.events, [{ time: 60, from: 2, to: 6, reason: `${ABOVE} (ScaleUpLimit)` }, { time: 75, from: 6, to: 8, reason: ABOVE }]);
    assert.deepEqual([m.summary.peakReplicas, m.summary.secondsToPeakCapacity, m.summary.scaleChanges, m.summary.quickReversals, m.summary.maxHit], [8, 15, 2, 0, false]);
    assert.deepEqual(m.summary.lines, ['Peak capacity: 8 ready replicas, 15 s after the load rose.', 'Scale changes: 2 (2 up, 0 down).', 'Max not hit: at most 8 of 10 replicas.']);
    assert.deepEqual([m.yMax, m.yTicks, m.xTicks], [12, [0, 2, 4, 6, 8, 10, 12], [0, 60, 120, 180, 240, 300, 360]]);
    assert.equal(m.subtitle, '2–10 replicas · target 50 % of the cpu request · behavior as written · new pods ready after 0 s');
  });

  it('by hand: no behavior, 30 s readiness, max too low — 1 → 4 → 8 → 10 and the load asks for 16', () => {
    const s = spec(hpa({ maxReplicas: 10, targetCPUUtilizationPercentage: 50 }, 'autoscaling/v1'));
    const m = buildChartModel(s, { shape: 'step', base: 0.4, peak: 8, durationSeconds: 120, readinessDelaySeconds: 30 });
    // t=60: 800 % on 1 → 16; older rule max(2 × 1, 4) = 4. t=75: 1 ready of 4 → (800·1)/(50·4) = 4 → 16; limit 8.
    // t=90: 4 ready of 8 at 200 % → (200·4)/(50·8) = 2 → 16; limit 16, max 10. t=105: 8 ready at 100 % → 16, held at 10.
    assert.deepEqual(m.points.slice(4, 9).map((p) => [p.time, p.replicas, p.ready, p.utilization, p.desired]), [
      [60, 1, 1, 800, 4], [75, 4, 1, 800, 8], [90, 8, 4, 200, 10], [105, 10, 8, 100, 10], [120, 10, 10, 80, 10],
    ]);
    assert.deepEqual(m.events.map((e) => [e.time, e.from, e.to, e.reason.replace(ABOVE, 'above')]), [[60, 1, 4, 'above (ScaleUpLimit)'], [75, 4, 8, 'above (ScaleUpLimit)'], [90, 8, 10, 'above (TooManyReplicas)']]);
    // The last pod of the 10 was created at t=90 and is ready at 120: 60 s after the rise at 60.
    assert.deepEqual(m.summary.lines, ['Peak capacity: 10 ready replicas, 60 s after the load rose.', 'Scale changes: 3 (3 up, 0 down).', 'Max hit: the load asked for 16 replicas, maxReplicas is 10.']);
    assert.deepEqual([m.summary.maxHit, m.summary.wantedAboveMax, m.yMax], [true, 16, 18]); // top 16 (the load line), ticks of 2, one step of headroom over a top on a tick
  });

  it('by hand: a 30 s spike with no scale-down window scales up and straight back down (no flapping: nothing came back)', () => {
    const s = spec(hpa({ maxReplicas: 10, metrics: cpu(50), behavior: { scaleDown: { stabilizationWindowSeconds: 0 } } }));
    const m = buildChartModel(s, { shape: 'spike', base: 0.4, peak: 2, durationSeconds: 30, readinessDelaySeconds: 0 });
    // t=60: 200 % on 1 → 4 (limit max(2, 5)). t=90: the spike is over, 0.4 on 4 = 10 % → ceil(0.2 × 4) = 1, no window.
    assert.deepEqual(m.events.map((e) => [e.time, e.from, e.to]), [[60, 1, 4], [90, 4, 1]]);
    assert.equal(m.summary.lines[1], 'Scale changes: 2 (1 up, 1 down).');
    // With the default 300 s window the last recommendation of 4 (t = 75, spike still on) holds until 375 − 300 = 75
    // is no longer after it: down at 375.
    const held = buildChartModel(spec(hpa({ maxReplicas: 10, metrics: cpu(50), behavior: {} })), { shape: 'spike', base: 0.4, peak: 2, durationSeconds: 30, readinessDelaySeconds: 0 });
    assert.deepEqual(held.events.map((e) => [e.time, e.from, e.to]), [[60, 1, 4], [375, 4, 1]]);
  });

  it('by hand: a 2 min wave with no scale-down window flaps (down to 1 at 120 s, up again at 135 s); the default window holds', () => {
    const wave = { shape: 'wave' as const, base: 0.4, peak: 2, durationSeconds: 120, readinessDelaySeconds: 0 };
    const m = buildChartModel(spec(hpa({ maxReplicas: 10, metrics: cpu(50), behavior: { scaleDown: { stabilizationWindowSeconds: 0 } } })), wave);
    // load(t) = 0.4 + 0.8 × (1 − cos(2πt / 120)). t=15: 0.634 on 1 = 63 % → ceil(1.26) = 2. t=30: 1.2 on 2 → 59 % (the
    // cosine's float error) → ceil(2.36) = 3. t=120: 0.4 on 2 = 20 % → 1. t=135: 0.634 on 1 = 63 % → 2.
    assert.deepEqual(m.events.slice(0, 8).map((e) => [e.time, e.from, e.to]), [[15, 1, 2], [30, 2, 3], [45, 3, 4], [90, 4, 3], [105, 3, 2], [120, 2, 1], [135, 1, 2], [150, 2, 3]]);
    assert.equal(m.summary.lines[1], 'Scale changes: 12 (6 up, 6 down); 1 scale-up within 5 min of a scale-down (flapping).');
    const held = buildChartModel(spec(hpa({ maxReplicas: 10, metrics: cpu(50), behavior: {} })), wave);
    assert.deepEqual([held.events.length, held.summary.quickReversals, held.summary.lines[1]], [3, 0, 'Scale changes: 3 (3 up, 0 down).']);
  });

  it('every row is hpa-simulation\'s for the same input (ramp, wave, a per-pod average metric)', () => {
    const s = spec(hpa({ minReplicas: 2, maxReplicas: 12, metrics: [{ type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '100' } } }] }));
    for (const shape of ['ramp', 'wave'] as const) {
      const p = { shape, base: 100, peak: 900, durationSeconds: 600, readinessDelaySeconds: 20 };
      const m = buildChartModel(s, p);
      const steps = simulate({
        minReplicas: 2, maxReplicas: 12, targetUtilization: 100, load: { shape, base: 100, peak: 900, startSeconds: shape === 'wave' ? 0 : 60, durationSeconds: 600 },
        capacity: { perPodAtRequest: 100, readinessDelaySeconds: 20 }, durationSeconds: totalSeconds(p),
      });
      assert.deepEqual(m.points.map((pt) => [pt.time, pt.load, pt.replicas, pt.ready, pt.utilization, pt.desired]), steps.map((st) => [st.time, st.load, st.replicas, st.ready, st.utilization, st.desired]), shape);
      assert.equal(m.summary.peakReplicas, 9, shape); // 900 per-pod-100 → 9 replicas at the peak
    }
  });

  it('clamps what the user types: a negative peak is 0, a 10 h duration 4 h', () => {
    const s = spec(hpa({ maxReplicas: 4 }));
    const m = buildChartModel(s, { shape: 'step', base: -3, peak: -1, durationSeconds: 36_000, readinessDelaySeconds: Number.NaN });
    assert.equal(m.totalSeconds, 4 * 3600);
    assert.deepEqual([m.points[0].load, m.points.at(-1)!.load, m.subtitle.endsWith('ready after 30 s')], [0, 0, true]);
    assert.equal(m.summary.lines[0], 'No scale-up: 1 replicas carry this load within the tolerance of the target.');
  });

  it('axis helpers: 1-2-5 tick steps and readable durations', () => {
    assert.deepEqual([niceStep(10, 8), niceStep(16, 8), niceStep(100, 8), niceStep(3, 8)], [2, 2, 20, 1]);
    assert.deepEqual([45, 150, 600, 5400, 7200].map(formatSeconds), ['45 s', '2 min 30 s', '10 min', '1 h 30 min', '2 h']);
  });
});
