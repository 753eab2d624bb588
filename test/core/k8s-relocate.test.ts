// relocate (a finding's object and node found again in a fix's input) and overlay (a workspace seen with one file
// replaced), from core/k8s/{relocate,workspace}.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isScalar } from 'yaml';
import { parseManifest } from '../../server/src/core/k8s/parse';
import { inputManifest, relocate } from '../../server/src/core/k8s/relocate';
import { ManifestWorkspace, overlay } from '../../server/src/core/k8s/workspace';

const TWO = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\nspec:\n  type: ClusterIP\n';

describe('relocate', () => {
  it('finds the object of data.doc and the node at data.path', () => {
    const found = relocate({ text: TWO }, { data: { doc: 1, path: ['spec', 'type'] } })!;
    assert.equal(found.obj.name, 'b');
    assert.ok(isScalar(found.node) && found.node.value === 'ClusterIP');
  });

  it('takes an explicit path over data.path, and leaves the node undefined without one', () => {
    assert.equal(relocate({ text: TWO }, { data: { doc: 1, path: ['spec', 'type'] } }, [])!.node, relocate({ text: TWO }, { data: { doc: 1 } })!.obj.root);
    assert.equal(relocate({ text: TWO }, { data: { doc: 1 } })!.node, undefined);
    assert.equal(relocate({ text: TWO }, { data: { doc: 1, path: ['spec', 'missing'] } })!.node, undefined);
  });

  it('is null without a document index or when the document is no longer an object', () => {
    assert.equal(relocate({ text: TWO }, {}), null);
    assert.equal(relocate({ text: TWO }, { data: { doc: '1' } }), null);
    assert.equal(relocate({ text: TWO }, { data: { doc: 2 } }), null);
    assert.equal(relocate({ text: 'just: yaml\n' }, { data: { doc: 0 } }), null);
  });

  it('parses the same input text once, a changed text again', () => {
    const a = inputManifest({ text: TWO, path: '/ws/a.yaml' });
    assert.equal(inputManifest({ text: TWO, path: '/ws/a.yaml' }), a);
    assert.notEqual(inputManifest({ text: TWO, path: '/ws/b.yaml' }), a);
    assert.notEqual(inputManifest({ text: TWO + '# end\n', path: '/ws/a.yaml' }), a);
  });
});

describe('overlay', () => {
  const stored = parseManifest(TWO, '/ws/app.yaml');
  const other = parseManifest('apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n', '/ws/other.yaml');
  const ws = new ManifestWorkspace();
  ws.set(stored);
  ws.set(other);

  it('replaces the stored file of the same path with the current one', () => {
    const current = parseManifest(TWO.replace('name: b', 'name: c'), '/ws/app.yaml');
    const view = overlay(ws, current);
    assert.deepEqual(view.objects().map((o) => o.name), ['a', 'c', 's']);
    assert.equal(view.file('/ws/app.yaml'), current);
    assert.equal(view.file('/ws/other.yaml'), other);
    assert.equal(view.objects(), view.objects(), 'one array per view (the workspace index is keyed by it)');
    assert.deepEqual(ws.with(current).objects().map((o) => o.name), ['a', 'c', 's']);
  });

  it('adds a file without a path, and works without a workspace', () => {
    const unsaved = parseManifest('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n');
    assert.deepEqual(overlay(ws, unsaved).objects().map((o) => o.name), ['p', 'a', 'b', 's']);
    assert.deepEqual(overlay(undefined, unsaved).objects().map((o) => o.name), ['p']);
    assert.equal(overlay(undefined, unsaved).file('/ws/app.yaml'), undefined);
  });
});
