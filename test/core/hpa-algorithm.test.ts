// The HPA controller's algorithm (server/src/core/k8s/hpa-algorithm.ts, hpa-simulation.ts). Each case names where its
// numbers come from: "docs" = kubernetes.io "Horizontal Pod Autoscaling" (algorithm details, scaling policies,
// stabilization window, default behavior); "controller" = pkg/controller/podautoscaler (horizontal.go,
// replica_calculator.go); "by hand" = computed in the comment next to it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide, newMemory, replicasForMetric, resolveBehavior, type HpaBehavior, type HpaMemory } from '../../server/src/core/k8s/hpa-algorithm';
import { loadAt, simulate } from '../../server/src/core/k8s/hpa-simulation';

/** Runs one HPA for a list of syncs [time, metricDesired]; returns the replica count after each. */
function run(limits: { minReplicas?: number; maxReplicas: number; behavior?: HpaBehavior }, start: number, syncs: Array<[number, number]>, memory: HpaMemory = newMemory()): number[] {
  let current = start;
  return syncs.map(([t, wanted]) => (current = decide(limits, memory, t, current, wanted).desired));
}

describe('replicas a metric asks for', () => {
  it('docs: 200m current vs 100m target doubles, 50m halves', () => {
    assert.equal(replicasForMetric({ currentReplicas: 3, readyPods: 3, current: 200, target: 100 }), 6);
    assert.equal(replicasForMetric({ currentReplicas: 4, readyPods: 4, current: 50, target: 100 }), 2);
  });

  it('docs: a ratio within the 10 % tolerance changes nothing; outside it, ceil', () => {
    assert.equal(replicasForMetric({ currentReplicas: 4, readyPods: 4, current: 105, target: 100 }), 4);
    assert.equal(replicasForMetric({ currentReplicas: 4, readyPods: 4, current: 91, target: 100 }), 4);
    assert.equal(replicasForMetric({ currentReplicas: 4, readyPods: 4, current: 111, target: 100 }), 5); // ceil(4 × 1.11)
    assert.equal(replicasForMetric({ currentReplicas: 4, readyPods: 4, current: 89, target: 100 }), 4); // ceil(4 × 0.89) = 4
    assert.equal(replicasForMetric({ currentReplicas: 10, readyPods: 10, current: 89, target: 100 }), 9);
  });

  it('controller: |1 − 110/100| is 0.10000000000000009 in float64, so exactly 110 % of target scales', () => {
    assert.equal(replicasForMetric({ currentReplicas: 4, readyPods: 4, current: 110, target: 100 }), 5);
    assert.equal(replicasForMetric({ currentReplicas: 4, readyPods: 4, current: 90, target: 100 }), 4); // 0.09999999999999998
  });

  it('docs + by hand: pods not yet ready count as 0 % when scaling up, and are left out when scaling down', () => {
    // 4 ready at 200 %, 2 starting: (200 × 4) / (100 × 6) = 1.333… → ceil(1.333… × 6) = 8 (not ceil(2 × 4) = 8 + the 2).
    assert.equal(replicasForMetric({ currentReplicas: 6, readyPods: 4, unreadyPods: 2, current: 200, target: 100 }), 8);
    // 2 ready at 120 %, 2 starting: (120 × 2) / (100 × 4) = 0.6 — the direction flips, so nothing changes.
    assert.equal(replicasForMetric({ currentReplicas: 4, readyPods: 2, unreadyPods: 2, current: 120, target: 100 }), 4);
    // 4 ready at 50 %, 2 starting: ceil(0.5 × 4) = 2.
    assert.equal(replicasForMetric({ currentReplicas: 6, readyPods: 4, unreadyPods: 2, current: 50, target: 100 }), 2);
  });
});

describe('defaults', () => {
  it('docs: behavior set without rules = scale up max(100 %, 4 pods) per 15 s, no window; down 100 % per 15 s after 300 s', () => {
    const b = resolveBehavior({});
    assert.deepEqual(b.scaleUp, { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }, { type: 'Pods', value: 4, periodSeconds: 15 }] });
    assert.deepEqual(b.scaleDown, { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] });
    // Filling a partial rule: only the policies given, the window defaulted.
    assert.equal(resolveBehavior({ scaleDown: { policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } }).scaleDown.stabilizationWindowSeconds, 300);
  });

  it('docs: with those defaults 1 → 5 (4 pods beat 100 %) → 10 → 20 → 40, one step per 15 s', () => {
    const steps = run({ maxReplicas: 100, behavior: {} }, 1, [[0, 80], [15, 80], [30, 80], [45, 80], [60, 80]]);
    assert.deepEqual(steps, [5, 10, 20, 40, 80]);
  });

  it('controller: with no behavior at all the older rule applies, max(2 × current, 4) per sync: 1 → 4 → 8 → 16', () => {
    assert.deepEqual(run({ maxReplicas: 100 }, 1, [[0, 80], [15, 80], [30, 80], [45, 80]]), [4, 8, 16, 32]);
  });
});

