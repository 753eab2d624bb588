// Kustomize overlays in the language server (LspKustomize, in process, with the real /usr/bin/kubectl): an analyzed
// kustomization is rendered and its findings join the source files' diagnostics (the patch's on the patch file, the
// base's on the base file, one per rule and range); nothing runs while the workspace is untrusted; a kubectl that
// hangs is stopped after the timeout and reported once; a newer render stops the older one.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ManifestWorkspace } from '../../server/src/core/k8s/workspace';
import { parseManifest } from '../../server/src/core/k8s/parse';
import { LspKustomize } from '../../server/src/lsp/kustomize';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../helpers/lspClient';

const K = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';
const FILES: Record<string, string> = {
  'base/kustomization.yaml': `${K}resources:\n  - deployment.yaml\n`,
  'base/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          securityContext:\n            privileged: true\n',
  'dev/kustomization.yaml': `${K}namePrefix: dev-\nresources:\n  - ../base\npatches:\n  - path: escalation.yaml\n`,
  'dev/escalation.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          securityContext:\n            allowPrivilegeEscalation: true\n',
};

describe('Kustomize overlays in the language server', { skip: !fs.existsSync('/usr/bin/kubectl') && 'no /usr/bin/kubectl' }, () => {
  let root = '';
  const workspace = new ManifestWorkspace();
  const at = (f: string) => path.join(root, f);
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-lsp-kustomize-'));
    for (const [f, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(at(f)), { recursive: true });
      fs.writeFileSync(at(f), text);
      workspace.set(parseManifest(text, at(f)));
    }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  function session() {
    const answered: string[][] = [];
    const notes: string[] = [];
    const k = new LspKustomize({ answered: (p) => answered.push(p), notify: (m) => notes.push(m) });
    k.trusted = true;
    return { k, answered, notes };
  }

  it('places the rendered findings on the patch and base files and asks for their refresh', async () => {
    const { k, answered } = session();
    const outcome = await k.analyzed(at('dev/kustomization.yaml'), workspace, { layers: [] }, '/usr/bin/kubectl', () => true);
    assert.equal(outcome && outcome !== 'skipped' && outcome.ok, true);
    assert.deepEqual(answered.length, 1);
    assert.ok(answered[0].includes(at('dev/escalation.yaml')) && answered[0].includes(at('base/deployment.yaml')));
    const line = (f: string, rule: string) => k.withRendered([], at(f)).filter((x) => x.ruleId === rule).map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1}`);
    assert.deepEqual(line('dev/escalation.yaml', 'privilege-escalation'), ['11:39']);
    assert.deepEqual(line('base/deployment.yaml', 'privileged-container'), ['18:25']);
    // The base's own finding on the same range is not shown twice.
    const own = k.withRendered([], at('base/deployment.yaml')).filter((x) => x.ruleId === 'privileged-container');
    assert.equal(k.withRendered(own, at('base/deployment.yaml')).filter((x) => x.ruleId === 'privileged-container').length, 1);
  });

  it('runs nothing while the workspace is untrusted, nor for other manifests', async () => {
    const { k, answered } = session();
    k.trusted = false;
    assert.equal(await k.analyzed(at('dev/kustomization.yaml'), workspace, { layers: [] }, '/usr/bin/kubectl', () => true), 'skipped');
    k.trusted = true;
    assert.equal(await k.analyzed(at('base/deployment.yaml'), workspace, { layers: [] }, '/usr/bin/kubectl', () => true), 'skipped');
    assert.deepEqual(answered, []);
  });

  it('stops a kubectl that hangs after the timeout and reports it once, on the kustomization', async () => {
    const fake = at('hanging-kubectl');
    fs.writeFileSync(fake, '#!/bin/sh\nexec sleep 60\n', { mode: 0o755 });
    const { k } = session();
    k.timeoutMs = 300;
    const started = Date.now();
    const outcome = await k.analyzed(at('dev/kustomization.yaml'), workspace, { layers: [] }, fake, () => true);
    assert.ok(Date.now() - started < 5000);
    assert.deepEqual(outcome, { ok: false, timedOut: true, timeoutMs: 300 });
    const found = k.withRendered([], at('dev/kustomization.yaml'));
    assert.deepEqual(found.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.message}`), [
      "1:1 warning kubectl kustomize did not finish within 0.3 s and was stopped; the overlay's objects are not checked.",
    ]);
  });

  it('a newer render of the same kustomization stops the older one', async () => {
    const fake = at('hanging-kubectl');
    const { k, answered } = session();
    const first = k.analyzed(at('dev/kustomization.yaml'), workspace, { layers: [] }, fake, () => true);
    const second = k.analyzed(at('dev/kustomization.yaml'), workspace, { layers: [] }, '/usr/bin/kubectl', () => true);
    assert.deepEqual(await first, { ok: false, error: 'cancelled' });
    assert.equal(((await second) as { ok: boolean }).ok, true);
    assert.equal(answered.length, 1);
  });

  it("the built server (trusted workspace): a finding the overlay's own transformation causes arrives on it after a refresh", async () => {
    const text = `${K}resources:\n  - ../base\nimages:\n  - name: nginx\n    newTag: latest\n`;
    fs.mkdirSync(at('latest'), { recursive: true });
    fs.writeFileSync(at('latest/kustomization.yaml'), text);
    const client = await TestClient.start({ folders: [root], initializationOptions: { workspaceTrusted: true } });
    try {
      const uri = pathToFileURL(at('latest/kustomization.yaml')).toString();
      const refreshes = client.refreshes;
      client.open(uri, text, 'yaml');
      assert.deepEqual((await client.diagnostics(uri)).filter((d) => d.code === 'image-latest'), [], 'not before kubectl answered');
      let rendered: any[] = [];
      for (let seen = refreshes; !rendered.length && seen < refreshes + 5; seen = client.refreshes) {
        await client.waitForRefresh(seen);
        rendered = (await client.diagnostics(uri)).filter((d) => d.code === 'image-latest');
      }
      assert.equal(rendered.length, 1);
      assert.deepEqual(rendered[0].range.start, { line: 0, character: 0 });
      assert.match(rendered[0].message, /\(overlay latest, rendered by kubectl kustomize\)$/);
    } finally {
      await client.stop();
    }
  });

  it('a kubectl that is not installed: one message per session, no finding', async () => {
    const { k, notes } = session();
    await k.analyzed(at('dev/kustomization.yaml'), workspace, { layers: [] }, at('no-such-kubectl'), () => true);
    await k.analyzed(at('dev/kustomization.yaml'), workspace, { layers: [] }, at('no-such-kubectl'), () => true);
    assert.equal(notes.length, 1);
    assert.match(notes[0], /no-such-kubectl was not found \(stevedore.kubectl.path\)/);
    assert.deepEqual(k.withRendered([], at('dev/kustomization.yaml')), []);
  });
});
