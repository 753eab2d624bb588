// The CLI rows of bench:peers: whole processes, as a pre-commit hook or CI runs them.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bigDockerfile, bigManifest } from '../bench';
import { ROOT } from './servers';
import { median } from './session';
import { fmt } from './table';

/** Wall time and peak RSS of one whole process (spawn to exit). */
function processRun(argv: string[], cwd: string): { ms: number; rssMb: number } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...argv], { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  const kb = Number(
    r.stderr
      .trim()
      .split('\n')
      .filter((l) => /^\d+$/.test(l))
      .pop(),
  );
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.trim().split('\n')[0]}`);
  return { ms, rssMb: kb / 1024 };
}

/** A folder of small Dockerfiles and manifests, like a repository's: `n` files. */
function lintFolder(dir: string, n: number): void {
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, `svc-${i}`);
    fs.mkdirSync(sub, { recursive: true });
    if (i % 2 === 0) fs.writeFileSync(path.join(sub, 'Dockerfile'), bigDockerfile(20 + (i % 7) * 10));
    else fs.writeFileSync(path.join(sub, 'deploy.yaml'), bigManifest(60 + (i % 5) * 60).replace(/app-/g, `svc${i}-`));
  }
}

/** The CLI as a pre-commit hook or CI runs it: one small Dockerfile, and a folder, against bare node start-up. */
export function cliRows(rounds: number, work: string): void {
  const cli = path.join(ROOT, 'dist/cli.js');
  const small = fs.mkdtempSync(path.join(work, 'cli-'));
  fs.writeFileSync(path.join(small, 'Dockerfile'), 'FROM debian:12\nRUN apt-get update\n');
  const folder = fs.mkdtempSync(path.join(work, 'folder-'));
  const files = 500;
  lintFolder(folder, files);
  const bare: number[] = [];
  const one: number[] = [];
  const many: Array<{ ms: number; rssMb: number }> = [];
  for (let r = 0; r < Math.max(rounds, 3); r++) {
    bare.push(processRun(['-e', '0'], small).ms);
    one.push(processRun([cli, 'lint', 'Dockerfile'], small).ms);
    many.push(processRun([cli, 'lint', '.', '--format', 'json'], folder));
  }
  const b = median(bare);
  const o = median(one);
  const m = median(many.map((x) => x.ms));
  console.log(`| CLI | one 2-line Dockerfile, whole process | ${fmt(o)} ms | ${fmt(b)} ms (bare \`node -e 0\`) | ${(o / b).toFixed(2)}× |`);
  console.log(`| CLI | ${files} small Dockerfiles and manifests | ${fmt(m)} ms, ${Math.round((files / m) * 1000)} files/s, peak ${fmt(median(many.map((x) => x.rssMb)))} MB |  |  |`);
}
