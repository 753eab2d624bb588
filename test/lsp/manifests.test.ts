// The language server on Kubernetes YAML: only documents with apiVersion and kind are checked.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { applyEdits } from '../../server/src/core/fixes';
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

  it('an ignore pragma above a container silences the rule for that container only', async () => {
    const uri = pathToFileURL(path.join(dir, 'pod.yaml')).toString();
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx\n    - name: b\n      image: redis\n';
    client.open(uri, text, 'yaml');
    const diags = (await client.diagnostics(uri)).filter((d) => d.code === 'image-latest');
    assert.deepEqual(diags.map((d) => d.range.start.line), [7, 9]);
    const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: diags[0].range, context: { diagnostics: [diags[0]] } });
    const ignore = actions.find((a) => a.title === 'Ignore image-latest for this entry');
    assert.ok(ignore, actions.map((a) => a.title).join(', '));
    const edits = ignore.edit.documentChanges.flatMap((c: any) => c.edits);
    const fixed = applyEdits(text, edits);
    assert.equal(fixed, text.replace('      image: nginx\n', '      # stevedore ignore=image-latest\n      image: nginx\n'));
    client.change(uri, fixed);
    const after = (await client.diagnostics(uri)).filter((d) => d.code === 'image-latest');
    assert.deepEqual(after.map((d) => d.range.start.line), [10]);
  });
});
