// The rows of the bench:peers table: each measure's median over the rounds, ours against an anchor.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { idle, measure, median, type IdleSample, type Input, type Sample, type ServerSpec } from './session';

export const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

function row(input: string, label: string, ours: number, theirs: number, anchor: string, unit: 'ms' | 'MB'): void {
  console.log(`| ${input} | ${label} | ${fmt(ours)} ${unit} | ${fmt(theirs)} ${unit} (${anchor}) | ${(ours / theirs).toFixed(2)}× |`);
}

/** Runs `f` for ours and the anchor `rounds` times, alternating who goes first so neither always meets a warmer machine. */
async function interleaved<T>(rounds: number, ours: ServerSpec, theirs: ServerSpec, work: string, f: (spec: ServerSpec, dir: string) => Promise<T>): Promise<[T[], T[]]> {
  const a: T[] = [];
  const b: T[] = [];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? [ours, theirs] : [theirs, ours];
    for (const spec of order) (spec === ours ? a : b).push(await f(spec, fs.mkdtempSync(path.join(work, 'ws-'))));
  }
  return [a, b];
}

/** Start-up and memory at rest: spawn → initialize result, and VmRSS/VmHWM 2 s after initialized, against the bare server. */
export async function idleRows(rounds: number, ours: ServerSpec, bare: ServerSpec, work: string): Promise<void> {
  const [a, b] = await interleaved<IdleSample>(rounds, ours, bare, work, (spec, dir) => idle(spec, dir));
  const m = (xs: IdleSample[], pick: (s: IdleSample) => number) => median(xs.map(pick));
  row(
    'no document, 2 s after start',
    'start → initialize result',
    m(a, (s) => s.start),
    m(b, (s) => s.start),
    bare.name,
    'ms',
  );
  row(
    'no document, 2 s after start',
    'idle RSS (VmRSS)',
    m(a, (s) => s.rssMb),
    m(b, (s) => s.rssMb),
    bare.name,
    'MB',
  );
  row(
    'no document, 2 s after start',
    'peak RSS so far (VmHWM)',
    m(a, (s) => s.peakMb),
    m(b, (s) => s.peakMb),
    bare.name,
    'MB',
  );
}

/** Open, edit, code action, hover, peak memory and start for one input, ours against the anchor for its kind. */
export async function inputRows(rounds: number, input: Input, ours: ServerSpec, theirs: ServerSpec, work: string): Promise<void> {
  const [a, b] = await interleaved<Sample>(rounds, ours, theirs, work, (spec, dir) => measure(spec, input, dir));
  const each = (label: string, pick: (s: Sample) => number, unit: 'ms' | 'MB' = 'ms') => row(input.label, label, median(a.map(pick)), median(b.map(pick)), theirs.name, unit);
  each('open → diagnostics', (s) => s.open);
  each('one-line edit → diagnostics', (s) => s.edit);
  each('code action at first finding', (s) => s.action);
  each('hover', (s) => s.hover);
  each('peak RSS', (s) => s.rssMb, 'MB');
  each('start → initialize result', (s) => s.start);
  const reasons = [...new Set(a.flatMap((x) => x.incomplete))];
  const cut = a.filter((x) => x.incomplete.length).length;
  const note = cut ? ` (${cut} of ${a.length} runs incomplete: ${reasons.join(', ')})` : '';
  console.log(`|  | findings on open | ${a.map((x) => x.diagnostics).join(' / ')}${note} | ${b.map((x) => x.diagnostics).join(' / ')} |  |`);
}
