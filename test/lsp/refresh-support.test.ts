// A client that pulls diagnostics but refuses (or never declared) workspace/diagnostic/refresh must not take the
// server down: a settings change asks for a refresh, and an unanswered or failed request used to crash the process.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { SERVER } from '../helpers/lspClient';

async function session(refreshSupport: boolean) {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
  const connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  let refreshes = 0;
  connection.onRequest('workspace/diagnostic/refresh', () => {
    refreshes++;
    return new ResponseError(-32601, 'refresh is not supported here');
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, ...(refreshSupport ? { diagnostics: { refreshSupport: true } } : {}) }, textDocument: { diagnostic: {} } },
  });
  await connection.sendNotification('initialized', {});
  let exited = false;
  proc.on('exit', () => (exited = true));
  return { proc, connection, refreshes: () => refreshes, exited: () => exited };
}

describe('diagnostics refresh', () => {
  for (const refreshSupport of [true, false]) {
    it(`${refreshSupport ? 'a refused refresh request' : 'a client without refresh support'}: the server stays up and answers`, async () => {
      const s = await session(refreshSupport);
      try {
        await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: { stevedore: { rules: { 'merge-run': 'off' } } } });
        await new Promise((r) => setTimeout(r, 1500));
        assert.equal(s.exited(), false, 'the server exited');
        assert.equal(s.refreshes() > 0, refreshSupport, 'refresh is asked only of clients that support it');
        const uri = 'file:///tmp/refresh/Dockerfile';
        await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM debian:latest\n' } });
        const report = (await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Array<{ code: string }> };
        assert.ok(report.items.some((d) => d.code === 'latest-tag'), JSON.stringify(report.items));
      } finally {
        s.proc.kill();
        s.connection.dispose();
      }
    });
  }
});