describe('scaling policies', () => {
  const tenPercentOrFour: HpaBehavior = {
    scaleDown: { stabilizationWindowSeconds: 0, policies: [{ type: 'Pods', value: 4, periodSeconds: 60 }, { type: 'Percent', value: 10, periodSeconds: 60 }] },
  };

  it('docs: Pods 4 and Percent 10 per 60 s, 80 replicas towards 10: 8 removed, then 8 again ("7.2 rounded up")', () => {
    // t = 15…45: the 8 removed at t = 0 are inside the 60 s period (period start 80: min(76, 72) = 72 = current).
    assert.deepEqual(run({ maxReplicas: 100, behavior: tenPercentOrFour }, 80, [[0, 10], [15, 10], [45, 10], [60, 10]]), [72, 72, 72, 64]);
    const d = decide({ maxReplicas: 100, behavior: tenPercentOrFour }, newMemory(), 0, 80, 10);
    assert.deepEqual([d.scalingLimited.reason, d.reason], ['ScaleDownLimit', 'All metrics below target']);
  });

  it('docs: with 40 or fewer replicas the Pods policy removes more (by hand: 40 → 36, 30 → 26)', () => {
    assert.equal(decide({ maxReplicas: 100, behavior: tenPercentOrFour }, newMemory(), 0, 40, 10).desired, 36);
    assert.equal(decide({ maxReplicas: 100, behavior: tenPercentOrFour }, newMemory(), 0, 30, 10).desired, 26); // int(27) vs 26
  });

  it('docs: selectPolicy Min takes the smaller change (80 → 76), Disabled none', () => {
    const min: HpaBehavior = { scaleDown: { ...tenPercentOrFour.scaleDown, selectPolicy: 'Min' } };
    assert.equal(decide({ maxReplicas: 100, behavior: min }, newMemory(), 0, 80, 10).desired, 76);
    const off = decide({ maxReplicas: 100, behavior: { scaleDown: { selectPolicy: 'Disabled', stabilizationWindowSeconds: 0 } } }, newMemory(), 0, 80, 10);
    assert.deepEqual([off.desired, off.rescale, off.scalingLimited.reason], [80, false, 'ScaleDownLimit']);
  });

  it('by hand: scale up Percent 900 per 60 s: 1 → 10, held for the period, then 100', () => {
    const fast: HpaBehavior = { scaleUp: { policies: [{ type: 'Percent', value: 900, periodSeconds: 60 }] } };
    assert.deepEqual(run({ maxReplicas: 200, behavior: fast }, 1, [[0, 150], [15, 150], [60, 150]]), [10, 10, 100]);
  });

  it('by hand: Pods 2 per 30 s counts scale-downs too — after 6 → 4 the period starts at 6, so it may go up to 8', () => {
    const b: HpaBehavior = { scaleUp: { policies: [{ type: 'Pods', value: 2, periodSeconds: 30 }] }, scaleDown: { stabilizationWindowSeconds: 0 } };
    assert.deepEqual(run({ maxReplicas: 20, behavior: b }, 6, [[0, 4], [15, 12]]), [4, 8]);
  });
});

describe('stabilization windows and bounds', () => {
  it('docs: scale-down window 300 s applies the highest recommendation in it (by hand: down at t = 300, not 285)', () => {
    const syncs: Array<[number, number]> = Array.from({ length: 21 }, (_, i) => [i * 15, 4]);
    const steps = run({ maxReplicas: 20, behavior: {} }, 10, syncs);
    assert.equal(steps[19], 10); // t = 285: the t = 0 size (10) is still inside the window
    assert.equal(steps[20], 4); // t = 300: 0 is not after 300 − 300
    const d = decide({ maxReplicas: 20, behavior: {} }, newMemory(), 0, 10, 4);
    assert.deepEqual([d.desired, d.ableToScale.reason], [10, 'ScaleDownStabilized']);
  });

  it('controller: without behavior the window keeps a recommendation exactly 300 s old, so it is one sync later', () => {
    const syncs: Array<[number, number]> = Array.from({ length: 22 }, (_, i) => [i * 15, 4]);
    const steps = run({ maxReplicas: 20 }, 10, syncs);
    assert.deepEqual([steps[20], steps[21]], [10, 4]);
  });

  it('docs: a scale-up window applies the lowest recommendation in it (by hand: 2 until t = 60, then 6)', () => {
    const b: HpaBehavior = { scaleUp: { stabilizationWindowSeconds: 60 } };
    assert.deepEqual(run({ maxReplicas: 20, behavior: b }, 2, [[0, 6], [15, 6], [45, 6], [60, 6]]), [2, 2, 2, 6]);
    assert.equal(decide({ maxReplicas: 20, behavior: b }, newMemory(), 0, 2, 6).ableToScale.reason, 'ScaleUpStabilized');
  });

  it('controller: min/max bounds and their reasons', () => {
    const over = decide({ minReplicas: 2, maxReplicas: 5 }, newMemory(), 0, 7, 7);
    assert.deepEqual([over.desired, over.reason], [5, 'Current number of replicas above Spec.MaxReplicas']);
    const under = decide({ minReplicas: 2, maxReplicas: 5 }, newMemory(), 0, 1, 1);
    assert.deepEqual([under.desired, under.reason], [2, 'Current number of replicas below Spec.MinReplicas']);
    const many = decide({ minReplicas: 2, maxReplicas: 5 }, newMemory(), 0, 4, 9);
    assert.deepEqual([many.desired, many.scalingLimited.reason, many.reason], [5, 'TooManyReplicas', 'cpu resource utilization (percentage of request) above target']);
    const few = decide({ minReplicas: 2, maxReplicas: 5, behavior: { scaleDown: { stabilizationWindowSeconds: 0 } } }, newMemory(), 0, 4, 1);
    assert.deepEqual([few.desired, few.scalingLimited.reason], [2, 'TooFewReplicas']);
    const zero = decide({ minReplicas: 2, maxReplicas: 5 }, newMemory(), 0, 0, 3);
    assert.deepEqual([zero.desired, zero.rescale, zero.scalingDisabled], [0, false, true]);
  });
});

