// Cross-file behaviour of the language server on manifests: the workspace scan, unsaved edits seen by other
// documents, a fix that edits another file, and the create-object actions.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { applyEdits } from '../../server/src/core/fixes';
import { parseManifest } from '../../server/src/core/k8s/parse';
import { TestClient } from '../helpers/lspClient';

const FIXTURE = path.resolve(__dirname, '../fixtures/k8s-app');
const DEPLOY_NO_CPU = fs.readFileSync(path.join(FIXTURE, 'deployment.yaml'), 'utf8').replace('              cpu: 250m\n', '');

/** Polls pull diagnostics until `check` accepts them (cross-file results settle after a refresh). */
async function eventually(client: TestClient, uri: string, check: (codes: string[]) => boolean): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const codes = (await client.diagnostics(uri)).map((d) => d.code);
    if (check(codes)) return codes;
    if (Date.now() > deadline) throw new Error(`diagnostics never settled: ${codes}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('language server across manifests', () => {
  let client: TestClient;
  let dir: string;
  const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).toString();

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-lsp-ws-'));
    for (const f of fs.readdirSync(FIXTURE)) fs.copyFileSync(path.join(FIXTURE, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, 'deployment.yaml'), DEPLOY_NO_CPU);
    client = await TestClient.start({ folders: [dir] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('valid manifests in the documentation style have no error-level finding', async () => {
    for (const name of ['service.yaml', 'ingress.yaml']) {
      client.open(uriOf(name), fs.readFileSync(path.join(dir, name), 'utf8'), 'yaml');
      const diags = await client.diagnostics(uriOf(name));
      assert.deepEqual(diags.filter((d) => d.severity === 1).map((d) => d.message), [], name);
    }
  });

  it('an HPA sees the Deployment on disk without cpu requests, and its fix edits that other file', async () => {
    const hpa = uriOf('hpa.yaml');
    client.open(hpa, fs.readFileSync(path.join(dir, 'hpa.yaml'), 'utf8'), 'yaml');
    await eventually(client, hpa, (codes) => codes.includes('hpa-cpu-without-requests'));
    const diag = (await client.diagnostics(hpa)).find((d) => d.code === 'hpa-cpu-without-requests');
    const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri: hpa }, range: diag.range, context: { diagnostics: [diag] } });
    const fix = actions.find((a) => a.diagnostics?.[0]?.code === 'hpa-cpu-without-requests' && !a.title.startsWith('Ignore'));
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    const other = fix.edit.documentChanges.find((c: any) => c.textDocument?.uri === uriOf('deployment.yaml'));
    assert.ok(other, 'the edit targets deployment.yaml');
    const fixed = applyEdits(DEPLOY_NO_CPU, other.edits);
    assert.match(fixed, /requests:\n {14}cpu: 100m\n {14}memory: 256Mi\n|requests:\n {14}memory: 256Mi\n {14}cpu: 100m\n/);
    assert.equal(parseManifest(fixed).objects.length, 1);
  });

  it('an unsaved edit to one manifest changes another one\'s findings', async () => {
    const svc = uriOf('service.yaml');
    const deploy = uriOf('deployment.yaml');
    await eventually(client, svc, (codes) => !codes.includes('service-selects-nothing'));
    client.open(deploy, DEPLOY_NO_CPU, 'yaml');
    client.change(deploy, DEPLOY_NO_CPU.replaceAll('app.kubernetes.io/name: web', 'app.kubernetes.io/name: webapp'));
    await eventually(client, svc, (codes) => codes.includes('service-selects-nothing'));
  });

  it('offers "Create HorizontalPodAutoscaler" on a Deployment that has none', async () => {
    const u = uriOf('worker.yaml');
    const text = DEPLOY_NO_CPU.replaceAll('web', 'worker');
    client.open(u, text, 'yaml');
    const actions: any[] = await client.request('textDocument/codeAction', {
      textDocument: { uri: u },
      range: { start: { line: 3, character: 2 }, end: { line: 3, character: 2 } },
      context: { diagnostics: [] },
    });
    const create = actions.find((a) => a.title === 'Create HorizontalPodAutoscaler');
    assert.ok(create, actions.map((a) => a.title).join(', '));
    const out = applyEdits(text, create.edit.documentChanges[0].edits);
    const kinds = parseManifest(out).objects.map((o) => `${o.kind}/${o.name}`);
    assert.deepEqual(kinds, ['Deployment/worker', 'HorizontalPodAutoscaler/worker']);
    // The web Deployment already has one (hpa.yaml), so it is not offered there.
    const web: any[] = await client.request('textDocument/codeAction', {
      textDocument: { uri: uriOf('deployment.yaml') },
      range: { start: { line: 3, character: 2 }, end: { line: 3, character: 2 } },
      context: { diagnostics: [] },
    });
    assert.equal(web.find((a) => a.title === 'Create HorizontalPodAutoscaler'), undefined);
  });

  it('hover on a key shows its schema description; on a quantity, its meaning', async () => {
    const u = uriOf('hover.yaml');
    const text = fs.readFileSync(path.join(FIXTURE, 'deployment.yaml'), 'utf8').replaceAll('web', 'hov');
    client.open(u, text, 'yaml');
    const lines = text.split('\n');
    const at = (needle: string, shift = 0) => {
      const line = lines.findIndex((l) => l.includes(needle));
      return { line, character: lines[line].indexOf(needle) + shift };
    };
    const onKey: any = await client.request('textDocument/hover', { textDocument: { uri: u }, position: at('image:', 1) });
    assert.match(onKey.contents.value, /image/i);
    assert.match(onKey.contents.value, /string/);
    const onCpu: any = await client.request('textDocument/hover', { textDocument: { uri: u }, position: at('250m', 1) });
    assert.match(onCpu.contents.value, /0\.25 CPU/);
  });

  it('completes schema keys and reference names', async () => {
    const u = uriOf('complete.yaml');
    const text = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: x\nspec:\n  defaultBackend:\n    service:\n      name: \n';
    client.open(u, text, 'yaml');
    const names: any = await client.request('textDocument/completion', { textDocument: { uri: u }, position: { line: 7, character: 12 } });
    const labels = (Array.isArray(names) ? names : names.items).map((i: any) => i.label);
    assert.ok(labels.includes('web'), labels.join(','));
    // A new key under `spec:` of the Ingress: the schema's keys not yet written.
    const u2 = uriOf('complete-keys.yaml');
    client.open(u2, 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: x\nspec:\n  ingressClassName: nginx\n  \n', 'yaml');
    const keys: any = await client.request('textDocument/completion', { textDocument: { uri: u2 }, position: { line: 6, character: 2 } });
    const keyLabels = (Array.isArray(keys) ? keys : keys.items).map((i: any) => i.label);
    assert.ok(keyLabels.includes('rules') && keyLabels.includes('tls') && keyLabels.includes('defaultBackend'), keyLabels.join(','));
    assert.ok(!keyLabels.includes('ingressClassName'), 'keys already written are not offered');
  });

  it('goes from an Ingress backend to the Service in another file', async () => {
    const ingress = uriOf('ingress.yaml');
    const text = fs.readFileSync(path.join(dir, 'ingress.yaml'), 'utf8');
    client.open(ingress, text, 'yaml');
    const lines = text.split('\n');
    // The backend's `name: web` (the last one), not the Ingress's own metadata.name.
    const line = lines.findLastIndex((l) => l.includes('name: web'));
    const locs: any[] = await client.request('textDocument/definition', { textDocument: { uri: ingress }, position: { line, character: lines[line].indexOf('web') + 1 } });
    assert.equal(locs.length, 1);
    assert.equal(locs[0].uri, uriOf('service.yaml'));
    const svc = fs.readFileSync(path.join(dir, 'service.yaml'), 'utf8').split('\n');
    assert.equal(svc[locs[0].range.start.line].slice(locs[0].range.start.character, locs[0].range.end.character), 'web');
  });

  it('shows what points at a Deployment in a CodeLens, and one symbol per object', async () => {
    const deploy = uriOf('deployment.yaml');
    const lenses: any[] = await client.request('textDocument/codeLens', { textDocument: { uri: deploy } });
    assert.equal(lenses.length, 1);
    assert.match(lenses[0].command.title, /HPA 2–10 @ 70% cpu/);
    const symbols: any[] = await client.request('textDocument/documentSymbol', { textDocument: { uri: deploy } });
    assert.deepEqual(symbols.map((x) => x.name), ['Deployment/web']);
  });
});
