// Editor features for Kubernetes manifests, part 2: go to definition and find references across objects and files,
// the code lenses on workloads and the document symbols. Hover and completion are in k8s-hover-completion.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { manifestLenses } from '../../server/src/core/k8s/features/lenses';
import { manifestDefinition, manifestReferences } from '../../server/src/core/k8s/features/navigation';
import { manifestSymbols } from '../../server/src/core/k8s/features/symbols';
import { APP, at, ROUTING, slice, workspace } from '../fixtures/web-manifests';

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
