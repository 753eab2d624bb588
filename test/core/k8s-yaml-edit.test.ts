import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMap } from 'yaml';
import { applyEdits } from '../../server/src/core/fixes';
import { mapAt } from '../../server/src/core/k8s/object';
import { parseManifest } from '../../server/src/core/k8s/parse';
import { addToMap, removeFromMap } from '../../server/src/core/k8s/yaml-edit';

const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3 # pinned\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n---\nkind: Other\n';

describe('YAML edits', () => {
  it('adds a block entry at the end of a nested map, keeping comments and the next document', () => {
    const file = parseManifest(DEPLOY);
    const obj = file.objects[0];
    const container = mapAt(obj.root, ['spec', 'template', 'spec', 'containers', 0])!;
    const edit = addToMap(file, obj.doc, container, 'resources', 'requests:\n  cpu: 100m')!;
    assert.equal(
      applyEdits(DEPLOY, [edit]),
      DEPLOY.replace('image: nginx:1.27\n', 'image: nginx:1.27\n          resources:\n            requests:\n              cpu: 100m\n'),
    );
  });

  it('adds a scalar entry and removes one with its comment line intact elsewhere', () => {
    const file = parseManifest(DEPLOY);
    const obj = file.objects[0];
    const spec = mapAt(obj.root, ['spec'])!;
    assert.ok(isMap(spec));
    assert.equal(applyEdits(DEPLOY, [removeFromMap(file, obj.doc, spec, 'replicas')!]), DEPLOY.replace('  replicas: 3 # pinned\n', ''));
    const meta = mapAt(obj.root, ['metadata'])!;
    assert.equal(applyEdits(DEPLOY, [addToMap(file, obj.doc, meta, 'namespace', 'prod')!]), DEPLOY.replace('  name: web\n', '  name: web\n  namespace: prod\n'));
  });

  it('keeps CRLF line endings and handles a file without a final newline', () => {
    const crlf = 'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: c';
    const file = parseManifest(crlf);
    const meta = mapAt(file.objects[0].root, ['metadata'])!;
    assert.equal(applyEdits(crlf, [addToMap(file, file.objects[0].doc, meta, 'labels', 'app: c')!]), 'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: c\r\n  labels:\r\n    app: c\r\n');
  });
});
