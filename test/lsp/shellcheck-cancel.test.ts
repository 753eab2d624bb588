// The language server's ShellCheck scheduling (lsp/shellcheck.ts) without a server: ShellCheck starts once the
// document has been quiet, for its last analysis only; a newer analysis of the same document stops the older one's
// process when none of its RUNs are still wanted, and waits for it (asking only about the RUNs it was not given) when
// they are; answers trigger one refresh for a current analysis only; an analysis whose RUNs are all answered starts
// nothing.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildModel } from '../../server/src/core/dockerfile/model';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { LspShellcheck, QUIET_MS } from '../../server/src/lsp/shellcheck';

const NO_CONFIG = { layers: [] };

describe('LspShellcheck', () => {
  let dir: string;
  before(async () => {
    await initShellParser();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-lsp-shellcheck-unit-'));
    fs.writeFileSync(path.join(dir, 'stuck'), '#!/bin/sh\nsleep 30\n', { mode: 0o755 });
    // ShellCheck after a pause, logging the files it is given (its arguments after the three options).
    fs.writeFileSync(path.join(dir, 'slow'), `#!/bin/sh\nsleep 0.5\nshift 3\necho "$*" >> ${JSON.stringify(path.join(dir, 'slow.log'))}\nexec shellcheck --format=json1 --norc "$@"\n`, { mode: 0o755 });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a newer analysis of the document stops the older one\'s ShellCheck', async () => {
    const answered: string[] = [];
    const sc = new LspShellcheck({ notify: () => undefined, answered: (uri) => answered.push(uri) }, { timeoutMs: 20_000 });
    const older = sc.analyzed('file:///a/Dockerfile', buildModel('FROM debian:12\nRUN echo $old_one\n'), NO_CONFIG, path.join(dir, 'stuck'), () => true);
    // Once its process runs (the input files are written first).
    while (sc.spawns < 1) await new Promise((r) => setTimeout(r, 5));
    const newer = sc.analyzed('file:///a/Dockerfile', buildModel('FROM debian:12\nRUN echo $new_one\n'), NO_CONFIG, path.join(dir, 'stuck'), () => true);
    assert.equal(await older, 'cancelled');
    sc.cancel('file:///a/Dockerfile');
    assert.equal(await newer, 'cancelled');
    assert.deepEqual(answered, []);
    assert.equal(sc.spawns, 2);
  });

  it('analyses in quick succession start one process, for the last one\'s RUNs, once the document is quiet', async () => {
    const answered: string[] = [];
    const sc = new LspShellcheck({ notify: () => undefined, answered: (uri) => answered.push(uri) }, { timeoutMs: 20_000 });
    const log = path.join(dir, 'slow.log');
    fs.rmSync(log, { force: true });
    const doc = (last: string) => `FROM debian:12\nRUN echo $quiet_one\nRUN echo ${last}\n`;
    const t0 = performance.now();
    const first = sc.analyzed('file:///q/Dockerfile', buildModel(doc('$quiet_a')), NO_CONFIG, path.join(dir, 'slow'), () => false);
    const second = sc.analyzed('file:///q/Dockerfile', buildModel(doc('$quiet_b')), NO_CONFIG, path.join(dir, 'slow'), () => false);
    const last = sc.analyzed('file:///q/Dockerfile', buildModel(doc('$quiet_c')), NO_CONFIG, path.join(dir, 'slow'), () => true);
    assert.equal(await first, 'cancelled');
    assert.equal(await second, 'cancelled');
    assert.equal(sc.spawns, 0, 'nothing started before the quiet period');
    assert.equal(await last, 'done');
    assert.ok(performance.now() - t0 >= QUIET_MS, 'started after the quiet period');
    assert.equal(sc.spawns, 1);
    assert.deepEqual(fs.readFileSync(log, 'utf8').trim().split('\n'), ['run-1.sh run-2.sh'], 'the last analysis\'s two RUNs, once');
    assert.deepEqual(answered, ['file:///q/Dockerfile']);
    // Closed while waiting: nothing starts.
    const closed = sc.analyzed('file:///q2/Dockerfile', buildModel(doc('$quiet_closed')), NO_CONFIG, path.join(dir, 'slow'), () => true);
    sc.cancel('file:///q2/Dockerfile');
    assert.equal(await closed, 'cancelled');
    // No longer current when the period ends (its newer analysis has not reported yet): nothing starts either.
    assert.equal(await sc.analyzed('file:///q3/Dockerfile', buildModel(doc('$quiet_stale')), NO_CONFIG, path.join(dir, 'slow'), () => false), 'cancelled');
    assert.equal(sc.spawns, 1);
  });

  it('a newer analysis that shares RUNs with the older one waits for its process and asks only about the new RUN', async () => {
    const answered: string[] = [];
    // Without the quiet period, so that the older analysis's process is under way when the newer one comes.
    const sc = new LspShellcheck({ notify: () => undefined, answered: (uri) => answered.push(uri) }, { timeoutMs: 20_000, quietMs: 0 });
    fs.rmSync(path.join(dir, 'slow.log'), { force: true });
    const doc = (last: string) => `FROM debian:12\nRUN echo $shared_one\nRUN echo $shared_two\nRUN echo ${last}\n`;
    let current = 1;
    const older = sc.analyzed('file:///s/Dockerfile', buildModel(doc('$first')), NO_CONFIG, path.join(dir, 'slow'), () => current === 1);
    current = 2;
    const newer = sc.analyzed('file:///s/Dockerfile', buildModel(doc('$second')), NO_CONFIG, path.join(dir, 'slow'), () => current === 2);
    assert.equal(await older, 'done', 'the older process was not stopped');
    assert.equal(await newer, 'done');
    assert.equal(sc.spawns, 2);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'slow.log'), 'utf8').trim().split('\n').sort(), ['run-1.sh', 'run-1.sh run-2.sh run-3.sh']);
    assert.deepEqual(answered, ['file:///s/Dockerfile'], 'one refresh, for the current version');
    assert.equal(await sc.analyzed('file:///s/Dockerfile', buildModel(doc('$second')), NO_CONFIG, path.join(dir, 'slow'), () => true), 'cached');
  });

  it('answers refresh a current analysis once; then nothing is left to run', async () => {
    const answered: string[] = [];
    const sc = new LspShellcheck({ notify: () => undefined, answered: (uri) => answered.push(uri) }, { timeoutMs: 60_000 });
    const model = buildModel('FROM debian:12\nRUN echo $lsp_unit_case\n');
    assert.equal(await sc.analyzed('file:///b/Dockerfile', model, NO_CONFIG, '', () => true), 'done');
    assert.deepEqual(answered, ['file:///b/Dockerfile']);
    assert.equal(await sc.analyzed('file:///b/Dockerfile', model, NO_CONFIG, '', () => true), 'cached');
    assert.equal(sc.spawns, 1);
    const stale = buildModel('FROM debian:12\nRUN echo $lsp_unit_stale\n');
    assert.equal(await sc.analyzed('file:///b/Dockerfile', stale, NO_CONFIG, '', () => false), 'cancelled');
    assert.equal(sc.spawns, 1, 'no process for an analysis that is no longer current');
    assert.deepEqual(answered, ['file:///b/Dockerfile'], 'no refresh for an analysis that is no longer current');
  });

  it('the rule turned off: no ShellCheck at all', async () => {
    const sc = new LspShellcheck({ notify: () => undefined, answered: () => undefined });
    const config = { layers: [{ source: 'settings', rules: [['shellcheck', 'off']] as Array<[string, 'off']> }] };
    assert.equal(await sc.analyzed('file:///c/Dockerfile', buildModel('FROM debian:12\nRUN echo $off_case\n'), config, '', () => true), 'cached');
    assert.equal(sc.spawns, 0);
  });
});
