// ShellCheck in the CLI (built dist/cli.js, real shellcheck): SC codes in the JSON output as the findings' own
// aliases, `.hadolint.yaml` ignoring one, `--no-shellcheck`, and a missing `--shellcheck` binary reported in one
// line while everything else is linted.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from './run';

const DOCKERFILE = 'FROM debian:12\nARG APP_DIR=/opt/app\nRUN mkdir -p $APP_DIR && [[ -d /opt ]]\nUSER nobody\n';

describe('stevedore lint with ShellCheck', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-cli-shellcheck-'));
    fs.writeFileSync(path.join(dir, 'Dockerfile'), DOCKERFILE);
    fs.mkdirSync(path.join(dir, 'ignored'));
    fs.writeFileSync(path.join(dir, 'ignored', 'Dockerfile'), DOCKERFILE);
    fs.writeFileSync(path.join(dir, 'ignored', '.hadolint.yaml'), 'ignored:\n  - SC2086\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const shellcheckFindings = (stdout: string, file: string) =>
    JSON.parse(stdout).files.find((f: any) => f.path === file).findings.filter((f: any) => f.ruleId === 'shellcheck').map((f: any) => ({ aliases: f.aliases, severity: f.severity, range: f.range }));

  it('--format json: each ShellCheck finding with its SC code as alias, its level and its range', () => {
    const r = runCli(['lint', '--format', 'json', 'Dockerfile', 'ignored/Dockerfile'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(shellcheckFindings(r.stdout, 'Dockerfile'), [
      { aliases: ['SC2086'], severity: 'info', range: { start: { line: 3, column: 14 }, end: { line: 3, column: 22 } } },
      { aliases: ['SC3010'], severity: 'warning', range: { start: { line: 3, column: 26 }, end: { line: 3, column: 39 } } },
    ]);
    assert.deepEqual(shellcheckFindings(r.stdout, 'ignored/Dockerfile').map((f: any) => f.aliases), [['SC3010']], '.hadolint.yaml ignored: [SC2086]');
  });

  it('files are reported in the order given while manifests are linted as ShellCheck runs', () => {
    fs.writeFileSync(path.join(dir, 'a.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata: {}\n');
    fs.writeFileSync(path.join(dir, 'z.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: z\ndata: {}\n');
    const r = runCli(['lint', '--format', 'json', 'z.yaml', 'Dockerfile', 'a.yaml', 'ignored/Dockerfile'], { cwd: dir });
    assert.equal(r.stderr, '');
    assert.deepEqual(JSON.parse(r.stdout).files.map((f: any) => f.path), ['z.yaml', 'Dockerfile', 'a.yaml', 'ignored/Dockerfile']);
    assert.deepEqual(shellcheckFindings(r.stdout, 'Dockerfile').map((f: any) => f.aliases), [['SC2086'], ['SC3010']]);
  });

  it('answers are kept between runs: a second run does not start ShellCheck, another binary or a broken entry does', () => {
    const keptIn = path.join(dir, 'kept');
    const log = path.join(dir, 'wrapper.log');
    const wrapper = path.join(dir, 'shellcheck-wrapper');
    fs.writeFileSync(wrapper, `#!/bin/sh\necho run >> ${JSON.stringify(log)}\nexec shellcheck "$@"\n`, { mode: 0o755 });
    const runs = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0);
    const lint = (env: Record<string, string>) => runCli(['lint', '--format', 'json', '--shellcheck', wrapper, 'Dockerfile'], { cwd: dir, env });
    const first = lint({ STEVEDORE_SHELLCHECK_CACHE: keptIn });
    assert.equal(runs(), 1);
    assert.deepEqual(shellcheckFindings(first.stdout, 'Dockerfile').map((f: any) => f.aliases), [['SC2086'], ['SC3010']]);
    const second = lint({ STEVEDORE_SHELLCHECK_CACHE: keptIn });
    assert.equal(runs(), 1, 'answered from the kept answers');
    assert.equal(second.stdout, first.stdout);
    // A broken entry is a miss, answered again and replaced.
    const [shard] = fs.readdirSync(keptIn).filter((n) => !n.startsWith('.'));
    const [entry] = fs.readdirSync(path.join(keptIn, shard));
    fs.writeFileSync(path.join(keptIn, shard, entry), '{not json');
    assert.equal(lint({ STEVEDORE_SHELLCHECK_CACHE: keptIn }).stdout, first.stdout);
    assert.equal(runs(), 2);
    assert.equal(lint({ STEVEDORE_SHELLCHECK_CACHE: keptIn }).stdout, first.stdout);
    assert.equal(runs(), 2, 'the entry was rewritten');
    // Another binary (here: the same one changed) answers again.
    fs.utimesSync(wrapper, new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
    lint({ STEVEDORE_SHELLCHECK_CACHE: keptIn });
    assert.equal(runs(), 3);
    // STEVEDORE_SHELLCHECK_CACHE= keeps nothing.
    lint({ STEVEDORE_SHELLCHECK_CACHE: '' });
    lint({ STEVEDORE_SHELLCHECK_CACHE: '' });
    assert.equal(runs(), 5);
    if (process.platform !== 'win32') assert.equal(fs.statSync(path.join(keptIn, shard, entry)).mode & 0o777, 0o600);
  });

  it('text and SARIF output name the SC code too', () => {
    const text = runCli(['lint', 'Dockerfile'], { cwd: dir });
    assert.match(text.stdout, /^Dockerfile:3:14: info shellcheck \(SC2086\) /m);
    const sarif = JSON.parse(runCli(['lint', '--format', 'sarif', 'Dockerfile'], { cwd: dir }).stdout);
    assert.deepEqual(sarif.runs[0].results.filter((x: any) => x.ruleId === 'shellcheck').map((x: any) => x.properties?.codes), [['SC2086'], ['SC3010']]);
  });

  it('--no-shellcheck: no ShellCheck findings, nothing on stderr', () => {
    const r = runCli(['lint', '--format', 'json', '--no-shellcheck', 'Dockerfile'], { cwd: dir });
    assert.equal(r.stderr, '');
    assert.deepEqual(shellcheckFindings(r.stdout, 'Dockerfile'), []);
  });

  it('a missing binary: one line on stderr naming how to install it; the other rules still report', () => {
    const r = runCli(['lint', '--format', 'json', '--shellcheck', path.join(dir, 'no-such-shellcheck'), 'Dockerfile', 'ignored/Dockerfile'], { cwd: dir });
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /^stevedore: ShellCheck was not found .*apt-get install shellcheck.*--shellcheck PATH/);
    assert.deepEqual(shellcheckFindings(r.stdout, 'Dockerfile'), []);
    assert.ok(JSON.parse(r.stdout).files[0].findings.length > 0);
  });
});
