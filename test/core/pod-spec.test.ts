// core/k8s/pod-spec.ts: a file's pod specs for every pod-bearing kind and where findings about missing fields point;
// pod-security.ts's selectsEverything (the `{}` LabelSelector).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { parseManifest } from '../../server/src/core/k8s/parse';
import { metadataAnchor, podSpecString, podSpecs } from '../../server/src/core/k8s/pod-spec';
import { selectsEverything } from '../../server/src/core/k8s/pod-security';

const SPEC = 'serviceAccountName: app\ncontainers:\n  - name: app\n    image: nginx:1.27\n';
const indent = (text: string, n: number) => text.replace(/^/gm, ' '.repeat(n)).replace(/ +$/, '');
const template = (n: number) => `${' '.repeat(n)}template:\n${' '.repeat(n + 2)}spec:\n${indent(SPEC, n + 4)}`;
const KINDS: Record<string, string> = {
  Pod: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${indent(SPEC, 2)}`,
  CronJob: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  jobTemplate:\n    spec:\n${template(6)}`,
};
for (const [kind, apiVersion] of Object.entries({ Deployment: 'apps/v1', StatefulSet: 'apps/v1', DaemonSet: 'apps/v1', ReplicaSet: 'apps/v1', ReplicationController: 'v1', Job: 'batch/v1', DeploymentConfig: 'apps.openshift.io/v1' })) {
  KINDS[kind] = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\nspec:\n${template(2)}`;
}

describe('podSpecs', () => {
  for (const [kind, text] of Object.entries(KINDS)) {
    it(`${kind}: its pod spec, the field read from it, the finding anchored at its spec key`, () => {
      const file = parseManifest(text, `/ws/${kind}.yaml`);
      const [p] = podSpecs(file);
      assert.equal(p?.obj.kind, kind);
      assert.equal(podSpecString(p, 'serviceAccountName')?.value, 'app');
      const start = file.nodeRange(p.obj.doc, p.key).start;
      assert.equal(text.split('\n')[start.line].slice(start.character, start.character + 5), 'spec:');
      assert.equal(podSpecs(file), podSpecs(file), 'the list is read once per file');
    });
  }
  it('objects without pods, and a pod spec that is not a map, have none', () => {
    assert.deepEqual(podSpecs(parseManifest('apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports: []\n')), []);
    assert.deepEqual(podSpecs(parseManifest('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec: []\n')), []);
  });
  it('a non-string field is not read as one', () => {
    const [p] = podSpecs(parseManifest('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  serviceAccountName: 12\n  containers: []\n'));
    assert.equal(podSpecString(p, 'serviceAccountName'), undefined);
  });
});

describe('metadataAnchor', () => {
  it('the metadata key, else the kind value', () => {
    const withMeta = parseManifest('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');
    assert.deepEqual(withMeta.nodeRange(withMeta.objects[0].doc, metadataAnchor(withMeta.objects[0])), { start: { line: 2, character: 0 }, end: { line: 2, character: 8 } });
    const bare = parseManifest('apiVersion: v1\nkind: ConfigMap\n');
    assert.deepEqual(bare.nodeRange(bare.objects[0].doc, metadataAnchor(bare.objects[0])), { start: { line: 1, character: 6 }, end: { line: 1, character: 15 } });
  });
});

describe('selectsEverything', () => {
  const sel = (yaml: string) => parseDocument(yaml).contents;
  it('{} and empty matchLabels/matchExpressions select everything', () => {
    assert.equal(selectsEverything(sel('{}')), true);
    assert.equal(selectsEverything(sel('matchLabels: {}\nmatchExpressions: []\n')), true);
  });
  it('any label or expression narrows it; a non-map selects nothing', () => {
    assert.equal(selectsEverything(sel('matchLabels: {app: web}')), false);
    assert.equal(selectsEverything(sel('matchExpressions: [{key: app, operator: Exists}]')), false);
    assert.equal(selectsEverything(sel('[]')), false);
    assert.equal(selectsEverything(undefined), false);
  });
});
