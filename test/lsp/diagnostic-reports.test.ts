// Pulled diagnostics carry result ids: a client that sends the id of the report it holds gets `unchanged` when the
// new version's diagnostics are the same, and the whole list when they are not, when its id is not the latest, or
// after the document was closed. What the client shows must never go stale.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestClient } from '../helpers/lspClient';

interface Report {
  kind: 'full' | 'unchanged';
  resultId?: string;
  items?: Array<{ code: string; range: { start: { line: number } } }>;
}

describe('diagnostic reports with result ids', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  const uri = 'file:///tmp/reports/Dockerfile';
  const pull = (previousResultId?: string) => client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) }) as Promise<Report>;
  const codes = (r: Report) => (r.items ?? []).map((d) => `${d.code}@${d.range.start.line}`).sort();

  it('answers unchanged only for the latest report and the same diagnostics', async () => {
    client.open(uri, 'FROM debian:latest\nWORKDIR /src\nRUN apt-get update\n');
    const first = await pull();
    assert.equal(first.kind, 'full');
    assert.ok(first.resultId, 'a full report has a result id');
    assert.ok(codes(first).includes('latest-tag@0'), JSON.stringify(codes(first)));

    // An edit that changes no finding: unchanged, under the same id; asked again, the same.
    client.change(uri, 'FROM debian:latest\nWORKDIR /srv\nRUN apt-get update\n');
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });

    // An edit that adds a finding: the whole list under a new id, with the new finding.
    client.change(uri, 'FROM debian:latest\nWORKDIR srv\nRUN apt-get update\n');
    const second = await pull(first.resultId);
    assert.equal(second.kind, 'full');
    assert.notEqual(second.resultId, first.resultId);
    assert.ok(codes(second).includes('workdir-relative@1'), JSON.stringify(codes(second)));

    // The edit undone: its diagnostics equal the first report's, but the client holds the second: the whole list.
    client.change(uri, 'FROM debian:latest\nWORKDIR /srv\nRUN apt-get update\n');
    const third = await pull(second.resultId);
    assert.equal(third.kind, 'full');
    assert.deepEqual(codes(third), codes(first));
    // A client that still holds the first report (it lost the later ones) gets the whole list too.
    const stale = await pull(first.resultId);
    assert.equal(stale.kind, 'full');
    assert.deepEqual(codes(stale), codes(first));
    // No id: the whole list.
    assert.equal((await pull()).kind, 'full');
  });

  it('a closed document starts over with a full report', async () => {
    const held = await pull();
    client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    client.open(uri, 'FROM debian:latest\nWORKDIR /srv\nRUN apt-get update\n');
    const reopened = await pull(held.resultId);
    assert.equal(reopened.kind, 'full');
    assert.deepEqual(codes(reopened), codes(held));
  });
});
