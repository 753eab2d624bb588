// The CLI's contract on any input, however hostile: exit 0 or 1 with the report, or exit 2 with ONE line on stderr
// naming the path (`stevedore: <path>: <message>`); a stack trace only when asked for with --debug.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { errorReport, FileError, InputError } from '../../server/src/cli/errors';
import { BUILT_CLI, runCli, type CliRun } from './run';

/** Deterministic bytes (a linear congruential generator), so a failure replays exactly. */
function junk(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const repeat = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n') + '\n';

function aliasBomb(): string {
  let text = 'x0: &x0 [{name: A, value: b}]\n';
  for (let i = 1; i <= 9; i++) text += `x${i}: &x${i} [${Array(10).fill(`*x${i - 1}`).join(', ')}]\n`;
  return text + '---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: bomb\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: nginx:1.27\n          env: *x9\n';
}

const HOSTILE: [string, string | Buffer][] = [
  ['junk.Dockerfile', junk(256 << 10, 1)],
  ['junk.yaml', junk(1 << 20, 2)],
  ['lone-cr.Dockerfile', 'FROM python:3\r\rRUN pip install x'],
  ['indented-run.Dockerfile', ' RUN $x\n'],
  ['pipes.Dockerfile', 'FROM a\nRUN a -f' + ' | a'.repeat(14_000) + '\n'],
  ['continuation.Dockerfile', 'FROM debian:12\nRUN apt-get install -y \\\n' + repeat(100_000, (i) => `    pkg${i} \\`) + '    last\n'],
  ['deep-flow.yaml', 'apiVersion: v1\nkind: List\nitems: ' + '['.repeat(100_000) + '\n'],
  ['alias-bomb.yaml', aliasBomb()],
];

/** Asserts the contract for a run over the single file `name`. */
function assertContract(r: CliRun, name: string): void {
  const stderrLines = r.stderr.split('\n').filter(Boolean);
  if (r.code === 0 || r.code === 1) {
    const out = JSON.parse(r.stdout);
    assert.ok(out.files.length <= 1 && (out.files.length === 0 || out.files[0].path === name), r.stdout.slice(0, 200));
    // Warnings (a rule that failed on this file) are allowed, but as one line each, naming the file.
    for (const line of stderrLines) assert.ok(line.startsWith(`stevedore: ${name}: `), `${name}: stderr line ${JSON.stringify(line)}`);
  } else {
    assert.equal(r.code, 2, `${name}: exit ${r.code}, stderr ${r.stderr.slice(0, 300)}`);
    assert.equal(stderrLines.length, 1, `${name}: ${r.stderr.slice(0, 500)}`);
    assert.ok(stderrLines[0].startsWith(`stevedore: ${name}: `), stderrLines[0]);
  }
}

describe('stevedore lint on hostile inputs', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-hostile-'));
    fs.writeFileSync(path.join(dir, '.dockerignore'), '.git\n');
    for (const [name, content] of HOSTILE) fs.writeFileSync(path.join(dir, name), content);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const [name] of HOSTILE) {
    it(`${name}: a report, or one line naming it`, () => assertContract(runCli(['lint', '--format', 'json', name], { cwd: dir }), name));
  }
});

describe('stevedore lint when something unexpected fails', () => {
  let dir: string;
  before(() => {
    // The bundles alone, without the shell parser's files beside them: a broken installation.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-broken-'));
    fs.copyFileSync(BUILT_CLI, path.join(dir, 'cli.js'));
    fs.copyFileSync(path.join(path.dirname(BUILT_CLI), 'cli-main.js'), path.join(dir, 'cli-main.js'));
    fs.mkdirSync(path.join(dir, 'entry-only'));
    fs.copyFileSync(BUILT_CLI, path.join(dir, 'entry-only', 'cli.js'));
    // A RUN that needs the shell grammar (a parameter default: not a plain command list, see core/dockerfile/shell-simple.ts).
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM debian:12-slim\nRUN echo "${HOME:-/root}"\nUSER nobody\n');
    fs.writeFileSync(
      path.join(dir, 'Plain.dockerfile'),
      'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nRUN mkdir -p "$HOME/app" && cp ${SRC}/*.conf /etc/ 2>/dev/null\nUSER nobody\n',
    );
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const cli = () => path.join(dir, 'cli.js');

  it('exits 2 with one line, no stack', () => {
    const r = runCli(['lint', 'Dockerfile'], { cwd: dir, cli: cli() });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^stevedore: cannot load the shell parser: Cannot find module '[^'\n]+'\n$/);
  });

  it('lints a Dockerfile of plain command lists without the shell grammar: it is loaded only when a RUN needs it', () => {
    const r = runCli(['lint', '--no-shellcheck', '--format', 'json', 'Plain.dockerfile'], { cwd: dir, cli: cli() });
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1);
    const rules = (JSON.parse(r.stdout) as { files: Array<{ findings: Array<{ ruleId: string }> }> }).files[0].findings.map((f) => f.ruleId);
    // Findings that read the RUN's commands: the script was parsed.
    assert.deepEqual(rules, ['apt-unpinned', 'merge-run']);
  });

  it('the entry without the CLI bundle beside it: exits 2 with one line naming the missing file', () => {
    const r = runCli(['lint', 'Dockerfile'], { cwd: dir, cli: path.join(dir, 'entry-only', 'cli.js') });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `stevedore: cannot load the CLI: ${path.join(dir, 'entry-only', 'cli-main.js')} is missing: reinstall Stevedore\n`);
    assert.equal(r.stdout, '');
  });

  it('--debug and STEVEDORE_DEBUG=1 add the stack trace after that line', () => {
    for (const [args, env] of [[['lint', '--debug', 'Dockerfile'], {}], [['lint', 'Dockerfile'], { STEVEDORE_DEBUG: '1' }]] as const) {
      const r = runCli([...args], { cwd: dir, cli: cli(), env });
      assert.equal(r.code, 2);
      const [first, ...rest] = r.stderr.split('\n');
      assert.match(first, /^stevedore: cannot load the shell parser: /);
      assert.match(rest.join('\n'), /^\s+at /m);
    }
  });

  it('formats an unexpected error while linting a file as "stevedore: <path>: <first line>"', () => {
    const overflow = new RangeError('Maximum call stack size exceeded\n    while walking');
    assert.equal(errorReport(new FileError('k8s/app.yaml', overflow), false), 'stevedore: k8s/app.yaml: Maximum call stack size exceeded\n');
    assert.equal(errorReport(new FileError('Dockerfile', 'Aborted(OOM)'), true), 'stevedore: Dockerfile: Aborted(OOM)\n');
    const withStack = errorReport(new FileError('Dockerfile', overflow), true).split('\n');
    assert.equal(withStack[0], 'stevedore: Dockerfile: Maximum call stack size exceeded');
    assert.match(withStack.slice(1).join('\n'), /^\s+at /m);
    assert.equal(errorReport(new InputError('.stevedore.yaml: not valid YAML'), true), 'stevedore: .stevedore.yaml: not valid YAML\n');
  });

  it('a reader that goes away early (`| head`) ends the run quietly', async () => {
    const child = spawn(process.execPath, [BUILT_CLI, 'lint', '--format', 'sarif', 'Dockerfile'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // The reader is gone before the report is written: the write fails with EPIPE.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.equal(code, 0, 'the exit code of the lint (no findings)');
  });
});
