// `stevedore size` as CI runs it (the built CLI, real podman): the per-instruction table, JSON with --compare-fix
// (the fixed naive apt install is smaller by more than 10 MB), and the one-line failures with exit 2.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureImageDeps, IMAGE_FIXTURES, podmanEnv } from '../helpers/podman';
import { runCli } from './run';

const env = { CONTAINERS_CONF: podmanEnv().CONTAINERS_CONF! };
let dir: string;
before(() => {
  ensureImageDeps();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-size-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('stevedore size', () => {
  it('prints each instruction with its layer size and the running total, the base on FROM, builder layers as not shipped', () => {
    const file = path.join(IMAGE_FIXTURES, 'multi-stage', 'Dockerfile');
    const r = runCli(['size', '--engine', 'podman', file], { env });
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.match(lines[0], /multi-stage\/Dockerfile \(podman, image [0-9a-f]{12}\)$/);
    assert.match(lines[1], /^line\s+instruction\s+size\s+total$/);
    assert.match(lines[2], /^\s+6\s+FROM localhost\/debian:12-slim\s+77\.6 MB\s+77\.6 MB\s+base$/);
    assert.match(lines[3], /^\s+7\s+COPY --from=build \/out\/blob \/blob\s+2\.0 MB\s+79\.6 MB$/);
    assert.match(lines[4], /^\s+8\s+CMD \["ls", "-l", "\/blob"\]\s+0 B\s+79\.6 MB$/);
    assert.match(lines[5], /^\s+3\s+RUN mkdir \/out && head -c 2000000 \/dev\/urandom > \/out\/b…\s+2\.0 MB\s+not shipped$/);
    assert.match(lines[6], /^\s+4\s+RUN head -c 3000000 \/dev\/urandom > \/scratch\s+3\.0 MB\s+not shipped$/);
    assert.match(lines[7], /^image 79\.6 MB · 2 layers · base 77\.6 MB · wasted \S+ \S+ · efficiency \d+\.\d %$/);
  });

  it('--compare-fix --format json: the size fixes of the naive apt install save more than 10 MB, per instruction bytes', () => {
    const file = path.join(IMAGE_FIXTURES, 'naive-apt', 'Dockerfile');
    const r = runCli(['size', '--compare-fix', '--format', 'json', file], { env });
    assert.equal(r.code, 0, r.stderr);
    const [report] = JSON.parse(r.stdout);
    assert.equal(report.path, file);
    assert.deepEqual(report.layers.map((l: { line: number; keyword: string }) => [l.line, l.keyword]), [[1, 'RUN'], [2, 'RUN'], [3, 'CMD']]);
    assert.ok(report.layers[0].bytes > 10e6, 'apt-get update layer');
    assert.equal(report.base.image, 'localhost/debian:12');
    assert.ok(report.fix.rules.includes('merge-run') && report.fix.rules.includes('apt-lists-not-cleaned'), report.fix.rules.join());
    assert.ok(report.fix.deltaBytes < -10e6, `saved ${-report.fix.deltaBytes} B`);
    assert.equal(report.fix.deltaBytes, report.fix.measurement.total - report.total);
    assert.ok(report.fix.deltaPercent < -5);
    assert.deepEqual(report.fix.measurement.layers.map((l: { keyword: string }) => l.keyword), ['RUN', 'CMD']);
    assert.equal(fs.readFileSync(file, 'utf8').includes('apt-get update\n'), true, 'the fixture itself is not changed');
  });

  it('--compare-fix in text: the wasted file, the fixes applied to a copy and the before/after table with the change', () => {
    const file = path.join(dir, 'cleanup', 'Dockerfile');
    fs.mkdirSync(path.dirname(file));
    const text = 'FROM localhost/debian:12-slim\nRUN head -c 2000000 /dev/urandom > /tmp/blob\nRUN rm /tmp/blob\n';
    fs.writeFileSync(file, text);
    const r = runCli(['size', '--engine', 'podman', '--compare-fix', file], { env });
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.match(lines[3], /^\s+2\s+RUN head -c 2000000 \/dev\/urandom > \/tmp\/blob\s+2\.0 MB\s+79\.6 MB$/);
    assert.match(r.stdout, /^ {2}wasted 2\.0 MB \/tmp\/blob \(1 file\): written at line 2, deleted at line 3$/m);
    assert.match(r.stdout, /^size fixes applied to a copy: merge-run$/m);
    assert.match(r.stdout, /^image\s+79\.6 MB\s+77\.6 MB\s+−2\.0 MB \(−2\.5 %\)$/m);
    const bytes = /^bytes\s+(\d+)\s+(\d+)\s+−(\d+)$/m.exec(r.stdout);
    assert.ok(bytes, r.stdout);
    assert.equal(Number(bytes[1]) - Number(bytes[2]), Number(bytes[3]));
    assert.ok(Number(bytes[3]) >= 2_000_000);
    assert.match(r.stdout, /^layers\s+3\s+2$/m);
    assert.equal(fs.readFileSync(file, 'utf8'), text, 'the file itself is not changed');
  });

  it('a failing RUN: exit 2, one line naming the file and the line, then the build log\'s last lines', () => {
    const file = path.join(dir, 'Dockerfile');
    fs.writeFileSync(file, 'FROM localhost/debian:12-slim\nRUN echo step-output && exit 3\n');
    const r = runCli(['size', '--engine', 'podman', file], { env });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    const [first, ...rest] = r.stderr.trimEnd().split('\n');
    assert.match(first, new RegExp(`^stevedore: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: a RUN failed at line 2 \\(Dockerfile\\): `));
    assert.ok(rest.some((l) => l.includes('step-output')), r.stderr);
  });

  it('no engine: exit 2 with one line naming the path', () => {
    const file = path.join(IMAGE_FIXTURES, 'fixed-apt', 'Dockerfile');
    const r = runCli(['size', '--engine', 'podman', file], { env: { ...env, PATH: dir } });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `stevedore: ${file}: cannot build: podman was not found at podman\n`);
  });

  it('usage errors and --help', () => {
    assert.equal(runCli(['size']).code, 2);
    const bad = runCli(['size', '--engine', 'rocket', 'Dockerfile']);
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'stevedore: --engine must be auto, docker, podman or buildah, not "rocket"\n');
    const help = runCli(['size', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--compare-fix/);
  });
});
