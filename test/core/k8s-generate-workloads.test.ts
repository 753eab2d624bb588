// "Create …" refactorings on a workload: the HPA, KEDA ScaledObject and (headless) Service generated from a Deployment
// or a StatefulSet. The Service → Ingress generator and the cases where nothing is offered have files of their own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseManifest } from '../../server/src/core/k8s/parse';
import { CONFIG, DEPLOY, HPA, KEDA, run, SERVICE, SVC, titles } from '../helpers/create-object';

describe('generate: Deployment', () => {
  it('offers HPA, ScaledObject and Service on a Deployment', () => {
    assert.deepEqual(titles(DEPLOY), [HPA, KEDA, SVC]);
    assert.deepEqual(titles(DEPLOY, { offset: DEPLOY.indexOf('containerPort') }), [HPA, KEDA, SVC]);
  });

  it('creates an autoscaling/v2 HPA after the Deployment', () => {
    assert.equal(
      run(DEPLOY, HPA, 'HorizontalPodAutoscaler'),
      `${DEPLOY}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: nginx-deployment
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: nginx-deployment
  minReplicas: 2
  maxReplicas: 10
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 70
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 300
`,
    );
  });

  it('creates a KEDA ScaledObject with a Prometheus trigger on the app label (threshold as a string)', () => {
    const out = run(DEPLOY, KEDA, 'ScaledObject');
    assert.equal(
      out,
      `${DEPLOY}---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: nginx-deployment
spec:
  scaleTargetRef:
    name: nginx-deployment
  minReplicaCount: 2
  maxReplicaCount: 10
  triggers:
  - type: prometheus
    metadata:
      serverAddress: http://prometheus-server.monitoring.svc:80
      query: sum(rate(http_requests_total{app="nginx"}[2m]))
      threshold: '100'
`,
    );
    const so = parseManifest(out).objects[1].doc.doc.toJS();
    assert.equal(so.spec.triggers[0].metadata.threshold, '100');
    assert.equal(so.spec.triggers[0].metadata.query, 'sum(rate(http_requests_total{app="nginx"}[2m]))');
  });

  it('creates a Service selecting the pod labels on the container ports', () => {
    assert.equal(
      run(DEPLOY, SVC, 'Service'),
      `${DEPLOY}---
apiVersion: v1
kind: Service
metadata:
  name: nginx-deployment
spec:
  selector:
    app: nginx
  ports:
  - port: 80
    targetPort: 80
`,
    );
  });

  it('keeps the namespace, every pod label, named ports and the indented sequence style', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
        tier: backend
        version: "2"
    spec:
      containers:
        - name: api
          image: registry.example.com/api:1.4.0
          ports:
            - name: http
              containerPort: 8080
            - containerPort: 9090
            - containerPort: 5353
              protocol: UDP
        - name: sidecar
          image: envoyproxy/envoy:v1.30.1
          ports:
            - containerPort: 15000
`;
    assert.equal(
      run(text, SVC, 'Service'),
      `${text}---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
spec:
  selector:
    app: api
    tier: backend
    version: "2"
  ports:
    - name: http
      port: 8080
      targetPort: http
    - name: tcp-9090
      port: 9090
      targetPort: 9090
    - name: udp-5353
      port: 5353
      targetPort: 5353
      protocol: UDP
`,
    );
    assert.equal(
      run(text, HPA, 'HorizontalPodAutoscaler'),
      `${text}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: api
  namespace: shop
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: api
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 300
`,
    );
  });

  it('inserts after the right document of a multi-document file', () => {
    const text = `${CONFIG}---\n${DEPLOY}\n# trailing comment\n---\n${SERVICE}`;
    const out = run(text, HPA, 'HorizontalPodAutoscaler', { offset: text.indexOf('nginx:1.14.2') });
    const hpaStart = out.indexOf('---\napiVersion: autoscaling/v2');
    assert.ok(out.slice(0, hpaStart).endsWith(`${DEPLOY}\n# trailing comment\n`));
    assert.ok(out.endsWith(`stabilizationWindowSeconds: 300\n---\n${SERVICE}`));
    // The `---` line belongs to the document after it.
    assert.deepEqual(titles(text, { offset: text.indexOf('---\napiVersion: apps/v1') }), [HPA, KEDA, SVC]);
    assert.deepEqual(titles(text, { offset: 0 }), []);
  });

  it('keeps CRLF line endings and ends a last line that lacks a newline', () => {
    const text = DEPLOY.trimEnd().replace(/\n/g, '\r\n');
    const out = run(text, SVC, 'Service', { offset: text.length });
    assert.equal(
      out,
      `${text}\r\n---\r\napiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: nginx-deployment\r\nspec:\r\n  selector:\r\n    app: nginx\r\n  ports:\r\n  - port: 80\r\n    targetPort: 80\r\n`,
    );
    assert.ok(!/[^\r]\n/.test(out));
  });
});

describe('generate: StatefulSet', () => {
  const STS = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: nginx
  serviceName: nginx
  replicas: 3
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
        ports:
        - containerPort: 80
          name: web
`;

  it('creates the headless Service its serviceName names', () => {
    assert.deepEqual(titles(STS), [HPA, KEDA, 'Create headless Service']);
    assert.equal(
      run(STS, 'Create headless Service', 'Service'),
      `${STS}---
apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - name: web
    port: 80
    targetPort: web
`,
    );
  });

  it('targets the StatefulSet kind explicitly from a ScaledObject', () => {
    const out = run(STS, KEDA, 'ScaledObject');
    assert.ok(out.includes(`spec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: StatefulSet\n    name: web\n  minReplicaCount: 2\n`));
    assert.ok(run(STS, HPA, 'HorizontalPodAutoscaler').includes('    kind: StatefulSet\n    name: web\n'));
  });
});
