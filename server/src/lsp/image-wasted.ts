// Wasted bytes as diagnostics: the bytes a layer wrote that a later layer deletes or overwrites (they still ship)
// are reported on the instruction that wrote them, grouped by path, with the rule whose fix avoids them as the code
// (`apt-lists-not-cleaned` for package lists, `cleanup-in-later-layer` for a later deletion, `merge-run` for a later
// overwrite). Their source is the measurement's (image-measure.ts), not the rule engine's. Pure.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { groupWasted, type WastedEntry } from '../core/image/wasted';
import { layerLines, type ImageMeasurement } from '../core/image/layer-map';
import { ruleDocsUrl } from '../core/rule';
import { formatBytes } from '../core/image/bytes';
import type { Placement } from './image-measure-view';

/** The source of the diagnostics image-measure.ts publishes (wasted bytes, a failed build), apart from the rules'. */
export const IMAGE_SOURCE = 'stevedore image';
/** Paths are summed under their first four components (`/var/lib/apt/lists`). */
const GROUP_DEPTH = 4;
/** Paths listed per diagnostic (the rest are counted). */
const LISTED = 5;

/** The rule whose fix keeps these bytes out of the image. */
export function fixingRule(entry: Pick<WastedEntry, 'path' | 'how'>): string {
  if (/^\/?var\/lib\/apt\/lists(\/|$)/.test(entry.path)) return 'apt-lists-not-cleaned';
  return entry.how === 'deleted' ? 'cleanup-in-later-layer' : 'merge-run';
}

/**
 * Which manifest layer each shipped layer-producing instruction made: the image's last layers are the shipped RUN,
 * COPY and ADD layers in file order, the ones before them the base image's. Returns the first line of each
 * manifest layer's instruction, or undefined for a base layer (files of the base that a RUN rewrites, such as dpkg's
 * status, are not the Dockerfile's to avoid: they count in the lens's total, not as findings) or one it cannot place.
 */
export function manifestLines(m: ImageMeasurement, layerCount: number): (number | undefined)[] {
  return layerLines(m, layerCount, 'none');
}

/** One diagnostic per instruction and fixing rule, on the instruction's current first line. */
export function wastedDiagnostics(m: ImageMeasurement, placement: Placement): Diagnostic[] {
  const report = m.wasted;
  if (!report?.wasted.length) return [];
  const lines = manifestLines(m, report.layers.length);
  // Measured line → current line (instructions edited since have no place).
  const moved = new Map<number, number>();
  for (const p of placement.placed) moved.set(p.base ? p.base.line : p.layer!.line, p.line);
  const now = (manifestIndex: number) => {
    const measured = lines[manifestIndex];
    return measured === undefined ? undefined : moved.get(measured);
  };
  const byTarget = new Map<string, { line: number; rule: string; groups: ReturnType<typeof groupWasted> }>();
  for (const g of groupWasted(report.wasted, GROUP_DEPTH)) {
    const line = now(g.layer);
    if (line === undefined) continue;
    const rule = fixingRule(g);
    const key = `${line}\0${rule}`;
    const target = byTarget.get(key) ?? { line, rule, groups: [] };
    target.groups.push(g);
    byTarget.set(key, target);
  }
  const diagnostics: Diagnostic[] = [];
  for (const { line, rule, groups } of byTarget.values()) {
    const bytes = groups.reduce((n, g) => n + g.bytes, 0);
    const listed = groups.slice(0, LISTED).map((g) => {
      const by = now(g.removedBy);
      const files = `${g.files} file${g.files === 1 ? '' : 's'}`;
      return `${g.path} ${formatBytes(g.bytes)} (${files}, ${g.how}${by === undefined ? ' later' : ` by line ${by + 1}`})`;
    });
    const more = groups.length > LISTED ? `, and ${groups.length - LISTED} more` : '';
    const stale = placement.stale ? ' (measured before the last edits)' : '';
    diagnostics.push({
      range: { start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } },
      severity: DiagnosticSeverity.Information,
      source: IMAGE_SOURCE,
      code: rule,
      codeDescription: { href: ruleDocsUrl(rule) },
      message: `${formatBytes(bytes)} written here still ship although a later layer removes them: ${listed.join(', ')}${more}${stale}.`,
    });
  }
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line);
}
