// Language server over stdio: the real dist/server.js, driven the way an editor drives it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { applyEdits } from '../../server/src/core/fixes';
import { TestClient } from '../helpers/lspClient';

const DOCKERFILE = 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install curl\nUSER nobody\nCMD ["bash"]\n';

/** Applies the edits a WorkspaceEdit makes to one document. */
function applyToDoc(edit: any, uri: string, text: string): string {
  if (edit.changes) return applyEdits(text, edit.changes[uri] ?? []);
  const edits = (edit.documentChanges as any[]).filter((c) => c.textDocument?.uri === uri).flatMap((c) => c.edits);
  return applyEdits(text, edits);
}

describe('language server', () => {
  let client: TestClient;
  let dir: string;
  let uri: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-lsp-'));
    fs.writeFileSync(path.join(dir, '.dockerignore'), '.git\n');
    uri = pathToFileURL(path.join(dir, 'Dockerfile')).toString();
    client = await TestClient.start();
    client.open(uri, DOCKERFILE);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes diagnostics with rule id, source, docs link, range and data', async () => {
    const diags = await client.diagnostics(uri);
    const merge = diags.find((d) => d.code === 'merge-run');
    assert.ok(merge, `merge-run among ${diags.map((d) => d.code)}`);
    assert.equal(merge.source, 'stevedore');
    assert.match(merge.codeDescription.href, /rules\.md#merge-run$/);
    assert.deepEqual(merge.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } });
    assert.equal(merge.severity, 2);
    assert.deepEqual(merge.data, { line: 1 });
    const yes = diags.find((d) => d.code === 'apt-missing-yes');
    assert.deepEqual(yes.range, { start: { line: 2, character: 12 }, end: { line: 2, character: 19 } });
  });

  it('offers the merge quick fix whose edit gives the merged Dockerfile', async () => {
    const diags = await client.diagnostics(uri);
    const merge = diags.find((d) => d.code === 'merge-run');
    const actions: any[] = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: merge.range,
      context: { diagnostics: [merge], only: ['quickfix'] },
    });
    const action = actions.find((a) => a.title === 'Merge RUN instructions');
    assert.ok(action, `actions: ${actions.map((a) => a.title)}`);
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, true);
    assert.equal(
      applyToDoc(action.edit, uri, DOCKERFILE),
      'FROM debian:12-slim\nRUN apt-get update && \\\n    apt-get install curl\nUSER nobody\nCMD ["bash"]\n',
    );
    const ignore = actions.find((a) => a.title === 'Ignore merge-run for this instruction');
    assert.equal(applyToDoc(ignore.edit, uri, DOCKERFILE), 'FROM debian:12-slim\nRUN apt-get update\n# stevedore ignore=merge-run\nRUN apt-get install curl\nUSER nobody\nCMD ["bash"]\n');
  });

  it('source.fixAll.stevedore applies every safe fix at once', async () => {
    const actions: any[] = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.stevedore'] },
    });
    assert.equal(actions.length, 1);
    const once = applyToDoc(actions[0].edit, uri, DOCKERFILE);
    // Overlapping fixes wait for the next round, as they do with `stevedore lint --fix`.
    assert.ok(once.includes('apt-get install -y curl') || once.includes('apt-get update && \\'), once);
  });

  it('a suppression pragma silences the rule on the next instruction', async () => {
    const u = pathToFileURL(path.join(dir, 'Dockerfile.pragma')).toString();
    client.open(u, 'FROM debian:12-slim\nRUN echo a\n# hadolint ignore=DL3059\nRUN echo b\nUSER nobody\n');
    assert.deepEqual((await client.diagnostics(u)).map((d) => d.code), []);
  });

  it('hover explains the finding under the cursor and documents instructions', async () => {
    const onFinding: any = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } });
    assert.equal(onFinding.contents.kind, 'markdown');
    assert.match(onFinding.contents.value, /\*\*merge-run\*\* \(DL3059\)/);
    assert.match(onFinding.contents.value, /Every RUN adds a layer/);
    const onCmd: any = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 1 } });
    assert.match(onCmd.contents.value, /defaults for an executing container/);
  });

  it('shows a CodeLens above each FROM with the stage and its layer count', async () => {
    const lenses: any[] = await client.request('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].range.start.line, 0);
    assert.equal(lenses[0].command.title, 'stage 0 · final image · 2 layers');
  });

  it('completes instructions', async () => {
    const u = pathToFileURL(path.join(dir, 'Dockerfile.complete')).toString();
    client.open(u, 'FROM alpine:3.20\nWORK');
    const items: any = await client.request('textDocument/completion', { textDocument: { uri: u }, position: { line: 1, character: 4 } });
    const labels = (Array.isArray(items) ? items : items.items).map((i: any) => i.label);
    assert.ok(labels.some((l: string) => l.startsWith('WORKDIR')), labels.join(','));
    const u2 = pathToFileURL(path.join(dir, 'Dockerfile.stages')).toString();
    client.open(u2, 'FROM golang:1.22 AS builder\nFROM alpine:3.20\nCOPY --from=');
    const stages: any = await client.request('textDocument/completion', { textDocument: { uri: u2 }, position: { line: 2, character: 12 } });
    assert.deepEqual((Array.isArray(stages) ? stages : stages.items).map((i: any) => i.label), ['builder']);
  });

  it('the missing-.dockerignore fix creates the file with entries for what the context holds', async () => {
    const sub = path.join(dir, 'svc');
    fs.mkdirSync(path.join(sub, '.git'), { recursive: true });
    fs.mkdirSync(path.join(sub, 'node_modules'), { recursive: true });
    fs.writeFileSync(path.join(sub, 'package.json'), '{"name":"svc"}\n');
    fs.writeFileSync(path.join(sub, '.env'), 'TOKEN=1\n');
    const u = pathToFileURL(path.join(sub, 'Dockerfile')).toString();
    const text = 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json ./\nRUN npm install\nCOPY . .\nUSER node\nCMD ["node", "index.js"]\n';
    client.open(u, text);
    const diag = (await client.diagnostics(u)).find((d) => d.code === 'missing-dockerignore');
    assert.ok(diag);
    const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri: u }, range: diag.range, context: { diagnostics: [diag] } });
    const create = actions.find((a) => a.edit?.documentChanges?.some((c: any) => c.kind === 'create'));
    assert.ok(create, actions.map((a) => a.title).join(', '));
    const target = pathToFileURL(path.join(sub, '.dockerignore')).toString();
    const changes = create.edit.documentChanges;
    assert.deepEqual(changes[0], { kind: 'create', uri: target, options: { ignoreIfExists: true } });
    const content: string = changes[1].edits[0].newText;
    assert.equal(changes[1].textDocument.uri, target);
    for (const entry of ['.git', 'node_modules', '.env', 'Dockerfile']) assert.match(content, new RegExp(`^(\\*\\*/)?${entry.replace('.', '\\.')}/?$`, 'm'), content);
  });

  it('offers "Convert to multi-stage build" on the FROM of a single-stage file', async () => {
    const u = pathToFileURL(path.join(dir, 'Dockerfile.go')).toString();
    const text = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/server ./cmd/server\nEXPOSE 8080\nCMD ["/out/server"]\n';
    client.open(u, text);
    const actions: any[] = await client.request('textDocument/codeAction', {
      textDocument: { uri: u },
      range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } },
      context: { diagnostics: [], only: ['refactor'] },
    });
    const convert = actions.find((a) => a.title === 'Convert to multi-stage build');
    assert.ok(convert, actions.map((a) => a.title).join(', '));
    assert.equal(convert.kind, 'refactor.rewrite');
    const out = applyToDoc(convert.edit, u, text);
    assert.deepEqual(out.match(/^FROM .*$/gm), ['FROM golang:1.22 AS build', 'FROM gcr.io/distroless/static-debian12:nonroot']);
    assert.match(out, /^COPY --from=build \/out\/server /m);
    assert.match(out, /^EXPOSE 8080$/m);
    // Not offered away from FROM, nor on a file that already has stages.
    const elsewhere: any[] = await client.request('textDocument/codeAction', {
      textDocument: { uri: u },
      range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } },
      context: { diagnostics: [], only: ['refactor'] },
    });
    assert.equal(elsewhere.find((a) => a.title === 'Convert to multi-stage build'), undefined);
  });

  it('hover on a FROM image lists its smaller variants with sizes', async () => {
    const u = pathToFileURL(path.join(dir, 'Dockerfile.py')).toString();
    client.open(u, 'FROM python:3.12\nUSER nobody\n');
    const h: any = await client.request('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 8 } });
    assert.match(h.contents.value, /python:3\.12-slim/);
    assert.match(h.contents.value, /MB/);
  });

  it('survives hostile input and keeps answering', async () => {
    const inputs = [
      Buffer.from(Array.from({ length: 4096 }, (_v, i) => (i * 7919) % 256)).toString('latin1'),
      'FROM alpine\nRUN echo ' + 'x'.repeat(1_000_000) + '\n',
      '\ufeffFROM alpine:3.20\r\nRUN echo a\r\nRUN echo b\r\n',
      'FROM alpine\nRUN "unterminated \\\n  `backtick $(( \n',
      'RUN <<EOF\n',
      '',
    ];
    for (const [i, text] of inputs.entries()) {
      const u = pathToFileURL(path.join(dir, `Dockerfile.junk${i}`)).toString();
      client.open(u, text);
      const diags = await client.diagnostics(u);
      assert.ok(Array.isArray(diags));
    }
    const bom = await client.diagnostics(pathToFileURL(path.join(dir, 'Dockerfile.junk2')).toString());
    assert.ok(bom.some((d) => d.code === 'merge-run' && d.range.start.line === 2), JSON.stringify(bom));
    assert.equal(client.proc.exitCode, null, 'server still running');
  });
});

