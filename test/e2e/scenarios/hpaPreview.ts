// Scenario: the HPA behaviour preview. "Preview scaling" on an HPA in a manifest opens the webview; the summary under
// the chart is the simulation's for the manifest's spec (computed here with the same core), and editing the pattern
// redraws it. Saves the chart as a screenshot (hpa-preview.png) for the README. Then "Stevedore: Preview Scaling" on
// the HPA selected in the cluster view (the test API server) previews the live spec.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { parse } from 'yaml';
import { buildChartModel, defaultPattern, parsePreviewSpec, type PreviewPattern, type PreviewSpec } from '../../../server/src/core/k8s/hpa-preview';
import { startTestCluster, type TestCluster } from '../../support/apiserver';
import type { Scenario } from '../lib/scenario';
import { waitFor } from '../lib/wait';
import { expand, treeRow } from './cluster';

const LIVE_HPA = 'autoscaling/v2/namespaces/shop/horizontalpodautoscalers/web';
let cluster: TestCluster | undefined;

/** The document inside the webview: VS Code nests it in an iframe in the panel's iframe. */
function webview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** The summary lines the webview shows, once they equal `expected`. */
async function waitForSummary(frame: FrameLocator, expected: string[]): Promise<string[]> {
  let shown: string[] = [];
  try {
    return await waitFor('the preview\'s summary', async () => {
      shown = (await frame.locator('#summary li').allInnerTexts()).map((t) => t.trim());
      return JSON.stringify(shown) === JSON.stringify(expected) ? shown : undefined;
    }, 30_000);
  } catch (e) {
    throw new Error(`${(e as Error).message}; it shows: ${shown.join(' | ') || '(nothing)'}; expected: ${expected.join(' | ')}`);
  }
}

export const hpaPreview: Scenario = {
  slug: 'hpa-preview',
  title: '"Preview scaling" on an HPA opens the chart; its summary is the simulation\'s and follows an edited pattern; from the cluster view it previews the live HPA',
  fixture: 'hpa-preview',
  async setup({ settings }) {
    cluster = await startTestCluster({ seed: true });
    settings['stevedore.kubeconfig'] = cluster.kubeconfig;
    return async () => {
      await cluster?.close();
      cluster = undefined;
    };
  },
  async run({ page, wb, folder, shot }) {
    const object = parse(fs.readFileSync(path.join(folder, 'hpa.yaml'), 'utf8'));
    const spec = parsePreviewSpec(object) as PreviewSpec;
    assert.ok(!('error' in spec));
    const pattern: PreviewPattern = defaultPattern(spec);
    const expected = buildChartModel(spec, pattern).summary.lines;
    // The default pattern is a step to 8 replicas' worth at 70 % (three quarters of max 10).
    assert.match(expected[0], /^Peak capacity: 8 ready replicas, /);

    // More room for the chart beside the manifest: no side bar.
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 30_000 });
    await wb.openFile('hpa.yaml');
    const lens = page.locator('.codelens-decoration a', { hasText: /^Preview scaling$/ }).first();
    await lens.waitFor({ timeout: 60_000 });
    await lens.click();
    await page.locator('.tabs-container .tab', { hasText: 'Scaling: web' }).waitFor({ timeout: 30_000 });
    const frame = webview(page);
    await frame.locator('svg.hpa-chart').waitFor({ timeout: 30_000 });
    assert.equal((await frame.locator('#title').innerText()).trim(), 'HorizontalPodAutoscaler web');
    assert.match(await frame.locator('#subtitle').innerText(), /^hpa\.yaml · 2–10 replicas · target 70 % of the cpu request · behavior as written/);
    await waitForSummary(frame, expected);
    // One marker per scale event of the simulation, and the bounds drawn.
    const events = buildChartModel(spec, pattern).events.length;
    assert.equal(await frame.locator('circle.event').count(), events);
    assert.deepEqual((await frame.locator('.bound-label').allTextContents()).map((t) => t.trim()), ['max 10', 'min 2']);
    // A spike past what 10 replicas carry at 70 %: the summary says max is hit, and the 120 s scale-down window
    // brings it back down. This is the README's screenshot.
    await frame.locator('#shape').selectOption('spike');
    const peak = frame.locator('#peak');
    await peak.fill('9');
    await peak.press('Enter');
    const spike = buildChartModel(spec, { ...pattern, shape: 'spike', durationSeconds: 120, peak: 9 });
    assert.match(spike.summary.lines[2], /^Max hit: the load asked for 13 replicas, maxReplicas is 10\.$/);
    await waitForSummary(frame, spike.summary.lines);
    assert.equal(await frame.locator('#duration').inputValue(), '120');
    assert.equal(await frame.locator('circle.event.down').count(), spike.events.filter((e) => e.to < e.from).length);
    await shot('hpa-preview');

    // From the cluster view: the HPA web as the test API server has it (min 2, max 10, 70 % cpu, no behavior).
    const c = cluster!;
    const live = parsePreviewSpec(c.get(LIVE_HPA)) as PreviewSpec;
    assert.ok(!('error' in live));
    await wb.runCommand('View: Close All Editors');
    await page.locator('.activitybar .action-item a[aria-label^="Kubernetes (Stevedore)"]').click();
    await expand(page, 'stevedore-test');
    await expand(page, 'shop');
    await expand(page, 'HorizontalPodAutoscalers');
    await treeRow(page, 'web').click();
    await waitFor('the HPA web selected', async () => (await treeRow(page, 'web').getAttribute('aria-selected')) === 'true', 30_000);
    const before = c.requests.length;
    await wb.runCommand('Stevedore: Preview Scaling');
    await page.locator('.tabs-container .tab', { hasText: 'Scaling: web' }).waitFor({ timeout: 30_000 });
    await frame.locator('svg.hpa-chart').waitFor({ timeout: 30_000 });
    assert.match(await frame.locator('#subtitle').innerText(), /^stevedore-test · shop · 2–10 replicas · target 70 % of the cpu request · no behavior/);
    await waitForSummary(frame, buildChartModel(live, defaultPattern(live)).summary.lines);
    const asked = c.requests.slice(before).filter((r) => r.method === 'GET' && r.path.endsWith('/namespaces/shop/horizontalpodautoscalers/web'));
    assert.equal(asked.length, 1, 'one kubectl get of the live HPA');
  },
};
