// The HPA behaviour preview's script inside the webview (bundled for the browser as dist/hpaPreviewView.js): reads
// the page's state, and on every edit of the pattern re-runs the core's simulation and redraws the chart and summary.
// No network, no messages to the extension: the spec came with the page.
import { buildChartModel, defaultPattern, sanePattern, type PreviewPattern } from '../../../server/src/core/k8s/hpa-preview';
import type { LoadShape } from '../../../server/src/core/k8s/hpa-simulation';
import { renderChart, renderSummary } from './hpaChart';
import type { PreviewState } from './hpaPreviewHtml';

// The few DOM and webview APIs used here (the project type-checks without the DOM library).
interface Field {
  value: string;
  textContent: string | null;
  innerHTML: string;
  addEventListener(type: string, listener: () => void): void;
}
declare const document: { getElementById(id: string): Field | null };
declare function acquireVsCodeApi(): { getState(): unknown; setState(state: unknown): void };

const vscode = acquireVsCodeApi();
const byId = (id: string): Field => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the preview page has no #${id}`);
  return el;
};

const initial = JSON.parse(byId('preview-state').textContent ?? '{}') as PreviewState;
// A panel hidden and shown again restarts the script: the pattern the user had comes back from the webview state.
const saved = vscode.getState() as PreviewPattern | undefined;
let pattern: PreviewPattern = saved ?? initial.pattern;
const inputs = { shape: byId('shape'), base: byId('base'), peak: byId('peak'), duration: byId('duration'), readiness: byId('readiness') };

function showInputs(p: PreviewPattern): void {
  inputs.shape.value = p.shape;
  inputs.base.value = String(p.base);
  inputs.peak.value = String(p.peak);
  inputs.duration.value = String(p.durationSeconds);
  inputs.readiness.value = String(p.readinessDelaySeconds);
}

function draw(): void {
  const model = buildChartModel(initial.spec, pattern);
  byId('subtitle').textContent = `${initial.origin ? `${initial.origin} · ` : ''}${model.subtitle}`;
  byId('chart').innerHTML = renderChart(model);
  byId('below').innerHTML = renderSummary(model);
  vscode.setState(pattern);
}

function readInputs(): PreviewPattern {
  const shape = inputs.shape.value as LoadShape;
  // Another shape starts from its own duration (a spike's 2 min is not a wave's period).
  const durationSeconds = shape !== pattern.shape ? defaultPattern(initial.spec, shape).durationSeconds : Number(inputs.duration.value);
  return sanePattern({ shape, base: Number(inputs.base.value), peak: Number(inputs.peak.value), durationSeconds, readinessDelaySeconds: Number(inputs.readiness.value) });
}

for (const input of Object.values(inputs)) {
  input.addEventListener('change', () => {
    pattern = readInputs();
    showInputs(pattern);
    draw();
  });
}
if (saved) {
  showInputs(pattern);
  draw();
}
