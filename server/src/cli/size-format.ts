// What `stevedore size` prints: per Dockerfile a table of the layers each instruction adds (line, instruction, size,
// running total; the base image on its FROM; builder stages as not shipped), the image's total, layer count, base,
// wasted bytes and efficiency; with --compare-fix the before/after of the size fixes. Text and JSON.
import { formatBytes, formatDelta } from '../core/image/bytes';
import { layerLines, type ImageMeasurement } from '../core/image/layer-map';
import { groupWasted } from '../core/image/wasted';

/** One measured Dockerfile, with its fixed copy's measurement under --compare-fix. */
export interface SizeReport {
  path: string;
  text: string;
  measurement: ImageMeasurement;
  fix?: { rules: string[]; text: string; measurement?: ImageMeasurement };
}

/** Paths are summed under their first four components (`/var/lib/apt/lists`). */
const WASTED_DEPTH = 4;
const WASTED_LISTED = 5;
const INSTRUCTION_WIDTH = 56;

function instructionText(text: string, line: number): string {
  const first = (text.split(/\r\n|\r|\n/)[line] ?? '').trim().replace(/\s*\\$/, ' …');
  return first.length > INSTRUCTION_WIDTH ? `${first.slice(0, INSTRUCTION_WIDTH - 1)}…` : first;
}

function table(rows: string[][], rightAligned: Set<number>): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd());
}

/** The one-line summary: `image 158.9 MB · 3 layers · base 121.1 MB · wasted 19.9 MB · efficiency 88.8 %`. */
export function summaryLine(m: ImageMeasurement): string {
  const parts = [`image ${formatBytes(m.total)}`, `${m.layerCount} layer${m.layerCount === 1 ? '' : 's'}`];
  if (m.base) parts.push(`base ${formatBytes(m.base.bytes)}`);
  if (m.wasted) parts.push(`wasted ${formatBytes(m.wasted.wastedBytes)}`, `efficiency ${(m.wasted.efficiency * 100).toFixed(1)} %`);
  return parts.join(' · ');
}

/** The text block of one report. */
export function formatSizeText(r: SizeReport): string {
  const m = r.measurement;
  const out = [`${r.path} (${m.engine}, image ${m.imageId.replace(/^sha256:/, '').slice(0, 12)})`];
  const rows = [['line', 'instruction', 'size', 'total', '']];
  let total = m.base?.bytes ?? 0;
  if (m.base) rows.push([String(m.base.line + 1), instructionText(r.text, m.base.line), formatBytes(m.base.bytes), formatBytes(total), 'base']);
  for (const l of m.layers.filter((x) => x.shipped)) {
    total += l.bytes;
    rows.push([String(l.line + 1), instructionText(r.text, l.line), formatBytes(l.bytes), formatBytes(total), '']);
  }
  for (const l of m.layers.filter((x) => !x.shipped)) rows.push([String(l.line + 1), instructionText(r.text, l.line), formatBytes(l.bytes), '', 'not shipped']);
  out.push(...table(rows, new Set([0, 2, 3])), summaryLine(m));
  if (m.wasted?.wasted.length) {
    const lines = layerLines(m, m.wasted.layers.length);
    const at = (layer: number) => (lines[layer] === undefined ? `layer ${layer + 1}` : `line ${lines[layer]! + 1}`);
    const groups = groupWasted(m.wasted.wasted, WASTED_DEPTH);
    for (const g of groups.slice(0, WASTED_LISTED)) {
      out.push(`  wasted ${formatBytes(g.bytes)} ${g.path} (${g.files} file${g.files === 1 ? '' : 's'}): written at ${at(g.layer)}, ${g.how} at ${at(g.removedBy)}`);
    }
    if (groups.length > WASTED_LISTED) out.push(`  … and ${groups.length - WASTED_LISTED} more`);
  }
  if (r.fix) out.push(...fixText(r));
  return out.join('\n');
}

function fixText(r: SizeReport): string[] {
  const fix = r.fix!;
  if (!fix.measurement) return ['size fixes: none of the safe size fixes applies to this file'];
  const before = r.measurement;
  const after = fix.measurement;
  const out = [`size fixes applied to a copy: ${[...new Set(fix.rules)].join(', ')}`];
  const rows = [
    ['', 'before', 'after', 'change'],
    ['image', formatBytes(before.total), formatBytes(after.total), formatDelta(before.total, after.total)],
    ['bytes', String(before.total), String(after.total), `${after.total - before.total >= 0 ? '+' : '−'}${Math.abs(after.total - before.total)}`],
    ['layers', String(before.layerCount), String(after.layerCount), ''],
  ];
  if (before.wasted && after.wasted) rows.push(['wasted', formatBytes(before.wasted.wastedBytes), formatBytes(after.wasted.wastedBytes), formatDelta(before.wasted.wastedBytes, after.wasted.wastedBytes)]);
  return [...out, ...table(rows, new Set([1, 2, 3]))];
}

/** The JSON document of a run: one object per Dockerfile. */
export function formatSizeJson(reports: SizeReport[]): string {
  return JSON.stringify(
    reports.map((r) => ({
      path: r.path,
      ...r.measurement,
      ...(r.fix
        ? {
            fix: {
              rules: [...new Set(r.fix.rules)],
              measurement: r.fix.measurement,
              deltaBytes: r.fix.measurement ? r.fix.measurement.total - r.measurement.total : 0,
              deltaPercent: r.fix.measurement && r.measurement.total ? ((r.fix.measurement.total - r.measurement.total) / r.measurement.total) * 100 : 0,
            },
          }
        : {}),
    })),
    null,
    2,
  );
}
