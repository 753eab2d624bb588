// The HPA behaviour preview's chart as an SVG string, drawn from the core's chart model (no chart library): axes with
// labels, the min/max bands, the load line (as the replicas it needs at the target), the replicas and ready steps,
// and a marker per scale event. Colours are classes the webview's stylesheet maps to the editor theme.
import { formatSeconds, type ChartModel } from '../../../server/src/core/k8s/hpa-preview';

export const CHART_WIDTH = 760;
export const CHART_HEIGHT = 340;
const LEFT = 52;
const RIGHT = 16;
const TOP = 14;
const BOTTOM = 44;

/** Text for HTML and SVG content and attributes. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

/** `60 s`, `5 min`: tick labels for the time axis. */
function tickLabel(s: number): string {
  return s === 0 ? '0' : formatSeconds(s);
}

/** The chart for one model, CHART_WIDTH × CHART_HEIGHT in viewBox units (the webview scales it to the panel). */
export function renderChart(m: ChartModel): string {
  const w = CHART_WIDTH - LEFT - RIGHT;
  const h = CHART_HEIGHT - TOP - BOTTOM;
  const x = (t: number) => LEFT + (t / Math.max(1, m.totalSeconds)) * w;
  const y = (r: number) => TOP + h - (r / Math.max(1, m.yMax)) * h;
  const out: string[] = [];
  out.push(`<svg viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" role="img" aria-label="${escapeXml(`Replicas over time for ${m.title}`)}" class="hpa-chart">`);
  // Bands: above maxReplicas and below minReplicas the controller cannot go.
  out.push(`<rect class="band" x="${fmt(LEFT)}" y="${fmt(TOP)}" width="${fmt(w)}" height="${fmt(y(m.maxReplicas) - TOP)}"><title>above maxReplicas ${m.maxReplicas}</title></rect>`);
  out.push(`<rect class="band" x="${fmt(LEFT)}" y="${fmt(y(m.minReplicas))}" width="${fmt(w)}" height="${fmt(TOP + h - y(m.minReplicas))}"><title>below minReplicas ${m.minReplicas}</title></rect>`);
  for (const r of m.yTicks) {
    out.push(`<line class="grid" x1="${fmt(LEFT)}" x2="${fmt(LEFT + w)}" y1="${fmt(y(r))}" y2="${fmt(y(r))}"/>`);
    out.push(`<text class="tick" x="${fmt(LEFT - 6)}" y="${fmt(y(r) + 4)}" text-anchor="end">${r}</text>`);
  }
  for (const t of m.xTicks) {
    out.push(`<line class="grid" x1="${fmt(x(t))}" x2="${fmt(x(t))}" y1="${fmt(TOP)}" y2="${fmt(TOP + h)}"/>`);
    out.push(`<text class="tick" x="${fmt(x(t))}" y="${fmt(TOP + h + 16)}" text-anchor="middle">${escapeXml(tickLabel(t))}</text>`);
  }
  out.push(`<line class="axis" x1="${fmt(LEFT)}" x2="${fmt(LEFT)}" y1="${fmt(TOP)}" y2="${fmt(TOP + h)}"/>`);
  out.push(`<line class="axis" x1="${fmt(LEFT)}" x2="${fmt(LEFT + w)}" y1="${fmt(TOP + h)}" y2="${fmt(TOP + h)}"/>`);
  out.push(`<text class="axis-label" x="${fmt(LEFT + w / 2)}" y="${fmt(CHART_HEIGHT - 6)}" text-anchor="middle">time</text>`);
  out.push(`<text class="axis-label" transform="translate(14 ${fmt(TOP + h / 2)}) rotate(-90)" text-anchor="middle">replicas</text>`);
  for (const [r, label] of [[m.maxReplicas, `max ${m.maxReplicas}`], [m.minReplicas, `min ${m.minReplicas}`]] as const) {
    out.push(`<line class="bound" x1="${fmt(LEFT)}" x2="${fmt(LEFT + w)}" y1="${fmt(y(r))}" y2="${fmt(y(r))}"/>`);
    out.push(`<text class="bound-label" x="${fmt(LEFT + w - 4)}" y="${fmt(y(r) - 4)}" text-anchor="end">${label}</text>`);
  }
  const pts = m.points;
  const end = m.totalSeconds;
  // Replicas change at a sync and hold until the next; so does a step or spike load (it jumps on a sync). A ramp or
  // wave changes continuously: a line through the syncs.
  const steps = (value: (i: number) => number) =>
    pts.flatMap((p, i) => [`${fmt(x(p.time))},${fmt(y(value(i)))}`, `${fmt(x(pts[i + 1]?.time ?? end))},${fmt(y(value(i)))}`]).join(' ');
  const line = m.loadJumps ? steps((i) => pts[i].loadReplicas) : pts.map((p) => `${fmt(x(p.time))},${fmt(y(p.loadReplicas))}`).join(' ');
  out.push(`<polyline class="load" points="${line}"/>`);
  out.push(`<polyline class="ready" points="${steps((i) => pts[i].ready)}"/>`);
  out.push(`<polyline class="replicas" points="${steps((i) => pts[i].desired)}"/>`);
  for (const e of m.events) {
    const label = `${tickLabel(e.time)}: ${e.from} → ${e.to} replicas${e.reason ? ` — ${e.reason}` : ''}`;
    out.push(`<circle class="event ${e.to > e.from ? 'up' : 'down'}" cx="${fmt(x(e.time))}" cy="${fmt(y(e.to))}" r="4"><title>${escapeXml(label)}</title></circle>`);
  }
  out.push('</svg>');
  return out.join('');
}

/** The legend and summary under the chart, as HTML. */
export function renderSummary(m: ChartModel): string {
  const legend = [
    ['replicas', 'replicas (set by the controller)'],
    ['ready', 'ready pods'],
    ['load', `load, as the replicas it needs at the target (${escapeXml(m.loadUnit)})`],
    ['event up', 'scale up'],
    ['event down', 'scale down'],
  ].map(([cls, text]) => `<li><span class="swatch ${cls}"></span>${text}</li>`);
  const summary = m.summary.lines.map((l) => `<li>${escapeXml(l)}</li>`).join('');
  const notes = m.notes.map((n) => `<li>${escapeXml(n)}</li>`).join('');
  return `<ul class="legend">${legend.join('')}</ul><ul class="summary" id="summary">${summary}</ul>${notes ? `<ul class="notes">${notes}</ul>` : ''}`;
}
