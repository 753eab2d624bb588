// core/k8s/pod-security.ts (container settings over the pod's, hostPath mounts, LabelSelector matching) and
// core/k8s/yaml-seq.ts (appending to block and flow sequences), which the pod security rules share.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { applyEdits } from '../../server/src/core/fixes';
import { containers, nodeAt, scalarAt } from '../../server/src/core/k8s/object';
import { parseManifest } from '../../server/src/core/k8s/parse';
import { effectiveSecurity, hostPathMounts, labelSelectorMatches } from '../../server/src/core/k8s/pod-security';
import { appendToSeq } from '../../server/src/core/k8s/yaml-seq';

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsGroup: 0\n  volumes:\n    - name: host\n      hostPath:\n        path: /etc\n    - name: tmp\n      emptyDir: {}\n' +
  '  initContainers:\n    - name: init\n      image: busybox:1.36\n      volumeMounts:\n        - name: host\n          mountPath: /h\n' +
  '  containers:\n    - name: app\n      image: app:1\n      securityContext:\n        runAsGroup: 1000\n      volumeMounts:\n        - name: tmp\n          mountPath: /tmp\n        - name: host\n          mountPath: /h\n          readOnly: true\n';

describe('pod security settings', () => {
  const file = parseManifest(POD, '/ws/p.yaml');
  const obj = file.objects[0];
  const [init, app] = containers(obj, true);

  it('a container setting wins over the pod one, which is the default', () => {
    assert.deepEqual({ ...effectiveSecurity(obj, app, 'runAsGroup'), node: undefined }, { value: 1000, node: undefined, pod: false });
    assert.deepEqual({ ...effectiveSecurity(obj, init, 'runAsGroup'), node: undefined }, { value: 0, node: undefined, pod: true });
    assert.equal(effectiveSecurity(obj, app, 'runAsUser'), undefined);
  });

  it('hostPath mounts: each container mounting a hostPath volume, init containers first, other volumes left out', () => {
    const mounts = hostPathMounts(file).map((m) => [m.c.name, m.hostPath, scalarAt(m.mount, ['mountPath'])]);
    assert.deepEqual(mounts, [['init', '/etc', '/h'], ['app', '/etc', '/h']]);
    assert.equal(hostPathMounts(file), hostPathMounts(file), 'read once per file');
  });
});

describe('labelSelectorMatches', () => {
  const sel = (yaml: string) => parseDocument(yaml).contents;
  const labels = { app: 'web', tier: 'frontend' };
  const cases: Array<[string, boolean]> = [
    ['{}', true],
    ['matchLabels: {app: web}', true],
    ['matchLabels: {app: api}', false],
    ['matchExpressions: [{key: tier, operator: In, values: [frontend, backend]}]', true],
    ['matchExpressions: [{key: tier, operator: In, values: [backend]}]', false],
    ['matchExpressions: [{key: tier, operator: NotIn, values: [backend]}]', true],
    ['matchExpressions: [{key: zone, operator: NotIn, values: [a]}]', true],
    ['matchExpressions: [{key: app, operator: Exists}]', true],
    ['matchExpressions: [{key: app, operator: DoesNotExist}]', false],
    ['matchExpressions: [{key: app, operator: Equals, values: [web]}]', false],
    ['matchLabels: {app: web}\nmatchExpressions: [{key: tier, operator: DoesNotExist}]', false],
  ];
  for (const [yaml, expected] of cases) it(`${yaml.replace(/\n/g, '; ')} → ${expected}`, () => assert.equal(labelSelectorMatches(sel(yaml), labels), expected));
  it('a scalar selects nothing', () => assert.equal(labelSelectorMatches(sel('web'), labels), false));
});

describe('appendToSeq', () => {
  const append = (text: string, path: string[], item: string) => {
    const file = parseManifest(text, '/ws/a.yaml');
    const obj = file.objects[0];
    const edit = appendToSeq(file, obj.doc, nodeAt(obj.root, path)!, item);
    return edit && applyEdits(text, [edit]);
  };
  const head = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n';
  it('a block sequence: a new item at the dash column, after comments on the last item', () => {
    assert.equal(append(`${head}  list:\n    - a\n    - b # last\n  next: 1\n`, ['spec', 'list'], 'C'), `${head}  list:\n    - a\n    - b # last\n    - C\n  next: 1\n`);
  });
  it('a block sequence flush with its key, at the end of a file without a final newline', () => {
    assert.equal(append(`${head}  list:\n  - a`, ['spec', 'list'], 'C'), `${head}  list:\n  - a\n  - C\n`);
  });
  it('flow sequences, empty or not', () => {
    assert.equal(append(`${head}  list: [a, b]\n`, ['spec', 'list'], 'C'), `${head}  list: [a, b, C]\n`);
    assert.equal(append(`${head}  list: []\n`, ['spec', 'list'], 'C'), `${head}  list: [C]\n`);
  });
  it('CRLF files keep CRLF', () => {
    assert.equal(append(`${head}  list:\n    - a\n`.replace(/\n/g, '\r\n'), ['spec', 'list'], 'C'), `${head}  list:\n    - a\n    - C\n`.replace(/\n/g, '\r\n'));
  });
  it('not a sequence: null', () => assert.equal(append(`${head}  list: a\n`, ['spec', 'list'], 'C'), null));
});
