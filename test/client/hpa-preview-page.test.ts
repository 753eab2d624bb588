// The HPA behaviour preview's webview: the page (client/src/webview/hpaPreviewHtml.ts) shows the simulation's numbers
// under a strict CSP, the chart (hpaChart.ts) draws what the model holds, and the bundled script
// (dist/hpaPreviewView.js, run here against a small stand-in DOM) redraws from the core when the pattern changes.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as vm from 'node:vm';
import { buildChartModel, defaultPattern, parsePreviewSpec, type PreviewSpec } from '../../server/src/core/k8s/hpa-preview';
import { escapeXml, renderChart } from '../../client/src/webview/hpaChart';
import { previewHtml, type PreviewState } from '../../client/src/webview/hpaPreviewHtml';

const BUNDLE = path.resolve(__dirname, '../../dist/hpaPreviewView.js');

function spec(name = 'web'): PreviewSpec {
  const s = parsePreviewSpec({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name }, spec: { minReplicas: 2, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }], behavior: {} } });
  if ('error' in s) throw new Error(s.error);
  return s;
}

const STEP = { shape: 'step' as const, base: 0.6, peak: 4, durationSeconds: 300, readinessDelaySeconds: 0 };
const page = (state: PreviewState) => previewHtml({ cspSource: 'vscode-webview://x', nonce: 'N0nce', scriptUri: 'vscode-webview://x/dist/hpaPreviewView.js', state });
const summaryOf = (html: string) => [...(/<ul class="summary" id="summary">(.*?)<\/ul>/.exec(html)?.[1] ?? '').matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);

describe('HPA preview page', () => {
  it('loads nothing from the network: default-src none, the script and style only with the nonce', () => {
    const html = page({ spec: spec(), pattern: STEP });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    assert.equal(csp, "default-src 'none'; img-src vscode-webview://x data:; style-src vscode-webview://x 'nonce-N0nce'; script-src 'nonce-N0nce';");
    assert.deepEqual([...html.matchAll(/<script(?! id="preview-state")[^>]*>/g)].map((m) => m[0]), ['<script nonce="N0nce" src="vscode-webview://x/dist/hpaPreviewView.js">']);
    assert.doesNotMatch(html, /https?:\/\//);
  });

  it('shows the simulation\'s summary and one marker per scale event', () => {
    const html = page({ spec: spec(), origin: 'hpa.yaml', pattern: STEP });
    assert.deepEqual(summaryOf(html), ['Peak capacity: 8 ready replicas, 15 s after the load rose.', 'Scale changes: 2 (2 up, 0 down).', 'Max not hit: at most 8 of 10 replicas.']);
    assert.match(html, /<p class="sub" id="subtitle">hpa\.yaml · 2–10 replicas · target 50 % of the cpu request/);
    const svg = renderChart(buildChartModel(spec(), STEP));
    assert.deepEqual([...svg.matchAll(/<circle class="event (up|down)"[^>]*><title>([^<]*)<\/title>/g)].map((m) => [m[1], m[2]]), [
      ['up', '60 s: 2 → 6 replicas — cpu resource utilization (percentage of request) above target (ScaleUpLimit)'],
      ['up', '75 s: 6 → 8 replicas — cpu resource utilization (percentage of request) above target'],
    ]);
    assert.deepEqual([...svg.matchAll(/class="bound-label"[^>]*>([^<]*)</g)].map((m) => m[1]), ['max 10', 'min 2']);
    // The step's load jumps at 60 s (x = 52 + 60 / 360 × 692) from 1.2 replicas' worth (y 267.8) to 8 (y 108) …
    const load = (chart: string) => /<polyline class="load" points="([^"]*)"/.exec(chart)?.[1].split(' ') ?? [];
    assert.ok(load(svg).join(' ').includes('138.5,267.8 167.3,267.8 167.3,108 196.2,108'), load(svg).join(' '));
    // … a wave is one point per sync.
    const wave = buildChartModel(spec(), { ...STEP, shape: 'wave' });
    assert.equal(load(renderChart(wave)).length, wave.points.length);
    assert.deepEqual([...svg.matchAll(/class="axis-label"[^>]*>([^<]*)</g)].map((m) => m[1]), ['time', 'replicas']);
  });

  it('a name from the manifest cannot end the page\'s elements', () => {
    const hostile = spec('</script><script>alert(1)</script>');
    const html = page({ spec: hostile, pattern: defaultPattern(hostile) });
    assert.equal((html.match(/<script/g) ?? []).length, 2);
    assert.ok(html.includes(escapeXml('HorizontalPodAutoscaler </script>')));
  });

  it('the bundled script redraws from the core when the peak changes (needs npm run build)', () => {
    const state: PreviewState = { spec: spec(), origin: 'hpa.yaml', pattern: STEP };
    type El = { value: string; textContent: string | null; innerHTML: string; listeners: Array<() => void>; addEventListener(t: string, l: () => void): void };
    const el = (value = '', textContent: string | null = null): El => ({ value, textContent, innerHTML: '', listeners: [], addEventListener(_t, l) { this.listeners.push(l); } });
    const dom: Record<string, El> = {
      'preview-state': el('', JSON.stringify(state)), shape: el('step'), base: el('0.6'), peak: el('4'), duration: el('300'), readiness: el('0'),
      subtitle: el(), chart: el(), below: el(),
    };
    let saved: unknown;
    vm.runInNewContext(fs.readFileSync(BUNDLE, 'utf8'), {
      document: { getElementById: (id: string) => dom[id] ?? null },
      acquireVsCodeApi: () => ({ getState: () => undefined, setState: (s: unknown) => (saved = s) }),
    });
    // Peak 8 pods' worth at 50 % asks for 16 replicas; max is 10.
    dom.peak.value = '8';
    for (const l of dom.peak.listeners) l();
    const expected = buildChartModel(state.spec, { ...STEP, peak: 8 });
    assert.deepEqual(summaryOf(dom.below.innerHTML), expected.summary.lines);
    assert.equal(expected.summary.lines[2], 'Max hit: the load asked for 16 replicas, maxReplicas is 10.');
    assert.equal(dom.chart.innerHTML, renderChart(expected));
    assert.deepEqual(JSON.parse(JSON.stringify(saved)), { ...STEP, peak: 8 }); // (an object of the script's realm)
    // Another shape starts from that shape's own duration.
    dom.shape.value = 'spike';
    for (const l of dom.shape.listeners) l();
    assert.equal(dom.duration.value, '120');
  });
});
