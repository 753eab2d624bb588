// How a measured image reads in the editor: where each measured instruction is in the current text (lines move when
// the file is edited), the inlay hints at the end of those lines (`+17.9 MB`, `~17.9 MB (stale)`), the total lens,
// the hover with exact bytes and the "Measure this fix" message. Pure: a measurement and texts in, LSP-shaped data
// out; image-measure.ts keeps the measurements and answers the requests.
import type { InlayHint, Position } from 'vscode-languageserver/node';
import type { DockerfileModel } from '../core/dockerfile/model';
import type { ImageMeasurement, LayerSize } from '../core/image/layer-map';

// The CLI's `stevedore size` prints sizes the same way.
export { formatBytes, formatDelta } from '../core/image/bytes';
import { formatBytes, formatDelta } from '../core/image/bytes';

/** A measured layer, or the base image on its FROM, at its place in the current text. */
export interface PlacedLayer {
  layer?: LayerSize;
  base?: NonNullable<ImageMeasurement['base']>;
  /** First and last line of the instruction in the current text. */
  line: number;
  endLine: number;
}

/** Where the measurement lands in the current text, and whether that text is still the one that was built. */
export interface Placement {
  stale: boolean;
  placed: PlacedLayer[];
}

const splitLines = (text: string) => text.split(/\r\n|\r|\n/);

/**
 * Places a measurement of `measuredText` on the current model. Unchanged text: every line as measured. Edited text:
 * the hints are stale, and each measured instruction whose own text is unchanged keeps its hint on its new lines
 * (matched in order, so moved lines carry their sizes); an edited instruction loses its hint.
 */
export function placeMeasurement(m: ImageMeasurement, measuredText: string, current: DockerfileModel): Placement {
  const items: PlacedLayer[] = [...(m.base ? [{ base: m.base, line: m.base.line, endLine: m.base.line }] : []), ...m.layers.map((layer) => ({ layer, line: layer.line, endLine: layer.endLine }))];
  items.sort((a, b) => a.line - b.line);
  if (measuredText === current.text) return { stale: false, placed: items };
  const before = splitLines(measuredText);
  const now = splitLines(current.text);
  const textOf = (lines: string[], from: number, to: number) => lines.slice(from, to + 1).join('\n');
  const instructions = current.ast.getInstructions().map((i) => {
    const r = i.getRange();
    return { line: r.start.line, endLine: r.end.line, text: textOf(now, r.start.line, r.end.line) };
  });
  const placed: PlacedLayer[] = [];
  let next = 0;
  for (const item of items) {
    const text = textOf(before, item.line, item.endLine);
    const at = instructions.findIndex((ins, k) => k >= next && ins.text === text);
    if (at < 0) continue;
    placed.push({ ...item, line: instructions[at].line, endLine: instructions[at].endLine });
    // A base and the first layers can share a FROM line only for the base itself; later items start after it.
    next = item.base ? at : at + 1;
  }
  return { stale: true, placed };
}

/** The hint text of one placed item: `+17.9 MB`, `+3.1 MB (not shipped)`, `base 121.1 MB`, `~17.9 MB (stale)`. */
export function hintLabel(item: PlacedLayer, stale: boolean): string | undefined {
  const notes = [...(item.layer && !item.layer.shipped ? ['not shipped'] : []), ...(stale ? ['stale'] : [])];
  const suffix = notes.length ? ` (${notes.join(', ')})` : '';
  if (item.base) return `base ${stale ? '~' : ''}${formatBytes(item.base.bytes)}${suffix}`;
  const layer = item.layer;
  // Metadata-only instructions (ENV, LABEL, CMD …) add no bytes and show nothing.
  if (!layer || (layer.bytes === 0 && !['RUN', 'COPY', 'ADD'].includes(layer.keyword.toUpperCase()))) return undefined;
  return `${stale ? '~' : '+'}${formatBytes(layer.bytes)}${suffix}`;
}

/** Inlay hints at the end of each measured instruction's last line (the FROM of the final stage shows the base). */
export function measurementHints(placement: Placement, text: string, range?: { start: Position; end: Position }): InlayHint[] {
  const lines = splitLines(text);
  const hints: InlayHint[] = [];
  const seen = new Set<number>();
  for (const item of placement.placed) {
    const label = hintLabel(item, placement.stale);
    if (!label || item.endLine >= lines.length) continue;
    if (range && (item.endLine < range.start.line || item.endLine > range.end.line)) continue;
    // The base and a layer never share a line, but a broken mapping must not stack two hints on one.
    if (seen.has(item.endLine)) continue;
    seen.add(item.endLine);
    const exact = item.base ? item.base.bytes : item.layer!.bytes;
    hints.push({ position: { line: item.endLine, character: lines[item.endLine].length }, label, paddingLeft: true, tooltip: `${exact.toLocaleString('en-US')} bytes` });
  }
  return hints;
}

/** The total lens: `image 158.9 MB · 4 layers · base 121.1 MB` (+ wasted bytes and efficiency when analysed). */
export function totalTitle(m: ImageMeasurement, stale: boolean): string {
  const parts = [`image ${stale ? '~' : ''}${formatBytes(m.total)}`, `${m.layerCount} layer${m.layerCount === 1 ? '' : 's'}`];
  if (m.base) parts.push(`base ${formatBytes(m.base.bytes)}`);
  if (m.wasted && m.wasted.wastedBytes > 0) parts.push(`${formatBytes(m.wasted.wastedBytes)} wasted`, `efficiency ${(m.wasted.efficiency * 100).toFixed(1)} %`);
  return parts.join(' · ') + (stale ? ' (stale: build again)' : '');
}

/** Hover text for the measured instruction at `line` (exact bytes), or undefined. */
export function measurementHover(m: ImageMeasurement, placement: Placement, line: number): string | undefined {
  // Metadata-only instructions (no hint) get no hover either.
  const items = placement.placed.filter((p) => line >= p.line && line <= p.endLine && hintLabel(p, false));
  if (!items.length) return undefined;
  const parts: string[] = [];
  for (const item of items) {
    if (item.base) parts.push(`**Base image** \`${item.base.image}\`: ${exact(item.base.bytes)}`, `**Image** ${exact(m.total)} in ${m.layerCount} layer${m.layerCount === 1 ? '' : 's'}`);
    else if (item.layer) parts.push(`**Layer** ${item.layer.keyword.toUpperCase()}: ${exact(item.layer.bytes)}${item.layer.shipped ? '' : ' (builder stage: not shipped in the final image)'}`);
  }
  const when = m.measuredAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
  parts.push(`Measured with ${m.engine}, ${when}.${placement.stale ? ' The file changed since: run **Stevedore: Build and Measure Image** again.' : ''}`);
  return parts.join('\n\n');
}

function exact(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes (${formatBytes(bytes)})`;
}

/** The one-line outcome of a build: `Built with podman: image 158.9 MB · 4 layers · base 121.1 MB`. */
export function buildSummary(m: ImageMeasurement): string {
  return `Built with ${m.engine}: ${totalTitle(m, false)}`;
}

/** The outcome of "Measure this fix": `Merge RUN instructions: 158.9 MB → 133.9 MB, −24.9 MB (−15.7 %)`. */
export function fixSummary(title: string, before: ImageMeasurement, after: ImageMeasurement): string {
  return `${title}: ${formatBytes(before.total)} → ${formatBytes(after.total)}, ${formatDelta(before.total, after.total)}`;
}
