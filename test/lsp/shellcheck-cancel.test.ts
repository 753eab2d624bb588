// The language server's ShellCheck scheduling (lsp/shellcheck.ts) without a server: a newer analysis of the same
// document stops the older one's process; answers trigger one refresh for a current analysis only; an analysis
// whose RUNs are all answered starts nothing.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildModel } from '../../server/src/core/dockerfile/model';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { LspShellcheck } from '../../server/src/lsp/shellcheck';

const NO_CONFIG = { layers: [] };

describe('LspShellcheck', () => {
  let dir: string;
  before(async () => {
    await initShellParser();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-lsp-shellcheck-unit-'));
    fs.writeFileSync(path.join(dir, 'stuck'), '#!/bin/sh\nsleep 30\n', { mode: 0o755 });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a newer analysis of the document stops the older one\'s ShellCheck', async () => {
    const answered: string[] = [];
    const sc = new LspShellcheck({ notify: () => undefined, answered: (uri) => answered.push(uri) }, { timeoutMs: 20_000 });
    const older = sc.analyzed('file:///a/Dockerfile', buildModel('FROM debian:12\nRUN echo $old_one\n'), NO_CONFIG, path.join(dir, 'stuck'), () => true);
    const newer = sc.analyzed('file:///a/Dockerfile', buildModel('FROM debian:12\nRUN echo $new_one\n'), NO_CONFIG, path.join(dir, 'stuck'), () => true);
    assert.equal(await older, 'cancelled');
    sc.cancel('file:///a/Dockerfile');
    assert.equal(await newer, 'cancelled');
    assert.deepEqual(answered, []);
    assert.equal(sc.spawns, 2);
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
    assert.equal(await sc.analyzed('file:///b/Dockerfile', stale, NO_CONFIG, '', () => false), 'done');
    assert.deepEqual(answered, ['file:///b/Dockerfile'], 'no refresh for an analysis that is no longer current');
  });

  it('the rule turned off: no ShellCheck at all', async () => {
    const sc = new LspShellcheck({ notify: () => undefined, answered: () => undefined });
    const config = { layers: [{ source: 'settings', rules: [['shellcheck', 'off']] as Array<[string, 'off']> }] };
    assert.equal(await sc.analyzed('file:///c/Dockerfile', buildModel('FROM debian:12\nRUN echo $off_case\n'), config, '', () => true), 'cached');
    assert.equal(sc.spawns, 0);
  });
});
