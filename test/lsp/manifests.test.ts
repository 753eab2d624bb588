// The language server on Kubernetes YAML: only documents with apiVersion and kind are checked.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../helpers/lspClient';

describe('language server on manifests', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-lsp-k8s-'));
    client = await TestClient.start({ folders: [dir] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports YAML errors in a manifest with their position', async () => {
    const uri = pathToFileURL(path.join(dir, 'cm.yaml')).toString();
    client.open(uri, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1\n', 'yaml');
    const diags = await client.diagnostics(uri);
    assert.deepEqual(diags.map((d) => [d.code, d.range.start.line]), [['yaml-syntax', 6]]);
  });

  it('leaves other YAML alone', async () => {
    const uri = pathToFileURL(path.join(dir, 'ci.yml')).toString();
    client.open(uri, 'on: push\njobs: [\n', 'yaml');
    assert.deepEqual(await client.diagnostics(uri), []);
  });

  it('completes ConfigMap keys from the schema, not Dockerfile instructions', async () => {
    const uri = pathToFileURL(path.join(dir, 'x.yaml')).toString();
    client.open(uri, 'apiVersion: v1\nkind: ConfigMap\nda', 'yaml');
    const items: any = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 2 } });
    const labels = (Array.isArray(items) ? items : items?.items ?? []).map((i: any) => i.label);
    assert.ok(labels.includes('data'), labels.join(','));
    assert.ok(!labels.some((l: string) => l.startsWith('WORKDIR')), labels.join(','));
  });
});