describe('simulation', () => {
  it('load shapes: step, spike, ramp, daily wave', () => {
    const p = { base: 10, peak: 110, startSeconds: 100, durationSeconds: 200 };
    assert.deepEqual([0, 100, 400].map((t) => loadAt({ ...p, shape: 'step' }, t)), [10, 110, 110]);
    assert.deepEqual([99, 100, 299, 300].map((t) => loadAt({ ...p, shape: 'spike' }, t)), [10, 110, 110, 10]);
    assert.deepEqual([100, 200, 300, 500].map((t) => loadAt({ ...p, shape: 'ramp' }, t)), [10, 60, 110, 110]);
    assert.deepEqual([0, 100, 200].map((t) => Math.round(loadAt({ ...p, shape: 'wave' }, t))), [10, 110, 10]);
  });

  it('by hand: a step from 40 to 800 with 30 s readiness and no behavior — 1 → 4 → 8 → 16, pods counted once ready', () => {
    const steps = simulate({
      minReplicas: 1, maxReplicas: 20, targetUtilization: 50,
      load: { shape: 'step', base: 40, peak: 800, startSeconds: 30, durationSeconds: 0 },
      capacity: { perPodAtRequest: 100, readinessDelaySeconds: 30 }, durationSeconds: 90,
    });
    // t=30: 800 % → 16 wanted, limit max(2, 4) = 4. t=45: 1 ready of 4 → (800·1)/(50·4) = 4 → 16, limit 8.
    // t=60: 4 ready of 8 at 200 % → (200·4)/(50·8) = 2 → 16, limit 16. t=90: 16 ready at 50 % → stays.
    assert.deepEqual(steps.map((s) => [s.time, s.replicas, s.ready, s.utilization, s.desired]), [
      [0, 1, 1, 40, 1], [15, 1, 1, 40, 1], [30, 1, 1, 800, 4], [45, 4, 1, 800, 8], [60, 8, 4, 200, 16], [75, 16, 8, 100, 16], [90, 16, 16, 50, 16],
    ]);
    assert.equal(steps[2].scalingLimited.reason, 'ScaleUpLimit');
  });

  it('by hand: a 60 s spike with the default window holds the peak size until 300 s after the last high recommendation', () => {
    const steps = simulate({
      minReplicas: 2, maxReplicas: 10, targetUtilization: 50, behavior: {},
      load: { shape: 'spike', base: 100, peak: 400, startSeconds: 15, durationSeconds: 60 },
      capacity: { perPodAtRequest: 100, readinessDelaySeconds: 0 }, durationSeconds: 420,
    });
    const at = (t: number) => steps.find((s) => s.time === t)!;
    assert.equal(at(15).desired, 6); // 2 pods at 200 % → ceil(4 × 2) = 8, limit max(2·2, 2+4) = 6
    assert.equal(at(30).desired, 8); // 6 at 66 % → ceil(1.32 × 6) = 8
    assert.equal(at(75).utilization, 12); // spike over: 100 / 8 pods
    assert.deepEqual([at(75).metricDesired, at(75).desired, at(75).ableToScale.reason], [2, 8, 'ScaleDownStabilized']);
    assert.equal(at(345).desired, 8); // the t = 60 recommendation (8) is still in the window (60 > 345 − 300)
    assert.equal(at(360).desired, 2); // 60 is not after 360 − 300: ceil(0.24 × 8) = 2, 100 % per 15 s allows it
  });
});
