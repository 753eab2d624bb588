// The quiet progress of the code-server install and `npm start` (scripts/step-log.mjs): one terminal line per step,
// the commands' output only in the log file, and a failure that names the log and shows its last lines.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { repo } from './startHarness';

const load = () => import(pathToFileURL(path.join(repo, 'scripts', 'step-log.mjs')).href);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-step-log-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A writable that collects what the steps print on the "terminal". */
function terminal(): { write(s: string): boolean; text: string } {
  return {
    text: '',
    write(s: string) {
      this.text += s;
      return true;
    },
  };
}

const node = process.execPath;

describe('step log', () => {
  test('one line per step; 200 lines of a command go to the log only', async () => {
    const { createStepLog } = await load();
    const out = terminal();
    const logFile = path.join(dir, 'ok', 'install.log');
    const steps = createStepLog(logFile, { out, prefix: '[x] ' });
    steps.step('Installing things', () => steps.run(node, ['-e', 'for (let i = 0; i < 200; i++) console.log(`npm line ${i}`); console.error("npm ERR! harmless")']));
    await steps.step('Starting something async', async () => 'ignored');

    const lines = out.text.split('\n').filter(Boolean);
    assert.equal(lines.length, 2, out.text);
    assert.match(lines[0], /^\[x\] Installing things … done \(\d+(\.\d)? s\)$/);
    assert.match(lines[1], /^\[x\] Starting something async … done/);
    const log = fs.readFileSync(logFile, 'utf8');
    assert.match(log, /npm line 0\n[\s\S]*npm line 199\n/);
    assert.match(log, /npm ERR! harmless/);
    assert.doesNotMatch(out.text, /npm/);
  });

  test('a failing command: the step says failed, the error names the log and quotes its last lines', async () => {
    const { createStepLog, StepError } = await load();
    const out = terminal();
    const logFile = path.join(dir, 'fail.log');
    const steps = createStepLog(logFile, { out });
    let caught: unknown;
    try {
      steps.step('Installing code-server', () => steps.run(node, ['-e', 'console.log("fetching"); console.error("gyp ERR! cannot build"); process.exit(3)']));
    } catch (e) {
      caught = e;
    }
    assert.ok(caught instanceof StepError, String(caught));
    const message = (caught as Error).message;
    assert.equal(out.text, 'Installing code-server … failed\n');
    assert.match(message, /exited with 3; details in .*fail\.log/);
    assert.ok(message.includes(logFile), message);
    assert.match(message, /\| gyp ERR! cannot build/);
  });

  test('an exception inside an async step becomes a StepError naming the log', async () => {
    const { createStepLog } = await load();
    const out = terminal();
    const logFile = path.join(dir, 'async.log');
    const steps = createStepLog(logFile, { out });
    await assert.rejects(
      steps.step('Starting the test cluster', async () => {
        throw new Error('EADDRINUSE');
      }),
      (e: Error) => e.message.startsWith('Starting the test cluster failed: EADDRINUSE; details in ') && e.message.includes(logFile),
    );
    assert.match(fs.readFileSync(logFile, 'utf8'), /step failed: EADDRINUSE/);
  });

  test('install-code-server: a failing npm install prints one line for the step and an error naming its log', () => {
    // Fake npm (300 lines, an ERR! line, exit 1) and dpkg-query (every package installed) first on PATH; an empty
    // cache so the install really runs.
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin, { recursive: true });
    const script = (name: string, body: string) => fs.writeFileSync(path.join(bin, name), `#!${node}\n${body}\n`, { mode: 0o755 });
    script('npm', 'for (let i = 0; i < 300; i++) console.log(`npm http fetch ${i}`); console.error("npm ERR! code E404"); process.exit(1);');
    script('dpkg-query', 'process.stdout.write("install ok installed");');
    const cache = path.join(dir, 'cache');
    // A seeded ripgrep cache (the real one is made from Debian's rg), so the test does not depend on rg.
    const tmp = path.join(dir, 'tmp');
    fs.mkdirSync(path.join(tmp, 'vscode-ripgrep-cache-1.15.11'), { recursive: true });
    for (const asset of ['ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz', 'ripgrep-v13.0.0-10-aarch64-unknown-linux-gnu.tar.gz']) {
      fs.writeFileSync(path.join(tmp, 'vscode-ripgrep-cache-1.15.11', asset), '');
    }
    const r = spawnSync(node, [path.join(repo, 'scripts', 'install-code-server.mjs'), '--no-apt'], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, STEVEDORE_CACHE: cache, TMPDIR: tmp },
    });
    const logFile = path.join(cache, 'install-code-server.log');
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout, '');
    const [first, second, ...quoted] = r.stderr.trimEnd().split('\n');
    assert.match(first, /^\[install-code-server\] Installing code-server 4\.100\.3 into .* … failed$/);
    assert.match(second, /npm install .* exited with 1; details in (.*)$/);
    assert.ok(second.endsWith(`details in ${logFile}`), second);
    assert.ok(quoted.length <= 8 && quoted.some((l) => l.includes('npm ERR! code E404')), r.stderr);
    assert.match(fs.readFileSync(logFile, 'utf8'), /npm http fetch 0\n[\s\S]*npm http fetch 299\n/);
  });
});
