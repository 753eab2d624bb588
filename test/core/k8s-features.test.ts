// Editor features for Kubernetes manifests: hover, completion, definition/references, lenses and symbols.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { manifestCompletions } from '../../server/src/core/k8s/features/completion';
import { manifestHover } from '../../server/src/core/k8s/features/hover';
import { manifestLenses } from '../../server/src/core/k8s/features/lenses';
import { manifestDefinition, manifestReferences } from '../../server/src/core/k8s/features/navigation';
import { quantityMeaning } from '../../server/src/core/k8s/features/summary';
import { manifestSymbols } from '../../server/src/core/k8s/features/symbols';
import { parseManifest, type ManifestFile } from '../../server/src/core/k8s/parse';
import { enumAt } from '../../server/src/core/k8s/schema-enum';
import { ManifestWorkspace } from '../../server/src/core/k8s/workspace';
import type { Range } from '../../server/src/core/types';

const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        tier: frontend
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - name: http
          containerPort: 8080
        resources:
          requests:
            cpu: 500m
            memory: 512Mi
          limits:
            memory: 1G
        readinessProbe:
          httpGet:
            path: /healthz
            port: http
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - name: http
    protocol: TCP
    port: 80
    targetPort: http
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
  namespace: jobs
spec:
  selector:
    matchLabels:
      app: worker
  template:
    metadata:
      labels:
        app: worker
    spec:
      containers:
      - name: worker
        image: busybox:1.36
`;

const ROUTING = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: api
spec:
  ingressClassName: nginx
  rules:
  - host: api.example.com
    http:
      paths:
      - path: /v1
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 10
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 70
`;

function workspace(extra: Record<string, string> = {}) {
  const ws = new ManifestWorkspace();
  const files: Record<string, ManifestFile> = {};
  for (const [name, text] of Object.entries({ 'app.yaml': APP, 'routing.yaml': ROUTING, ...extra })) {
    files[name] = parseManifest(text, `/ws/${name}`);
    ws.set(files[name]);
  }
  return { ws, app: files['app.yaml'], routing: files['routing.yaml'], files };
}

/** Offset of the `nth` occurrence of `needle` in `text`, plus `delta`. */
function at(text: string, needle: string, delta = 0, nth = 1): number {
  let i = -1;
  for (let n = 0; n < nth; n++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} not found`);
  return i + delta;
}

const slice = (file: ManifestFile, r: Range) => file.text.slice(file.offsetAt(r.start), file.offsetAt(r.end));

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

describe('k8s features: navigation', () => {
  const { ws, app, routing } = workspace();

  it('goes from an Ingress backend to the Service name in its file', () => {
    const defs = manifestDefinition(routing, ws, at(ROUTING, 'name: web', 7));
    assert.equal(defs.length, 1);
    assert.equal(defs[0].path, '/ws/app.yaml');
    assert.equal(defs[0].range.start.line, 37);
    assert.equal(slice(app, defs[0].range), 'web');
  });

  it('goes from a scaleTargetRef to the Deployment name', () => {
    const defs = manifestDefinition(routing, ws, at(ROUTING, 'name: web', 7, 3));
    assert.deepEqual(defs.map((d) => [d.path, d.range.start.line, slice(app, d.range)]), [['/ws/app.yaml', 3, 'web']]);
  });

  it('goes from a Service selector label to the pod template label', () => {
    const defs = manifestDefinition(app, ws, at(APP, 'app: web', 0, 4));
    assert.deepEqual(defs.map((d) => [d.path, d.range.start.line, slice(app, d.range)]), [['/ws/app.yaml', 14, 'app: web']]);
    const whole = manifestDefinition(app, ws, at(APP, 'selector:', 0, 2));
    assert.equal(slice(app, whole[0].range), 'app: web\n        tier: frontend');
  });

  it('finds what points at a Service and at a Deployment', () => {
    const svc = manifestReferences(app, ws, at(APP, 'name: web', 6, 3));
    assert.deepEqual(svc.map((r) => [r.path, r.range.start.line, slice(routing, r.range)]), [['/ws/routing.yaml', 14, 'web']]);
    const deploy = manifestReferences(app, ws, at(APP, 'name: web', 2));
    assert.deepEqual(
      deploy.map((r) => [r.path, r.range.start.line]),
      [['/ws/app.yaml', 39], ['/ws/routing.yaml', 26]],
    );
    assert.equal(slice(app, deploy[0].range), 'selector');
    assert.deepEqual(manifestReferences(app, ws, at(APP, 'name: worker', 6)), []);
    assert.deepEqual(manifestReferences(app, ws, at(APP, 'image: nginx', 8)), []);
  });
});

describe('k8s features: lenses and symbols', () => {
  it('titles each Deployment with what points at it', () => {
    const { ws, app } = workspace();
    assert.deepEqual(
      manifestLenses(app, ws).map((l) => [l.range.start.line, l.title]),
      [
        [0, 'Service web · HPA 2–10 @ 70% cpu · Ingress api.example.com/v1'],
        [47, 'no Service · no autoscaler'],
      ],
    );
  });

  it('lists one symbol per object with its namespace', () => {
    const { app } = workspace();
    const symbols = manifestSymbols(app);
    assert.deepEqual(symbols.map((s) => s.name), ['Deployment/web', 'Service/web', 'Deployment/worker (jobs)']);
    assert.equal(slice(app, symbols[2].selectionRange), 'worker');
    assert.ok(slice(app, symbols[1].range).startsWith('apiVersion: v1\nkind: Service'));
    assert.ok(slice(app, symbols[1].range).trimEnd().endsWith('targetPort: http'));
  });
});
