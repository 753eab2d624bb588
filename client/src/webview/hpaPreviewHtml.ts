// The HPA behaviour preview's page: a strict Content-Security-Policy (no network, scripts and styles only with the
// page's nonce), the editor theme's colours, the pattern controls, and the first chart drawn already (the bundled
// script, dist/hpaPreviewView.js, redraws it as the user edits the pattern).
import { buildChartModel, SHAPES, type PreviewPattern, type PreviewSpec } from '../../../server/src/core/k8s/hpa-preview';
import { escapeXml, renderChart, renderSummary } from './hpaChart';

/** What the page starts from; the script reads it back from the page (id `preview-state`). */
export interface PreviewState {
  spec: PreviewSpec;
  origin?: string;
  pattern: PreviewPattern;
}

export interface PreviewPageOptions {
  /** webview.cspSource and a fresh nonce for this page. */
  cspSource: string;
  nonce: string;
  /** webview.asWebviewUri of dist/hpaPreviewView.js. */
  scriptUri: string;
  state: PreviewState;
}

const STYLE = `
body { color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 16px 16px; }
h1 { font-size: 1.3em; margin: 12px 0 2px; }
.sub { color: var(--vscode-descriptionForeground); margin: 0 0 10px; }
form { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; margin-bottom: 8px; }
label { display: flex; flex-direction: column; gap: 2px; color: var(--vscode-descriptionForeground); }
input, select { background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); padding: 3px 4px; width: 9em; }
svg.hpa-chart { width: 100%; max-width: 980px; height: auto; display: block; }
svg text { fill: var(--vscode-foreground); font-size: 11px; }
.tick { fill: var(--vscode-descriptionForeground); }
.grid { stroke: var(--vscode-editorWidget-border, var(--vscode-widget-border, #8884)); stroke-opacity: 0.35; }
.axis { stroke: var(--vscode-foreground); stroke-opacity: 0.6; }
.band { fill: var(--vscode-charts-red); fill-opacity: 0.08; }
.bound { stroke: var(--vscode-charts-red); stroke-dasharray: 5 4; }
.bound-label { fill: var(--vscode-charts-red); }
polyline { fill: none; stroke-linejoin: round; }
.load { stroke: var(--vscode-charts-yellow); stroke-width: 2; }
.replicas { stroke: var(--vscode-charts-blue); stroke-width: 2.5; }
.ready { stroke: var(--vscode-charts-purple); stroke-width: 1.5; stroke-dasharray: 3 3; }
.event.up { fill: var(--vscode-charts-green); }
.event.down { fill: var(--vscode-charts-orange); }
ul { padding-left: 18px; margin: 6px 0; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; color: var(--vscode-descriptionForeground); }
.swatch { display: inline-block; width: 14px; height: 4px; margin-right: 6px; vertical-align: middle; }
.swatch.replicas { background: var(--vscode-charts-blue); } .swatch.ready { background: var(--vscode-charts-purple); }
.swatch.load { background: var(--vscode-charts-yellow); }
.swatch.event { width: 8px; height: 8px; border-radius: 4px; } .swatch.up { background: var(--vscode-charts-green); } .swatch.down { background: var(--vscode-charts-orange); }
ul.summary { font-size: 1.1em; }
ul.notes { color: var(--vscode-descriptionForeground); }
`;

function numberInput(id: string, label: string, value: number, step: string): string {
  return `<label for="${id}">${label}<input id="${id}" type="number" min="0" step="${step}" value="${value}"></label>`;
}

/** The whole page for one autoscaler. */
export function previewHtml(o: PreviewPageOptions): string {
  const { spec, pattern, origin } = o.state;
  const model = buildChartModel(spec, pattern);
  const shapes = SHAPES.map((s) => `<option value="${s.shape}"${s.shape === pattern.shape ? ' selected' : ''}>${s.label}</option>`).join('');
  // JSON in a data block: `<` escaped so no text of the manifest can close the element.
  const state = JSON.stringify(o.state).replace(/</g, '\\u003c');
  const csp = `default-src 'none'; img-src ${o.cspSource} data:; style-src ${o.cspSource} 'nonce-${o.nonce}'; script-src 'nonce-${o.nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeXml(`Scaling preview: ${spec.name}`)}</title>
<style nonce="${o.nonce}">${STYLE}</style>
</head>
<body>
<h1 id="title">${escapeXml(model.title)}</h1>
<p class="sub" id="subtitle">${escapeXml(`${origin ? `${origin} · ` : ''}${model.subtitle}`)}</p>
<form id="pattern">
<label for="shape">Load pattern<select id="shape">${shapes}</select></label>
${numberInput('base', `Base load (${escapeXml(spec.metric.loadUnit)})`, pattern.base, 'any')}
${numberInput('peak', 'Peak load', pattern.peak, 'any')}
${numberInput('duration', 'Duration (s)', pattern.durationSeconds, '15')}
${numberInput('readiness', 'Pod readiness delay (s)', pattern.readinessDelaySeconds, '5')}
</form>
<div id="chart">${renderChart(model)}</div>
<div id="below">${renderSummary(model)}</div>
<script id="preview-state" type="application/json">${state}</script>
<script nonce="${o.nonce}" src="${escapeXml(o.scriptUri)}"></script>
</body>
</html>`;
}
