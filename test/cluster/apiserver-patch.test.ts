// Patch formats of the test API server: strategic merge patch directives as kubectl sends them, JSON patch, merge patch.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from '../support/apiserver/patch';
import { parseLabelSelector } from '../support/apiserver/selectors';

const deployment = () => ({
  metadata: { name: 'web', annotations: { a: '1', b: '2' }, finalizers: ['x'] },
  spec: {
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
    template: {
      spec: {
        containers: [
          { name: 'web', image: 'web:1', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ports: [{ containerPort: 8080, protocol: 'TCP' }] },
          { name: 'sidecar', image: 'proxy:1' },
        ],
        volumes: [{ name: 'data', emptyDir: {} }],
      },
    },
  },
});
const SMP = (patch: unknown) => applyStrategicMergePatch(deployment(), patch, 'apps.v1.Deployment');

describe('strategic merge patch', () => {
  it('merges containers by name and env by name, keeping the rest (kubectl set image / set env)', () => {
    const out = SMP({ spec: { template: { spec: { containers: [{ name: 'web', image: 'web:2', env: [{ name: 'B', value: '3' }] }] } } } });
    const [web, sidecar] = out.spec.template.spec.containers;
    assert.equal(web.image, 'web:2');
    assert.deepEqual(web.env, [{ name: 'A', value: '1' }, { name: 'B', value: '3' }]);
    assert.deepEqual(web.ports, [{ containerPort: 8080, protocol: 'TCP' }]);
    assert.equal(sidecar.image, 'proxy:1');
  });

  it('honours $patch: delete in lists, null to drop a key and $setElementOrder', () => {
    const out = SMP({
      metadata: { annotations: { a: null, c: '3' } },
      spec: { template: { spec: {
        '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'web' }],
        containers: [{ name: 'web', env: [{ name: 'A', $patch: 'delete' }] }],
      } } },
    });
    assert.deepEqual(out.metadata.annotations, { b: '2', c: '3' });
    assert.deepEqual(out.spec.template.spec.containers.map((c: any) => c.name), ['sidecar', 'web']);
    assert.deepEqual(out.spec.template.spec.containers[1].env, [{ name: 'B', value: '2' }]);
  });

  it('honours $retainKeys, $patch: replace and $deleteFromPrimitiveList', () => {
    const out = SMP({
      metadata: { '$deleteFromPrimitiveList/finalizers': ['x'] },
      spec: {
        strategy: { $retainKeys: ['type'], type: 'Recreate' },
        template: { spec: { volumes: [{ name: 'data', $retainKeys: ['name', 'configMap'], configMap: { name: 'cfg' } }], containers: [{ name: 'only', image: 'x' }, { $patch: 'replace' }] } },
      },
    });
    assert.deepEqual(out.metadata.finalizers, []);
    assert.deepEqual(out.spec.strategy, { type: 'Recreate' });
    assert.deepEqual(out.spec.template.spec.volumes, [{ name: 'data', configMap: { name: 'cfg' } }]);
    assert.deepEqual(out.spec.template.spec.containers, [{ name: 'only', image: 'x' }]);
  });
});

describe('JSON patch and merge patch', () => {
  it('applies RFC 6902 operations as kubectl rollout undo sends them', () => {
    const out = applyJsonPatch(deployment(), [
      { op: 'replace', path: '/metadata/annotations', value: { z: '9' } },
      { op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'new', image: 'n' } },
      { op: 'remove', path: '/spec/template/spec/containers/0/env/0' },
      { op: 'test', path: '/metadata/name', value: 'web' },
    ]);
    assert.deepEqual(out.metadata.annotations, { z: '9' });
    assert.deepEqual(out.spec.template.spec.containers.map((c: any) => c.name), ['web', 'sidecar', 'new']);
    assert.deepEqual(out.spec.template.spec.containers[0].env, [{ name: 'B', value: '2' }]);
    assert.throws(() => applyJsonPatch(deployment(), [{ op: 'test', path: '/metadata/name', value: 'api' }]), /test failed/);
  });

  it('replaces lists wholesale in a merge patch', () => {
    const out = applyMergePatch(deployment(), { metadata: { annotations: { a: null } }, spec: { template: { spec: { containers: [{ name: 'x' }] } } } });
    assert.deepEqual(out.metadata.annotations, { b: '2' });
    assert.deepEqual(out.spec.template.spec.containers, [{ name: 'x' }]);
  });
});

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'frontend' };
  const cases: Array<[string, boolean]> = [
    ['app=web', true], ['app==web', true], ['app!=web', false], ['app in (api,web)', true], ['app notin (web)', false],
    ['tier', true], ['!tier', false], ['!env', true], ['app=web,tier in (backend)', false], ['', true],
  ];
  for (const [selector, expected] of cases) {
    it(`"${selector}" ${expected ? 'matches' : 'does not match'}`, () => assert.equal(parseLabelSelector(selector).matches(labels), expected));
  }
});
