// k8s-schema on custom resources: the CustomResourceDefinitions of the workspace give their kinds a schema
// (core/k8s/crd-schemas.ts); a custom resource whose CRD is nowhere gets one information finding.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { k8sSchema } from '../../../server/src/rules/k8s/k8s-schema';
import { ruleTable, runRule } from '../../helpers/ruleTable';
import { CRD } from '../../fixtures/crd-manifests';


const CR = (spec: string, apiVersion = 'example.com/v1') => `apiVersion: ${apiVersion}\nkind: Backup\nmetadata:\n  name: nightly\nspec:\n${spec}`;

ruleTable(k8sSchema, [
  {
    name: 'a valid custom resource: nothing',
    text: CR('  schedule: "0 3 * * *"\n  mode: full\n  retainDays: 30\n  port: http\n  note: null\n  labels:\n    team: db\n  extra:\n    anything: [1, 2]\n'),
    files: { 'crds/backup.yaml': CRD },
    expect: [],
  },
  {
    name: 'enum, required, type, bounds and unknown fields from the CRD, each on its node',
    text: CR('  mode: partial\n  retainDays: 0\n  port: 1.5\n  labels:\n    team: 7\n  retain: 3\n'),
    files: { 'crds/backup.yaml': CRD },
    expect: ['5:1-5:5', '6:9-6:16', '7:15-7:16', '8:9-8:12', '10:11-10:12', '11:3-11:9'],
    messages: [
      /^spec: missing required key "schedule"$/,
      /^spec\.mode: expected one of full, incremental, got "partial"$/,
      /^spec\.retainDays: expected a number at least 1, got 0$/,
      /^spec\.port: expected integer or string, got number 1\.5$/,
      /^spec\.labels\.team: expected string, got integer 7$/,
      /^spec\.retain: unknown field$/,
    ],
  },
  {
    name: 'the CRD in the same file, before its resource',
    text: `${CRD}---\n${CR('  schedule: daily\n  retainDays: 400\n')}`,
    expect: ['56:15-56:18'],
    messages: [/at most 365/],
  },
  {
    name: 'metadata is checked as every object\'s',
    text: CR('  schedule: daily\n').replace('  name: nightly\n', '  name: nightly\n  labelz: {}\n'),
    files: { 'crds/backup.yaml': CRD },
    expect: ['5:3-5:9'],
    messages: [/^metadata\.labelz: unknown field \(did you mean "labels"\?\)$/],
  },
  {
    name: 'a version the CRD does not serve: one information finding naming the versions it serves',
    text: CR('  schedule: daily\n', 'example.com/v1beta1'),
    files: { 'crds/backup.yaml': CRD },
    expect: ['2:7-2:13'],
    messages: [/^No schema for Backup example\.com\/v1beta1: the workspace's CustomResourceDefinition for Backup \(group example\.com\) serves v1, not v1beta1\.$/],
  },
  {
    name: 'no CRD anywhere: one information finding naming the CRD that would define it',
    text: CR('  schedule: daily\n  anything: goes\n'),
    expect: ['2:7-2:13'],
    messages: [/^No schema for Backup example\.com\/v1, a custom resource: add the CustomResourceDefinition that defines it \(spec\.group: example\.com, spec\.names\.kind: Backup\)/],
  },
  { name: 'a misspelt built-in kind is not a custom resource', text: 'apiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: web\n', expect: [] },
  { name: 'a tool configuration file is not a custom resource', text: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [app.yaml]\n', expect: [] },
  {
    name: 'a CRD without a schema accepts anything',
    text: CR('  whatever: 1\n'),
    files: { 'crds/backup.yaml': CRD.replace(/      schema:\n[\s\S]*?(?=    - name: v1beta1)/, '') },
    expect: [],
  },
]);

it('the missing-CRD finding is information, not an error', () => {
  const [finding] = runRule(k8sSchema, { text: CR('  schedule: daily\n') });
  assert.equal(finding.severity, 'info');
});
