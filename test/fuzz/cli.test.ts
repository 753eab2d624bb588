// `stevedore lint --format json` on the fuzz regression corpus (and a few seeded mutations), as a file and on stdin:
// exit 0 or 1 with parseable JSON and nothing on stderr, or exit 2 with exactly one stderr line naming the path;
// never a stack trace, and within 10 s even for 2 MB.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { mutationCorpus } from './campaign';
import { hostile, hostileInputs, type FuzzInput } from './corpus';
import { fuzzInput } from './mutate';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const LIMIT_MS = 10_000;
const SEED = 20261206;
const MUTATED = 6;
/** A run still going after this is killed (and reported as too slow). */
const KILL_MS = 3 * LIMIT_MS;

/** What is wrong with one CLI run, or nothing. */
function problems(r: ReturnType<typeof spawnSync>, ms: number, shownPath: string): string[] {
  const out: string[] = [];
  const stdout = String(r.stdout ?? '');
  const stderr = String(r.stderr ?? '');
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') return [`no exit after ${KILL_MS} ms (limit ${LIMIT_MS}); killed`];
  if (r.error) return [`spawn: ${r.error.message}`];
  if (ms > LIMIT_MS) out.push(`took ${ms} ms (limit ${LIMIT_MS})`);
  if (/^\s+at .+[:(]\d+/m.test(stderr) || /^\s+at .+[:(]\d+/m.test(stdout)) out.push(`stack trace: ${stderr.split('\n').slice(0, 2).join(' / ').slice(0, 200)}`);
  if (r.status === 0 || r.status === 1) {
    let report: any;
    try {
      report = JSON.parse(stdout);
    } catch (e) {
      out.push(`exit ${r.status} but stdout is not JSON (${(e as Error).message.slice(0, 80)}): ${stdout.slice(0, 80)}`);
    }
    if (report && !Array.isArray(report.files)) out.push(`JSON without files: ${stdout.slice(0, 120)}`);
    for (const f of report?.files?.flatMap((file: any) => file.findings) ?? []) {
      if (f.ruleId === 'analysis-incomplete' && /failed|could not parse/i.test(f.message)) out.push(`analysis-incomplete: ${f.message.slice(0, 160)}`);
    }
    // A rule failure is reported on stderr while the run still succeeds: the lead counts that as a fuzz failure.
    if (stderr.trim()) out.push(`exit ${r.status} with stderr: ${stderr.trim().split('\n')[0].slice(0, 200)}`);
  } else if (r.status === 2) {
    const lines = stderr.trimEnd().split('\n');
    if (lines.length !== 1) out.push(`exit 2 with ${lines.length} stderr lines: ${lines.slice(0, 2).join(' / ').slice(0, 200)}`);
    if (!lines[0].includes(shownPath)) out.push(`exit 2 message does not name ${shownPath}: ${lines[0].slice(0, 200)}`);
  } else {
    out.push(`exit ${r.status} signal ${r.signal}: ${stderr.split('\n')[0].slice(0, 200)}`);
  }
  return out;
}

/** The regression corpus (the edit sequence is an editor scenario, not a file) and the first seeded mutations. */
function inputs(): Array<{ name: string; make: () => FuzzInput }> {
  let corpus: FuzzInput[] | undefined;
  const mutated = (i: number) => fuzzInput(SEED, i, (corpus ??= mutationCorpus()));
  return [
    ...hostileInputs.filter((h) => !h.edits).map((h) => ({ name: h.name, make: () => hostile(h) })),
    ...Array.from({ length: MUTATED }, (_, i) => ({ name: `seed ${SEED} #${i}`, make: () => mutated(i) })),
  ];
}

describe('fuzz: stevedore lint on the regression corpus', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-fuzz-cli-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const [i, { name, make }] of inputs().entries()) {
    it(name, () => {
      const input = make();
      const file = input.kind === 'dockerfile' ? 'Dockerfile' : 'manifest.yaml';
      const folder = path.join(dir, String(i));
      fs.mkdirSync(folder);
      fs.writeFileSync(path.join(folder, file), input.text);
      const failures: string[] = [];
      for (const via of ['file', 'stdin'] as const) {
        const args = via === 'file' ? ['lint', '--format', 'json', file] : ['lint', '--format', 'json', '--stdin-filename', file, '-'];
        const t0 = performance.now();
        const r = spawnSync(process.execPath, [CLI, ...args], { cwd: folder, input: via === 'stdin' ? input.text : undefined, encoding: 'utf8', timeout: KILL_MS, maxBuffer: 256 << 20 });
        const ms = Math.round(performance.now() - t0);
        for (const p of problems(r, ms, file)) failures.push(`${input.name} | cli ${via} (exit ${r.status}, ${ms} ms) | ${p}`);
      }
      fs.rmSync(folder, { recursive: true, force: true });
      if (failures.length) assert.fail(failures.join('\n'));
    });
  }
});
