// The fuzzer's hostile Dockerfiles against one long-lived server (dist/server.js): every request type answers
// without an error and within a second, and the server keeps analyzing ordinary Dockerfiles afterwards.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyEdits } from '../../server/src/core/fixes';
import { TestClient } from '../helpers/lspClient';

const HOSTILE: Record<string, string> = {
  'pipe chain of 14,000 stages': 'FROM a\nRUN a -f' + ' | a'.repeat(14_000),
  'indented RUN with a variable and no FROM': ' RUN $x',
  '100,000-line continuation': 'FROM debian:12\nRUN apt-get install \\\n' + '  pkg \\\n'.repeat(100_000) + '  last\n',
  'lone CR line endings': 'FROM python:3\r\rRUN pip install x',
};

// The requirement is 1 s on an idle server (measured here after a warm-up: 20-600 ms). The test machine runs many
// suites at once on two cores, so the assertion allows twice that; the times are logged.
const BOUND_MS = 2000;

function applyToDoc(edit: any, uri: string, text: string): string {
  if (edit.changes) return applyEdits(text, edit.changes[uri] ?? []);
  return applyEdits(text, (edit.documentChanges as any[]).filter((c) => c.textDocument?.uri === uri).flatMap((c) => c.edits));
}

describe('language server on hostile Dockerfiles', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
    const warm = 'file:///warm/Dockerfile';
    client.open(warm, 'FROM debian:12\nRUN apt-get install curl | tee /log\n');
    await client.diagnostics(warm);
  });
  after(() => client.stop());

  async function healthy(): Promise<void> {
    const uri = `file:///healthy/${Math.random()}/Dockerfile`;
    client.open(uri, 'FROM debian:12\nRUN apt-get install hi\n');
    const codes = (await client.diagnostics(uri)).map((d) => d.code);
    assert.ok(codes.includes('apt-missing-yes'), `ordinary Dockerfile still analyzed: ${codes}`);
  }

  for (const [name, text] of Object.entries(HOSTILE)) {
    it(`${name}: every request answers without error within the bound`, async () => {
      const uri = `file:///hostile/${encodeURIComponent(name)}/Dockerfile`;
      client.open(uri, text);
      const at = { line: 1, character: 1 };
      const document = { textDocument: { uri } };
      const requests: Array<[string, () => Promise<unknown>]> = [
        ['diagnostic', () => client.diagnostics(uri)],
        ['hover', () => client.request('textDocument/hover', { ...document, position: at })],
        ['hover at 0:2', () => client.request('textDocument/hover', { ...document, position: { line: 0, character: 2 } })],
        ['codeAction', () => client.request('textDocument/codeAction', { ...document, range: { start: { line: 0, character: 0 }, end: at }, context: { diagnostics: [] } })],
        ['codeLens', () => client.request('textDocument/codeLens', document)],
        ['documentSymbol', () => client.request('textDocument/documentSymbol', document)],
        ['foldingRange', () => client.request('textDocument/foldingRange', document)],
        ['completion', () => client.request('textDocument/completion', { ...document, position: at })],
      ];
      const times: string[] = [];
      for (const [method, send] of requests) {
        const started = Date.now();
        await send();
        times.push(`${method} ${Date.now() - started} ms`);
        assert.ok(Date.now() - started < BOUND_MS, times.join(', '));
      }
      console.log(`${name}: ${times.join(', ')}`);
      await healthy();
    });
  }

  it('the 14,000-stage pipe chain is reported as not fully analyzed, on its RUN', async () => {
    const uri = 'file:///hostile/pipes-report/Dockerfile';
    client.open(uri, HOSTILE['pipe chain of 14,000 stages']);
    const skipped = (await client.diagnostics(uri)).filter((d) => d.code === 'analysis-incomplete');
    assert.deepEqual(skipped.map((d) => [d.message, d.range.start.line]), [['Instruction too large to analyze (55 KB); it was not checked', 1]]);
  });

  it('` RUN $x` gets its syntax finding and the RUN hover', async () => {
    const uri = 'file:///hostile/run-x/Dockerfile';
    client.open(uri, ' RUN $x');
    const diagnostics = await client.diagnostics(uri);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'syntax').map((d) => d.message), ['No source image provided with `FROM`']);
    const hover: any = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
    assert.match(hover.contents.value, /Execute any commands/);
  });

  it('stages built from each other: completion of a COPY destination answers (dockerfile-ast looped forever)', async () => {
    const uri = 'file:///hostile/stage-cycle/Dockerfile';
    client.open(uri, 'FROM b AS a\nFROM a AS b\nWORKDIR /x\nCOPY . ');
    const completion = client.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 7 } });
    const hung = new Promise((_, reject) => setTimeout(() => reject(new Error('no answer in 5 s')), 5000).unref());
    const items: any = await Promise.race([completion, hung]);
    assert.ok((Array.isArray(items) ? items : items.items).some((i: any) => i.label === '/x/'));
    await healthy();
  });

  it('lone CR line endings: the ignore pragma lands above the instruction, with the file\'s line ending', async () => {
    const uri = 'file:///hostile/lone-cr/Dockerfile';
    const text = 'FROM debian:12\r\rRUN apt-get install curl\r';
    client.open(uri, text);
    const yes = (await client.diagnostics(uri)).find((d) => d.code === 'apt-missing-yes');
    assert.deepEqual(yes.range.start, { line: 2, character: 12 });
    const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: yes.range, context: { diagnostics: [yes] } });
    const ignore = actions.find((a) => a.title === 'Ignore apt-missing-yes for this instruction');
    assert.equal(applyToDoc(ignore.edit, uri, text), 'FROM debian:12\r\r# stevedore ignore=apt-missing-yes\rRUN apt-get install curl\r');
    const fix = actions.find((a) => a.kind === 'quickfix' && a !== ignore && a.diagnostics?.[0]?.code === 'apt-missing-yes');
    assert.equal(applyToDoc(fix.edit, uri, text), 'FROM debian:12\r\rRUN apt-get install -y curl\r');
  });
});
