// The `stevedore` CLI as a CI pipeline runs it: the built dist/cli.js in a real folder.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { runCli } from './run';

const BAD = 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install curl=7.88.1-10+deb12u8\nUSER nobody\nCMD ["bash"]\n';

const run = runCli;

describe('stevedore lint', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-cli-'));
    fs.writeFileSync(path.join(dir, '.dockerignore'), '.git\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };

  it('prints the documented JSON shape with 1-based positions', () => {
    write('Dockerfile', BAD);
    const r = run(['lint', '--format', 'json', 'Dockerfile'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.version, 1);
    assert.equal(out.files[0].path, 'Dockerfile');
    const merge = out.files[0].findings.find((f: any) => f.ruleId === 'merge-run');
    assert.deepEqual(merge, {
      ruleId: 'merge-run',
      aliases: ['DL3059'],
      severity: 'warning',
      message: merge.message,
      range: { start: { line: 3, column: 1 }, end: { line: 3, column: 4 } },
      fixable: true,
    });
    assert.deepEqual(Object.keys(out.files[0].findings[0]), ['ruleId', 'aliases', 'severity', 'message', 'range', 'fixable']);
  });

  it('prints text with path:line:col, rule id and alias, and a summary', () => {
    write('Dockerfile', BAD);
    const r = run(['lint', 'Dockerfile'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^Dockerfile:3:1: warning merge-run \(DL3059\) .* \[fixable\]$/m);
    assert.match(r.stdout, /^Dockerfile:2:5: warning apt-lists-not-cleaned \(DL3009\) .*merge this RUN with the install on line 3.*[^\]]$/m);
    assert.match(r.stdout, /^4 problems \(0 errors, 3 warnings, 1 info\) in 1 file; 3 fixable with --fix$/m);
  });

  it('prints SARIF 2.1.0 with described rules and located results', () => {
    write('Dockerfile', BAD);
    const r = run(['lint', '--format', 'sarif', '.'], { cwd: dir });
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.equal(run0.tool.driver.name, 'stevedore');
    const rule = run0.tool.driver.rules.find((x: any) => x.id === 'merge-run');
    assert.ok(rule.shortDescription.text && rule.help.text && rule.help.markdown && rule.helpUri);
    const result = run0.results.find((x: any) => x.ruleId === 'merge-run');
    assert.equal(run0.tool.driver.rules[result.ruleIndex].id, 'merge-run');
    assert.equal(result.level, 'warning');
    assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: 'Dockerfile' });
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 3, startColumn: 1, endLine: 3, endColumn: 4 });
    // Every rule id is unique and every result points at a described rule.
    const ids = run0.tool.driver.rules.map((x: any) => x.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const res of run0.results) assert.equal(ids[res.ruleIndex], res.ruleId);
  });

  it('exit codes follow --fail-on', () => {
    write('Dockerfile', 'FROM debian:12-slim\nRUN echo a\nRUN echo b\nUSER nobody\n');
    assert.equal(run(['lint', 'Dockerfile'], { cwd: dir }).code, 1);
    assert.equal(run(['lint', '--fail-on', 'error', 'Dockerfile'], { cwd: dir }).code, 0);
    assert.equal(run(['lint', '--fail-on=none', 'Dockerfile'], { cwd: dir }).code, 0);
    write('Dockerfile', 'FROM debian:12-slim\nRUN echo a\nUSER nobody\n');
    assert.equal(run(['lint', 'Dockerfile'], { cwd: dir }).code, 0);
  });

  it('--fix writes the fixed file, reports it, and a second run changes nothing', () => {
    write('Dockerfile', BAD);
    const first = run(['lint', '--fix', 'Dockerfile'], { cwd: dir });
    assert.match(first.stdout, /^Dockerfile: fixed merge-run, apt-lists-not-cleaned, apt-missing-yes, apt-no-install-recommends$/m);
    assert.match(first.stdout, /^no problems in 1 file; 4 fixed$/m);
    const fixed = fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
    // The RUNs are merged before the lists are deleted, so the install still finds them.
    assert.equal(
      fixed,
      'FROM debian:12-slim\nRUN apt-get update && \\\n    apt-get install --no-install-recommends -y curl=7.88.1-10+deb12u8 \\\n    && rm -rf /var/lib/apt/lists/*\nUSER nobody\nCMD ["bash"]\n',
    );
    const second = run(['lint', '--fix', 'Dockerfile'], { cwd: dir });
    assert.doesNotMatch(second.stdout, /fixed/);
    assert.equal(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), fixed);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['.dockerignore', 'Dockerfile'], 'no temp files left');
  });

  it('--fix creates a missing .dockerignore and says so', () => {
    fs.rmSync(path.join(dir, '.dockerignore'));
    // `COPY . /app` copies the whole context, so a .dockerignore is worth having even in an otherwise empty folder.
    write('Dockerfile', 'FROM debian:12-slim\nCOPY . /app\nUSER nobody\n');
    const r = run(['lint', '--fix', 'Dockerfile'], { cwd: dir });
    assert.match(r.stdout, /^Dockerfile: fixed missing-dockerignore \(wrote \.dockerignore\)$/m);
    assert.match(fs.readFileSync(path.join(dir, '.dockerignore'), 'utf8'), /^Dockerfile$/m);
  });

  it('reads standard input with --stdin-filename', () => {
    const r = run(['lint', '--format', 'json', '--stdin-filename', 'svc/Dockerfile', '-'], { cwd: dir, input: BAD });
    const out = JSON.parse(r.stdout);
    assert.equal(out.files[0].path, 'svc/Dockerfile');
    assert.ok(out.files[0].findings.some((f: any) => f.ruleId === 'merge-run'));
  });

  it('walks folders for Dockerfiles and honours .gitignore', () => {
    write('api/Dockerfile', BAD);
    write('web/app.dockerfile', BAD);
    write('web/Containerfile', 'FROM alpine:3.20\n');
    write('vendor/Dockerfile', BAD);
    write('node_modules/x/Dockerfile', BAD);
    write('.gitignore', 'vendor/\n');
    write('README.md', '# not a Dockerfile\n');
    const out = JSON.parse(run(['lint', '--format', 'json', '.'], { cwd: dir }).stdout);
    assert.deepEqual(out.files.map((f: any) => f.path).sort(), ['api/Dockerfile', 'web/Containerfile', 'web/app.dockerfile']);
  });

  it('lints Kubernetes manifests beside Dockerfiles; other YAML and Helm templates are left out', () => {
    write('Dockerfile', BAD);
    write('k8s/app.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1\n');
    write('k8s/ok.yml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n');
    write('.github/workflows/ci.yml', 'on: push\njobs: [\n');
    write('chart/templates/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n');
    const out = JSON.parse(run(['lint', '--format', 'json', '.'], { cwd: dir }).stdout);
    assert.deepEqual(out.files.map((f: any) => f.path).sort(), ['Dockerfile', 'k8s/app.yaml', 'k8s/ok.yml']);
    const cm = out.files.find((f: any) => f.path === 'k8s/app.yaml');
    assert.deepEqual(cm.findings.map((f: any) => `${f.ruleId}:${f.severity}`), ['yaml-syntax:error']);
  });

  it('an app in the Kubernetes documentation style has no error-level finding', () => {
    const fixture = path.resolve(__dirname, '../fixtures/k8s-app');
    const r = run(['lint', '--format', 'json', '--fail-on', 'error', fixture]);
    assert.equal(r.code, 0, r.stdout);
    const out = JSON.parse(r.stdout);
    assert.equal(out.files.length, 4);
  });

  it('honours .stevedore.yaml, .hadolint.yaml and in-file pragmas', () => {
    write('Dockerfile', BAD);
    write('.hadolint.yaml', 'ignored:\n  - DL3059\n  - DL3009\n  - DL3015\n');
    let out = JSON.parse(run(['lint', '--format', 'json', 'Dockerfile'], { cwd: dir }).stdout);
    assert.deepEqual(out.files[0].findings.map((f: any) => f.ruleId), ['apt-missing-yes']);
    write('.stevedore.yaml', 'rules:\n  apt-missing-yes: error\n  merge-run: warning\n');
    out = JSON.parse(run(['lint', '--format', 'json', 'Dockerfile'], { cwd: dir }).stdout);
    assert.deepEqual(out.files[0].findings.map((f: any) => `${f.ruleId}:${f.severity}`), ['merge-run:warning', 'apt-missing-yes:error']);
    write('Dockerfile', '# stevedore ignore-file=merge-run\n' + BAD.replace('RUN apt-get install', '# hadolint ignore=DL3014\nRUN apt-get install'));
    out = JSON.parse(run(['lint', '--format', 'json', 'Dockerfile'], { cwd: dir }).stdout);
    assert.deepEqual(out.files[0].findings, []);
  });

  it('a folder run applies to each file the config nearest to it, as linting that file alone does', () => {
    write('.hadolint.yaml', 'ignored:\n  - DL3059\n');
    write('a/Dockerfile', BAD);
    write('a/deep/Dockerfile', BAD);
    write('b/.stevedore.yaml', 'rules:\n  apt-missing-yes: error\n');
    write('b/Dockerfile', BAD);
    write('b/deep/Dockerfile', BAD);
    write('c/.hadolint.yaml', 'ignored:\n  - DL3014\n');
    write('c/deep/Dockerfile', BAD);
    const ids = (file: any) => file.findings.map((f: any) => `${f.ruleId}:${f.severity}`);
    const folder = JSON.parse(run(['lint', '--format', 'json', '.'], { cwd: dir }).stdout);
    const paths = ['a/deep/Dockerfile', 'a/Dockerfile', 'b/deep/Dockerfile', 'b/Dockerfile', 'c/deep/Dockerfile'];
    assert.deepEqual(folder.files.map((f: any) => f.path), paths);
    for (const [i, p] of paths.entries()) {
      const alone = JSON.parse(run(['lint', '--format', 'json', p], { cwd: dir }).stdout);
      assert.deepEqual(ids(folder.files[i]), ids(alone.files[0]), p);
    }
    assert.ok(!ids(folder.files[1]).some((id: string) => id.startsWith('merge-run')));
    assert.ok(ids(folder.files[3]).includes('apt-missing-yes:error'));
    assert.ok(!ids(folder.files[4]).some((id: string) => id.startsWith('apt-missing-yes')));
  });

  it('exits 2 with a one-line message naming the path on I/O and config errors', () => {
    let r = run(['lint', 'missing/Dockerfile'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'stevedore: missing/Dockerfile: no such file or directory\n');
    write('Dockerfile', BAD);
    write('.stevedore.yaml', 'rules: [oops\n');
    r = run(['lint', 'Dockerfile'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stderr.split('\n').filter(Boolean).length, 1);
    assert.match(r.stderr, /\.stevedore\.yaml: not valid YAML/);
    write('.stevedore.yaml', 'rules:\n  merge-run: loud\n');
    r = run(['lint', 'Dockerfile'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.stevedore\.yaml: rule "merge-run": expected one of/);
  });

  it('exits 2 on usage errors', () => {
    assert.equal(run([]).code, 2);
    assert.equal(run(['lint']).code, 2);
    assert.equal(run(['lint', '--fix=yes', 'x']).code, 2);
    assert.equal(run(['lint', '--format', 'xml', 'x']).code, 2);
    assert.equal(run(['lint', '--bogus', 'x']).code, 2);
    assert.equal(run(['frobnicate']).code, 2);
    const help = run(['lint', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--fail-on/);
  });
});