describe('language server settings and push mode', () => {
  it('applies stevedore.rules from settings (by id and by hadolint alias)', async () => {
    const client = await TestClient.start({ settings: { rules: { 'merge-run': 'off', DL3014: 'error' } } });
    try {
      const uri = 'untitled:Dockerfile-1';
      client.open(uri, DOCKERFILE);
      const diags = await client.diagnostics(uri);
      assert.equal(diags.find((d) => d.code === 'merge-run'), undefined);
      assert.equal(diags.find((d) => d.code === 'apt-missing-yes')?.severity, 1);
    } finally {
      await client.stop();
    }
  });

  it('pushes diagnostics for the latest version when the client cannot pull', async () => {
    const client = await TestClient.start({ pull: false });
    try {
      const uri = 'untitled:Dockerfile-2';
      client.open(uri, 'FROM debian:12-slim\nRUN echo a\nUSER nobody\n');
      assert.deepEqual((await client.waitForPush(uri, 1)).map((d) => d.code), []);
      client.change(uri, 'FROM debian:12-slim\nRUN echo a\nRUN echo b\nUSER nobody\n');
      const diags = await client.waitForPush(uri, 2);
      assert.deepEqual(diags.map((d) => d.code), ['merge-run']);
    } finally {
      await client.stop();
    }
  });
});
