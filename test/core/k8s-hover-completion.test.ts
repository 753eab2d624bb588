// Editor features for Kubernetes manifests, part 1: hover (schema, cross-object summaries, quantities) and completion.
// Navigation, lenses and symbols are in k8s-navigation.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { manifestCompletions } from '../../server/src/core/k8s/features/completion';
import { manifestHover } from '../../server/src/core/k8s/features/hover';
import { quantityMeaning } from '../../server/src/core/k8s/features/summary';
import { parseManifest, type ManifestFile } from '../../server/src/core/k8s/parse';
import { enumAt } from '../../server/src/core/k8s/schema-enum';
import type { ManifestWorkspace } from '../../server/src/core/k8s/workspace';
import { APP, at, ROUTING, workspace } from '../fixtures/web-manifests';

describe('k8s features: hover', () => {
  const { ws, app, routing } = workspace();

  it('describes a key from the schema', () => {
    const md = manifestHover(app, ws, at(APP, 'replicas: 3', 3))!;
    assert.match(md, /^\*\*replicas\*\* `integer`/);
    assert.match(md, /Number of desired pods/);
  });

  it('summarises the workloads a Service selector selects', () => {
    const md = manifestHover(app, ws, at(APP, 'app: web', 1, 4))!;
    const parts = md.split('\n\n---\n\n');
    assert.equal(parts.length, 2);
    assert.match(parts[0], /^\*\*app\*\* `string`/);
    assert.equal(
      parts[1],
      'The selector (label `app`) selects 1 workload:\n- Deployment `web` (app.yaml) · 3 replicas · ports 8080/TCP (http) · requests cpu 500m, memory 512Mi',
    );
  });

  it('resolves an Ingress backend and a scale target across files', () => {
    const backend = manifestHover(routing, ws, at(ROUTING, 'name: web', 7))!;
    assert.match(backend, /Routes to Service: Service `web` \(app\.yaml\) · ports 80 → http\/TCP \(http\)$/);
    const target = manifestHover(routing, ws, at(ROUTING, 'name: web', 7, 3))!;
    assert.match(target, /Scales Deployment `web` \(app\.yaml\) · 3 replicas · ports 8080\/TCP \(http\)/);
  });

  it('reports a backend naming no Service', () => {
    const text = ROUTING.replace('name: web\n            port', 'name: webb\n            port');
    const { ws: w2, routing: r2 } = workspace({ 'routing.yaml': text });
    assert.match(manifestHover(r2, w2, at(text, 'webb', 1))!, /No Service `webb` in namespace `default`\./);
  });

  it('explains cpu and memory quantities', () => {
    const cpu = manifestHover(app, ws, at(APP, '500m', 1))!;
    assert.match(cpu, /\n\n---\n\n\*\*cpu\*\* `500m` = 0\.5 CPU \(500 millicores/);
    assert.match(manifestHover(app, ws, at(APP, '512Mi'))!, /`512Mi` = 512 MiB \(536,870,912 bytes/);
    assert.match(manifestHover(app, ws, at(APP, '1G'))!, /`1G` = 1 GB \(1,000,000,000 bytes; 1 GB = 10\^9 bytes; `1Gi` would be 1 GiB\)/);
    assert.match(quantityMeaning('cpu', 2)!, /= 2 CPUs/);
    assert.match(quantityMeaning('memory', '1Gi')!, /= 1 GiB \(1,073,741,824 bytes/);
    assert.match(quantityMeaning('memory', '400m')!, /did you mean `400Mi`/);
    assert.match(quantityMeaning('memory', '129e6')!, /= 129,000,000 bytes/);
    assert.match(quantityMeaning('memory', '1e30')!, /= 1,000,000,000,000,000,000,000,000,000,000 bytes/);
  });

  it('says nothing between keys or in Helm templates', () => {
    assert.equal(manifestHover(app, ws, at(APP, '---') + 1), undefined);
    const helm = parseManifest('apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n', '/ws/t.yaml');
    assert.equal(manifestHover(helm, ws, 20), undefined);
  });
});

describe('k8s features: completion', () => {
  const labels = (file: ManifestFile, ws: ManifestWorkspace, offset: number) => manifestCompletions(file, ws, offset).map((i) => i.label);

  it('offers the container keys not yet present, required first, on a partial key', () => {
    const text = APP.replace('        image: nginx:1.27\n', '        image: nginx:1.27\n        imageP\n');
    const { ws, app } = workspace({ 'app.yaml': text });
    const items = manifestCompletions(app, ws, at(text, 'imageP', 6));
    const names = items.map((i) => i.label);
    assert.ok(names.includes('imagePullPolicy') && names.includes('livenessProbe'));
    assert.ok(!names.includes('image') && !names.includes('ports') && !names.includes('resources'));
    assert.equal(items.find((i) => i.label === 'imagePullPolicy')!.insertText, 'imagePullPolicy: ');
    assert.equal(items.find((i) => i.label === 'env')!.insertText, 'env:\n  ');
    assert.match(String((items.find((i) => i.label === 'imagePullPolicy')!.documentation as { value: string }).value), /Image pull policy/);
  });

  it('offers enum values on an incomplete value line', () => {
    const text = APP.replace('        image: nginx:1.27\n', '        image: nginx:1.27\n        imagePullPolicy: \n');
    const { ws, app } = workspace({ 'app.yaml': text });
    assert.deepEqual(labels(app, ws, at(text, 'imagePullPolicy: ', 17)), ['Always', 'IfNotPresent', 'Never']);
    assert.deepEqual(enumAt('v1', 'Service', ['spec', 'type']), ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
  });

  it('derives the path from indentation when the document does not parse', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        image: "unterminated\n      - name: b\n        securityContext:\n          runAsN';
    const { ws, app } = workspace({ 'app.yaml': text });
    assert.deepEqual(labels(app, ws, text.length).filter((l) => l.startsWith('runAsN')), ['runAsNonRoot']);
    const root = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  namespace: [\nsp';
    const w = workspace({ 'app.yaml': root });
    assert.deepEqual(labels(w.app, w.ws, root.length).sort(), ['spec']);
    const crlf = text.replace(/\n/g, '\r\n');
    const w2 = workspace({ 'app.yaml': crlf });
    assert.deepEqual(labels(w2.app, w2.ws, crlf.length).filter((l) => l.startsWith('runAsN')), ['runAsNonRoot']);
    const comment = 'apiVersion: v1\nkind: Pod\nspec:\n  # cont';
    const w3 = workspace({ 'app.yaml': comment });
    assert.deepEqual(labels(w3.app, w3.ws, comment.length), []);
  });

  it('offers metadata keys at the start of a new item-less line and new sequence items', () => {
    const text = APP.replace('  name: web\n  labels:', '  name: web\n  \n  labels:');
    const { ws, app } = workspace({ 'app.yaml': text });
    const names = labels(app, ws, at(text, '  name: web\n  \n', 14));
    assert.ok(names.includes('namespace') && names.includes('annotations'));
    assert.ok(!names.includes('name') && !names.includes('labels'));
    const item = APP.replace('        readinessProbe:', '      - im\n        readinessProbe:');
    const w = workspace({ 'app.yaml': item });
    const items = manifestCompletions(w.app, w.ws, at(item, '- im', 4));
    // A new item: its own keys only, the required `name` first.
    assert.equal([...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0].label, 'name');
    assert.ok(items.some((i) => i.label === 'image') && !items.some((i) => i.label === 'httpGet'));
  });

  it('offers Service names and their ports for an Ingress backend', () => {
    const text = ROUTING.replace('name: web\n            port:\n              number: 80', 'name: \n            port:\n              number: 80');
    const { ws, routing } = workspace({ 'routing.yaml': text });
    assert.deepEqual(labels(routing, ws, at(text, 'name: \n', 6)), ['web']);
    const port = ROUTING.replace('number: 80', 'name: ');
    const w = workspace({ 'routing.yaml': port });
    assert.deepEqual(labels(w.routing, w.ws, at(port, 'name: \n', 6)), ['http']);
    const num = ROUTING.replace('number: 80', 'number: ');
    const w3 = workspace({ 'routing.yaml': num });
    assert.deepEqual(labels(w3.routing, w3.ws, at(num, 'number: ', 8)), ['80']);
  });

  it('offers workloads of the sibling kind for scaleTargetRef.name, and only in the namespace', () => {
    const text = ROUTING.replace('    kind: Deployment\n    name: web', '    kind: Deployment\n    name: ');
    const { ws, routing } = workspace({ 'routing.yaml': text });
    assert.deepEqual(labels(routing, ws, text.indexOf('name: \n', text.indexOf('scaleTargetRef')) + 6), ['web']);
  });

  it('offers container port names for a Service targetPort and a probe port', () => {
    const text = APP.replace('targetPort: http', 'targetPort: ').replace('port: http\n', 'port: \n');
    const { ws, app } = workspace({ 'app.yaml': text });
    assert.deepEqual(labels(app, ws, at(text, 'targetPort: ', 12)), ['http', '8080']);
    assert.deepEqual(labels(app, ws, at(text, '  port: \n', 8)), ['http', '8080']);
  });
});
