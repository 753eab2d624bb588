// Scenario: HPAs in the cluster view against the test API server. The HPA `web` under a synthetic load has scaled
// 3 → 6 → 9: its children show the metric current vs target, the three conditions and the SuccessfulRescale events;
// `worker` (no cpu request) says why it cannot scale. Saves the tree as a screenshot (hpa-tree.png) for the README.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startTestCluster, type TestCluster } from '../../support/apiserver';
import type { Scenario } from '../lib/scenario';
import { waitFor } from '../lib/wait';
import { expand, treeRow } from './cluster';

const WEB_HPA = 'autoscaling/v2/namespaces/shop/horizontalpodautoscalers/web';
const ABOVE = 'cpu resource utilization (percentage of request) above target';
let cluster: TestCluster | undefined;

interface Row {
  label: string;
  description: string;
  level: number;
}

/** The rows the tree shows under `parent` (deeper levels included), as label and description. */
async function rowsUnder(page: Page, parent: string): Promise<Row[]> {
  const rows: Row[] = await page.locator('.part.sidebar .monaco-list-row').evaluateAll((els) =>
    els.map((el) => ({
      label: el.querySelector('.label-name')?.textContent?.trim() ?? '',
      description: el.querySelector('.label-description')?.textContent?.trim() ?? '',
      level: Number(el.getAttribute('aria-level') ?? 0),
      top: el.getBoundingClientRect().top,
    })).sort((a, b) => a.top - b.top).map(({ label, description, level }) => ({ label, description, level })),
  );
  const at = rows.findIndex((r) => r.label === parent);
  assert.ok(at >= 0, `"${parent}" in the tree: ${rows.map((r) => r.label).join(', ')}`);
  const end = rows.findIndex((r, i) => i > at && r.level <= rows[at].level);
  return rows.slice(at + 1, end < 0 ? undefined : end);
}

const show = (rows: Row[]) => rows.map((r) => `${r.label} — ${r.description}`);

export const hpaTree: Scenario = {
  slug: 'hpa-tree',
  title: 'the cluster view\'s HPAs: metric current vs target, conditions, recent events; the HPA without cpu requests says why it cannot scale',
  fixture: 'cluster',
  async setup({ settings }) {
    cluster = await startTestCluster({ seed: true, metricsApi: { resource: 'available' } });
    settings['stevedore.kubeconfig'] = cluster.kubeconfig;
    // 600 millicores over web's pods (request 100m, target 70 %): the controller scales 3 → 6 → 9 and settles at 66 %.
    cluster.setHpaLoad('shop', 'web', 600);
    const c = cluster;
    await waitFor('the web HPA to settle at 9 replicas and 66 %', () => {
      const s = c.get(WEB_HPA)?.status;
      return s?.currentReplicas === 9 && s.currentMetrics?.[0]?.resource?.current?.averageUtilization === 66;
    }, 60_000);
    return async () => {
      await cluster?.close();
      cluster = undefined;
    };
  },
  async run({ page, shot }) {
    await page.locator('.activitybar .action-item a[aria-label^="Kubernetes (Stevedore)"]').click();
    await expand(page, 'stevedore-test');
    await expand(page, 'shop');
    await expand(page, 'HorizontalPodAutoscalers');
    assert.match(await treeRow(page, 'web').innerText(), /9 replicas \(2–10\) · cpu 66%\/70%/);

    await expand(page, 'web');
    await treeRow(page, 'Events').waitFor({ timeout: 30_000 });
    await expand(page, 'Events');
    const web = show(await waitFor('the SuccessfulRescale events under web', async () => {
      const rows = await rowsUnder(page, 'web');
      return rows.filter((r) => r.label === 'SuccessfulRescale').length === 2 ? rows : undefined;
    }));
    assert.match(web[0], /^Replicas — 9 current · 9 desired · min 2 · max 10 · last scaled \d+s ago$/);
    assert.equal(web[1], 'cpu — 66% / 70%');
    assert.deepEqual(web.slice(2, 6), [
      'AbleToScale — True · ReadyForNewScale: recommended size matches current size',
      'ScalingActive — True · ValidMetricFound: the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
      'ScalingLimited — False · DesiredWithinRange: the desired count is within the acceptable range',
      'Events — 2',
    ]);
    assert.deepEqual(web.slice(6).map((r) => r.replace(/ · \d+s$/, '')), [`SuccessfulRescale — New size: 9; reason: ${ABOVE}`, `SuccessfulRescale — New size: 6; reason: ${ABOVE}`]);

    await expand(page, 'worker');
    const worker = show(await waitFor('worker\'s children', async () => {
      const rows = await rowsUnder(page, 'worker');
      return rows.some((r) => r.label === 'Events') ? rows : undefined;
    }));
    assert.equal(worker[0], 'Replicas — 1 current · 1 desired · min 1 · max 3');
    assert.equal(worker[1], 'cpu — unknown / 70% — FailedGetResourceMetric');
    assert.match(worker.find((r) => r.startsWith('ScalingActive')) ?? '', /^ScalingActive — False · FailedGetResourceMetric: the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container worker of Pod worker-\S+$/);
    assert.equal(worker.at(-1), 'Events — 2');
    // worker's Events row is the second one in the tree (web's is above it).
    const events = page.locator('.part.sidebar .monaco-list-row', { has: page.locator('.label-name', { hasText: /^Events$/ }) }).nth(1);
    await events.click();
    const warnings = await waitFor('worker\'s warning events', async () => {
      const rows = (await rowsUnder(page, 'worker')).filter((r) => r.label.startsWith('Failed'));
      return rows.length === 2 ? rows : undefined;
    });
    assert.deepEqual(warnings.map((r) => r.label).sort(), ['FailedComputeMetricsReplicas', 'FailedGetResourceMetric']);
    for (const r of warnings) assert.match(r.description, /missing request for cpu in container worker of Pod worker-\S+ · [23]d$/);

    // Wide enough for the conditions' messages: drag the side bar's edge, then the README's screenshot.
    const bar = await page.locator('.part.sidebar').boundingBox();
    assert.ok(bar);
    await page.mouse.move(bar.x + bar.width + 1, bar.y + bar.height / 2);
    await page.mouse.down();
    await page.mouse.move(1150, bar.y + bar.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.mouse.move(bar.x + 10, bar.y + bar.height - 10);
    await waitFor('the side bar to widen', async () => ((await page.locator('.part.sidebar').boundingBox())?.width ?? 0) > bar.width + 300, 10_000);
    await shot('hpa-tree');
  },
};
