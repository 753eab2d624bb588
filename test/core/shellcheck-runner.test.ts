// Running the real ShellCheck: one process per batch of RUNs, answers cached by input text (script, dialect and
// names in scope), a stuck binary killed after the bound and reported once, a missing one reported once,
// cancellation, and SC codes honoured by configuration as single findings' aliases.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { layerFromRules, parseHadolintConfig } from '../../server/src/core/config';
import { analyzeDockerfile } from '../../server/src/core/dockerfile/analyze';
import { buildModel } from '../../server/src/core/dockerfile/model';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { shellcheckInputs } from '../../server/src/core/dockerfile/shellcheck-input';
import { ShellcheckCache } from '../../server/src/core/dockerfile/shellcheck-results';
import { ShellcheckRunner, type Spawner } from '../../server/src/tools/shellcheck';
import { shellcheck } from '../../server/src/rules/dockerfile/shellcheck';
import { answerShellcheck } from '../helpers/shellcheck';

const inputsOf = (text: string) => shellcheckInputs(buildModel(text));

/** A spawner that records each command line and starts the real process. */
function recordingSpawner(calls: string[][]): Spawner {
  return (cmd, args, options) => {
    calls.push([cmd, ...args]);
    return spawn(cmd, args, options);
  };
}

describe('ShellCheck runner', () => {
  let dir: string;
  before(async () => {
    await initShellParser();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-fake-shellcheck-'));
    fs.writeFileSync(path.join(dir, 'stuck'), '#!/bin/sh\nsleep 30\n', { mode: 0o755 });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives every RUN of an analysis to one process, then answers from the cache', async () => {
    const text = 'FROM debian:12\nRUN echo $a\nRUN <<EOF\necho $b\nEOF\nSHELL ["/bin/bash", "-c"]\nRUN [[ -d /x ]] && echo $c\nRUN ["echo", "exec form"]\n';
    const calls: string[][] = [];
    const cache = new ShellcheckCache();
    const runner = new ShellcheckRunner({ spawn: recordingSpawner(calls), cache, timeoutMs: 60_000 });
    const inputs = inputsOf(text);
    assert.deepEqual(inputs.map((i) => i.dialect), ['sh', 'sh', 'bash']);
    assert.equal(await runner.check(inputs), 'done');
    assert.equal(runner.spawns, 1);
    assert.deepEqual(calls[0].slice(1), ['--format=json1', '--norc', '--exclude=SC1090,SC1091', 'run-1.sh', 'run-2.sh', 'run-3.sh']);
    assert.deepEqual(inputs.map((i) => cache.get(i.text)!.map((c) => c.code)), [[2154, 2086], [2154, 2086], [2154, 2086]]);
    assert.equal(await runner.check(inputs), 'cached');
    assert.equal(runner.spawns, 1, 'no process when every answer is cached');
  });

  it('keys answers by script, dialect and the names in scope it mentions: only the RUN that changed is checked again', async () => {
    const calls: string[][] = [];
    const cache = new ShellcheckCache();
    const runner = new ShellcheckRunner({ spawn: recordingSpawner(calls), cache, timeoutMs: 60_000 });
    await runner.check(inputsOf('FROM debian:12\nRUN echo one\nRUN [[ -n x ]]\n'));
    const bash = inputsOf('FROM debian:12\nRUN echo one\nSHELL ["/bin/bash", "-c"]\nRUN [[ -n x ]]\n');
    assert.equal(await runner.check(bash), 'done');
    assert.deepEqual(calls[1].slice(4), ['run-1.sh'], 'one file: the RUN whose dialect changed');
    const unused = inputsOf('FROM debian:12\nARG who\nENV LANG=C.UTF-8\nRUN echo one\n');
    assert.equal(await runner.check(unused), 'cached', 'names the script does not mention change nothing');
    assert.equal(await runner.check(inputsOf('FROM debian:12\nRUN echo $who\n')), 'done');
    const withArg = inputsOf('FROM debian:12\nARG who\nENV LANG=C.UTF-8\nRUN echo $who\n');
    assert.equal(await runner.check(withArg), 'done', 'a name the script uses coming into scope is a new input');
    assert.match(withArg[0].text, /^# shellcheck shell=sh\nexport who\n/);
    assert.equal(runner.spawns, 4);
  });

  it('kills a ShellCheck that does not answer within the bound and says so once', async () => {
    const messages: string[] = [];
    const runner = new ShellcheckRunner({ path: path.join(dir, 'stuck'), timeoutMs: 300, notify: (m) => messages.push(m), cache: new ShellcheckCache() });
    const started = Date.now();
    assert.equal(await runner.check(inputsOf('FROM debian:12\nRUN echo $x\n')), 'timeout');
    assert.ok(Date.now() - started < 5000, 'not waiting for the sleep');
    assert.equal(await runner.check(inputsOf('FROM debian:12\nRUN echo $y\n')), 'timeout');
    assert.equal(messages.length, 1);
    assert.match(messages[0], /did not answer within 0\.3 s and was stopped/);
  });

  it('stops the process when the caller cancels', async () => {
    const runner = new ShellcheckRunner({ path: path.join(dir, 'stuck'), timeoutMs: 20_000, cache: new ShellcheckCache() });
    const controller = new AbortController();
    const outcome = runner.check(inputsOf('FROM debian:12\nRUN echo $z\n'), controller.signal);
    setImmediate(() => controller.abort());
    assert.equal(await outcome, 'cancelled');
  });

  it('without the binary: one message naming how to install it, no further attempts', async () => {
    const messages: string[] = [];
    const runner = new ShellcheckRunner({ path: path.join(dir, 'missing-shellcheck'), pathSetting: 'stevedore.shellcheck.path', notify: (m) => messages.push(m), cache: new ShellcheckCache() });
    assert.equal(await runner.check(inputsOf('FROM debian:12\nRUN echo $x\n')), 'missing');
    assert.equal(await runner.check(inputsOf('FROM debian:12\nRUN echo $y\n')), 'missing');
    assert.equal(runner.spawns, 1);
    assert.equal(messages.length, 1);
    assert.match(messages[0], /ShellCheck was not found .*apt-get install shellcheck.* or set stevedore\.shellcheck\.path/);
  });

  it('configuration names SC codes: .hadolint.yaml ignored, levels in stevedore.rules', async () => {
    const text = 'FROM debian:12\nRUN echo $x\n';
    await answerShellcheck([text]);
    const codes = (config?: Parameters<typeof analyzeDockerfile>[1]['config']) =>
      analyzeDockerfile(text, { rules: [shellcheck], config }).map((f) => `${f.codes} ${f.severity}`);
    assert.deepEqual(codes(), ['SC2154 warning', 'SC2086 info']);
    const hadolint = parseHadolintConfig('.hadolint.yaml', 'ignored:\n  - SC2086\n');
    assert.deepEqual(codes({ layers: [hadolint] }), ['SC2154 warning']);
    assert.deepEqual(codes({ layers: [layerFromRules('settings', { SC2154: 'error' })] }), ['SC2154 error', 'SC2086 info']);
    assert.deepEqual(codes({ layers: [layerFromRules('settings', { shellcheck: 'off' })] }), []);
  });
});
