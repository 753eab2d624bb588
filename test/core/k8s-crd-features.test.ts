// Custom resources in the editor: a CustomResourceDefinition in the workspace gives its kind hover text and key
// and value completion through the same schema lookup the built-in kinds use (core/k8s/crd-schemas.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { manifestCompletions } from '../../server/src/core/k8s/features/completion';
import { manifestHover } from '../../server/src/core/k8s/features/hover';
import { parseManifest } from '../../server/src/core/k8s/parse';
import { ManifestWorkspace } from '../../server/src/core/k8s/workspace';
import { analyzeManifest } from '../../server/src/core/k8s/analyze';
import { convertCrdSchema } from '../../server/src/core/k8s/crd-schemas';
import { k8sSchema } from '../../server/src/rules/k8s/k8s-schema';
import { at } from '../fixtures/web-manifests';
import { CRD } from '../fixtures/crd-manifests';

function setup(cr: string, crd = CRD) {
  const ws = new ManifestWorkspace();
  const file = parseManifest(cr, '/ws/backup.yaml');
  ws.set(parseManifest(crd, '/ws/crds/backup.yaml'));
  ws.set(file);
  return { ws, file };
}

const CR = 'apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 3 * * *"\n  mode: full\n';

describe('custom resources: hover and completion from a workspace CRD', () => {
  it('hover shows the description and type the CRD gives a key', () => {
    const { ws, file } = setup(CR);
    assert.equal(manifestHover(file, ws, at(CR, 'schedule', 2)), '**schedule** `string`\n\nWhen the backup runs, in cron syntax.');
    assert.match(manifestHover(file, ws, at(CR, 'mode', 1))!, /^\*\*mode\*\* `"full" \| "incremental"`$/);
  });

  it('metadata keeps the built-in ObjectMeta documentation', () => {
    const { ws, file } = setup(CR);
    assert.match(manifestHover(file, ws, at(CR, 'name', 1))!, /^\*\*name\*\* `string`\n\nName must be unique within a namespace/);
  });

  it('completion offers the CRD\'s properties not yet present, required first', () => {
    const text = `${CR}  re\n`;
    const { ws, file } = setup(text);
    const items = manifestCompletions(file, ws, at(text, '  re\n', 4));
    assert.deepEqual(items.map((i) => i.label).sort(), ['extra', 'labels', 'note', 'port', 'retainDays']);
    assert.equal(items.find((i) => i.label === 'labels')!.insertText, 'labels:\n  ');
  });

  it('completion offers enum values', () => {
    const text = CR.replace('  mode: full\n', '  mode: \n');
    const { ws, file } = setup(text);
    assert.deepEqual(manifestCompletions(file, ws, at(text, 'mode: ', 6)).map((i) => i.label), ['full', 'incremental']);
  });

  it('without the CRD in the workspace there is nothing to say', () => {
    const ws = new ManifestWorkspace();
    const file = parseManifest(CR, '/ws/backup.yaml');
    ws.set(file);
    assert.equal(manifestHover(file, ws, at(CR, 'schedule', 2)), undefined);
  });
});

describe('custom resources: converting an openAPIV3Schema', () => {
  it('keeps what the validator reads and closes objects that do not preserve unknown fields', () => {
    assert.deepEqual(
      convertCrdSchema({
        type: 'object',
        properties: { a: { type: 'integer', minimum: 0, exclusiveMaximum: true, maximum: 10 }, b: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] }, c: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { d: { type: 'string', nullable: true } } } },
        required: ['a'],
      }),
      {
        type: 'object',
        required: ['a'],
        properties: { a: { type: 'integer', minimum: 0, maximum: 10, exclusiveMaximum: true }, b: { anyOf: [{ type: 'integer' }, { type: 'string' }] }, c: { type: 'object', properties: { d: { type: 'string', nullable: true } } } },
        additionalProperties: false,
      },
    );
  });
});

describe('custom resources: a CRD edited in the editor', () => {
  it('validates an unchanged custom resource again against the new schema', () => {
    const cr = 'apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\nspec:\n  schedule: daily\n  mode: partial\n';
    const run = (crd: string) => {
      const ws = new ManifestWorkspace();
      ws.set(parseManifest(crd, '/ws/crds/backup.yaml'));
      return analyzeManifest(cr, { rules: [k8sSchema], path: '/ws/backup.yaml', workspace: ws }).findings.map((f) => f.message);
    };
    assert.deepEqual(run(CRD), ['spec.mode: expected one of full, incremental, got "partial"']);
    assert.deepEqual(run(CRD.replace('enum: [full, incremental]', 'enum: [full, incremental, partial]')), []);
    assert.deepEqual(run(CRD), ['spec.mode: expected one of full, incremental, got "partial"']);
  });
});
