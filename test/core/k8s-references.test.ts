// Reference resolution between objects: selectors, Ingress backends, scale targets.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseManifest } from '../../server/src/core/k8s/parse';
import { findScaleTarget, ingressBackends, objectsOf, selectedWorkloads, serviceSelector, servicesSelecting } from '../../server/src/core/k8s/references';
import { ManifestWorkspace } from '../../server/src/core/k8s/workspace';
import { isHpa, isScaledObject, scaleTargetRef } from '../../server/src/core/k8s/workspace-index';
import { container, deployment as deploymentOf } from '../helpers/k8s';

// Containers flush with their key, as kubectl writes them.
const deployment = (name: string, app: string) => deploymentOf({ name, labels: { app }, containers: container({ name: 'c' }, 6) });

const TEXT = [
  deployment('web', 'web'),
  deployment('api', 'api'),
  `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`,
  `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  defaultBackend:
    service:
      name: web
      port:
        number: 80
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: api
            port:
              number: 80
`,
  `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 5
`,
  `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: api
spec:
  scaleTargetRef:
    name: api
`,
].join('---\n');

function setup() {
  const file = parseManifest(TEXT, '/w/app.yaml');
  const workspace = new ManifestWorkspace().with(file);
  const byName = (kind: string, name: string) => file.objects.find((o) => o.kind === kind && o.name === name)!;
  return { workspace, byName };
}

describe('k8s references', () => {
  it('a Service selects the workloads whose pod labels match, and a workload finds its Services', () => {
    const { workspace, byName } = setup();
    const service = byName('Service', 'web');
    assert.deepEqual(serviceSelector(service), { app: 'web' });
    assert.deepEqual(selectedWorkloads(workspace, service).map((o) => o.name), ['web']);
    assert.deepEqual(servicesSelecting(workspace, byName('Deployment', 'web')).map((o) => o.name), ['web']);
    assert.deepEqual(servicesSelecting(workspace, byName('Deployment', 'api')), []);
    assert.deepEqual(objectsOf(workspace, 'Deployment', 'default').map((o) => o.name), ['web', 'api']);
  });

  it('an Ingress lists its default backend and every rule path backend', () => {
    const { byName } = setup();
    const backends = ingressBackends(byName('Ingress', 'web'));
    assert.deepEqual(backends.map((b) => b.path), [
      ['spec', 'defaultBackend', 'service'],
      ['spec', 'rules', 0, 'http', 'paths', 0, 'backend', 'service'],
    ]);
    assert.deepEqual(backends.map((b) => b.service.get('name')), ['web', 'api']);
  });

  it('an HPA and a ScaledObject (kind defaulting to Deployment) resolve their scale targets', () => {
    const { workspace, byName } = setup();
    const hpa = byName('HorizontalPodAutoscaler', 'web');
    const scaled = byName('ScaledObject', 'api');
    assert.ok(isHpa(hpa) && !isScaledObject(hpa) && isScaledObject(scaled));
    assert.equal(scaleTargetRef(scaled)?.kind, 'Deployment');
    assert.equal(findScaleTarget(workspace, hpa), byName('Deployment', 'web'));
    assert.equal(findScaleTarget(workspace, scaled), byName('Deployment', 'api'));
  });
});
