// ShellCheck in the language server (real dist/server.js, real shellcheck): the pull answers at once with our own
// findings, then a workspace/diagnostic/refresh brings ShellCheck's (wiki link, SC code, quick fix); push clients
// get a second push; without the binary one information message per session and the other findings as usual.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { applyEdits } from '../../server/src/core/fixes';
import { TestClient } from '../helpers/lspClient';

const TEXT = 'FROM debian:12\nARG APP_DIR=/opt/app\nRUN mkdir -p $APP_DIR\nRUN apt-get update\n';

describe('ShellCheck in the language server', () => {
  let dir: string;
  const uriOf = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return pathToFileURL(file).toString();
  };
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-lsp-shellcheck-'));
    fs.writeFileSync(path.join(dir, '.dockerignore'), '.git\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('pull: our findings first, ShellCheck\'s after a refresh, with its wiki link and quick fix', async () => {
    const client = await TestClient.start({ initializationOptions: { traceAnalyses: true } });
    try {
      const uri = uriOf('Dockerfile.pull', TEXT);
      const refreshes = client.refreshes;
      client.open(uri, TEXT);
      const first = await client.diagnostics(uri);
      assert.ok(first.some((d) => d.code === 'merge-run'), 'our own findings in the first answer');
      assert.deepEqual(first.filter((d) => d.code === 'shellcheck'), [], 'the first answer does not wait for ShellCheck');
      await client.waitForRefresh(refreshes);
      const diags = (await client.diagnostics(uri)).filter((d) => d.code === 'shellcheck');
      assert.equal(diags.length, 1);
      const [sc] = diags;
      assert.deepEqual(sc.range, { start: { line: 2, character: 13 }, end: { line: 2, character: 21 } });
      assert.equal(sc.severity, 3);
      assert.match(sc.message, /Double quote to prevent globbing and word splitting\. \(SC2086\)/);
      assert.equal(sc.codeDescription.href, 'https://www.shellcheck.net/wiki/SC2086');
      const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: sc.range, context: { diagnostics: [sc], only: ['quickfix'] } });
      const fix = actions.find((a) => a.title === "Apply ShellCheck's fix (SC2086)");
      assert.ok(fix, `actions: ${actions.map((a) => a.title)}`);
      const edits = fix.edit.documentChanges ? fix.edit.documentChanges.flatMap((c: any) => c.edits) : fix.edit.changes[uri];
      assert.equal(applyEdits(TEXT, edits), 'FROM debian:12\nARG APP_DIR=/opt/app\nRUN mkdir -p "$APP_DIR"\nRUN apt-get update\n');
      // The re-analysis found every answer cached: no second ShellCheck run for this version.
      assert.equal(client.messages.filter((m) => /^shellcheck \w+: .*Dockerfile\.pull/.test(m)).length, 1);
    } finally {
      await client.stop();
    }
  });

  it('ShellCheck\'s answers update the analysis without analysing the file again, as a fresh analysis would show them', async () => {
    const client = await TestClient.start({ initializationOptions: { traceAnalyses: true } });
    try {
      // SC2086 twice; the second is silenced by a pragma, which the rule's rerun must honour too.
      const text = 'FROM debian:12\nARG DIR=/opt\nRUN mkdir -p $DIR && [[ -d /x ]]\n# hadolint ignore=SC2086\nRUN ls $DIR\nUSER nobody\n';
      const uri = uriOf('Dockerfile.rerun', text);
      const refreshes = client.refreshes;
      client.open(uri, text);
      await client.diagnostics(uri);
      await client.waitForRefresh(refreshes);
      const updated = await client.diagnostics(uri);
      const label = /Dockerfile\.rerun v1/;
      assert.equal(client.messages.filter((m) => m.startsWith('analysis started') && label.test(m)).length, 1, client.messages.join('\n'));
      const codes = (ds: any[]) => ds.filter((d) => d.code === 'shellcheck').map((d) => `${d.range.start.line}:${d.message.replace(/^.*\((SC\d+)\)$/, '$1')}`);
      assert.deepEqual(codes(updated), ['2:SC2086', '2:SC3010']);
      // The same text opened afresh (ShellCheck's answers cached): the same diagnostics in the same order.
      const again = uriOf('Dockerfile.rerun-again', text);
      client.open(again, text);
      const fresh = await client.diagnostics(again);
      const shape = (ds: any[]) => ds.map((d) => [d.code, d.severity, d.message, JSON.stringify(d.range)].join('|'));
      assert.deepEqual(shape(updated), shape(fresh));
    } finally {
      await client.stop();
    }
  });

  it('push: a second push carries ShellCheck\'s findings', async () => {
    const client = await TestClient.start({ pull: false });
    try {
      const text = 'FROM debian:12\nRUN echo $1 && [[ -d /x ]]\n';
      const uri = uriOf('Dockerfile.push', text);
      client.open(uri, text);
      let diags = await client.waitForPush(uri, 1);
      while (!diags.some((d) => d.code === 'shellcheck')) {
        client.pushed.delete(uri);
        diags = await client.waitForPush(uri, 1);
      }
      assert.deepEqual(diags.filter((d) => d.code === 'shellcheck').map((d) => d.message.replace(/^.*\((SC\d+)\)$/, '$1')), ['SC2086', 'SC3010']);
    } finally {
      await client.stop();
    }
  });

  it('a client that fails the information message request does not take the server down', async () => {
    const client = await TestClient.start({ settings: { shellcheck: { path: path.join(dir, 'no-such-shellcheck') } }, failMessageRequests: true, initializationOptions: { traceAnalyses: true } });
    try {
      const text = 'FROM debian:12\nRUN echo $failing_client\n';
      const uri = uriOf('Dockerfile.fail', text);
      client.open(uri, text);
      await client.diagnostics(uri);
      await client.waitForMessage(/ShellCheck was not found/);
      // Answered after the failed request: the server is still there.
      await new Promise((r) => setTimeout(r, 200));
      const diags = await client.diagnostics(uri);
      assert.ok(diags.some((d) => d.code === 'root-user'), diags.map((d) => d.code).join());
      assert.equal(client.proc.exitCode, null);
      assert.deepEqual(client.messages.filter((m) => /unexpected error/.test(m)), [], 'nothing went unhandled');
    } finally {
      await client.stop();
    }
  });

  it('a server that exits stops its ShellCheck process under way (it is not left running, re-parented to init)', async () => {
    const pidFile = path.join(dir, 'stuck.pid');
    const stuck = path.join(dir, 'stuck-shellcheck');
    fs.writeFileSync(stuck, `#!/bin/sh\necho $$ > ${JSON.stringify(pidFile)}\nexec sleep 30\n`, { mode: 0o755 });
    const client = await TestClient.start({ settings: { shellcheck: { path: stuck } } });
    const text = 'FROM debian:12\nRUN echo $stuck_case\n';
    const uri = uriOf('Dockerfile.exit', text);
    client.open(uri, text);
    await client.diagnostics(uri);
    while (!fs.existsSync(pidFile) || !fs.readFileSync(pidFile, 'utf8').trim()) await new Promise((r) => setTimeout(r, 10));
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    assert.ok(alive(), 'ShellCheck runs while the server does');
    await client.stop();
    for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(alive(), false, `process ${pid} still runs after the server exited`);
  });

  it('without the binary: one information message per session, our findings as usual', async () => {
    const client = await TestClient.start({ settings: { shellcheck: { path: path.join(dir, 'no-such-shellcheck') } }, initializationOptions: { traceAnalyses: true } });
    try {
      for (const name of ['Dockerfile.a', 'Dockerfile.b']) {
        const text = `FROM debian:12\nRUN echo $x ${name}\n`;
        const uri = uriOf(name, text);
        client.open(uri, text);
        const diags = await client.diagnostics(uri);
        assert.ok(diags.some((d) => d.code === 'root-user'), `our own findings: ${diags.map((d) => d.code)}`);
        assert.deepEqual(diags.filter((d) => d.code === 'shellcheck'), []);
        await client.waitForMessage(new RegExp(`^shellcheck missing: .*${name.replace('.', '\\.')}`));
      }
      const told = client.messages.filter((m) => /ShellCheck was not found/.test(m));
      assert.equal(told.length, 1);
      assert.match(told[0], /apt-get install shellcheck.*stevedore\.shellcheck\.path/);
    } finally {
      await client.stop();
    }
  });
});
