import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/core/fixes';
import { parseManifest } from '../../server/src/core/k8s/parse';
import { ManifestWorkspace } from '../../server/src/core/k8s/workspace';
import { createObjectActions } from '../../server/src/core/k8s/generate';
import { NGINX_DEPLOYMENT } from '../fixtures/nginx-deployment';

const FILE = '/ws/app.yaml';
const HPA = 'Create HorizontalPodAutoscaler';
const KEDA = 'Create KEDA ScaledObject (Prometheus)';
const SVC = 'Create Service';
const ING = 'Create Ingress';

// The Deployment of the Kubernetes documentation (sequences flush with their key).
const DEPLOY = NGINX_DEPLOYMENT;

// The Service of the documentation (sequences indented under their key).
const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector:
    app.kubernetes.io/name: MyApp
  ports:
    - name: http
      protocol: TCP
      port: 80
      targetPort: 9376
`;

const CONFIG = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n';

const hpaOf = (name: string, kind = 'Deployment', ns = '') => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
${ns}spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: ${kind}
    name: nginx-deployment
  minReplicas: 1
  maxReplicas: 5
`;

interface Opts {
  offset?: number;
  files?: Record<string, string>;
  path?: string;
}

function workspace(files: Record<string, string> = {}): ManifestWorkspace {
  const ws = new ManifestWorkspace();
  for (const [rel, text] of Object.entries(files)) ws.set(parseManifest(text, `/ws/${rel}`));
  return ws;
}

function titles(text: string, o: Opts = {}): string[] {
  const file = parseManifest(text, o.path ?? FILE);
  return createObjectActions(file, o.offset ?? 0, workspace(o.files)).map((a) => a.title);
}

/** The text after applying an action; also checks the result parses into one more object of `kind`. */
function run(text: string, title: string, kind: string, o: Opts = {}): string {
  const file = parseManifest(text, o.path ?? FILE);
  const action = createObjectActions(file, o.offset ?? 0, workspace(o.files)).find((a) => a.title === title);
  assert.ok(action, `${title} offered`);
  assert.equal(action.kind, 'refactor');
  const out = applyEdits(text, action.edits);
  const after = parseManifest(out, FILE);
  assert.deepEqual(after.docs.flatMap((d) => d.doc.errors.map((e) => e.message)), []);
  assert.equal(after.objects.length, file.objects.length + 1);
  assert.deepEqual(
    after.objects.map((x) => x.kind).sort(),
    [...file.objects.map((x) => x.kind), kind].sort(),
  );
  return out;
}

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

describe('generate: Service', () => {
  it('creates an nginx Ingress routing to the named port', () => {
    assert.deepEqual(titles(SERVICE), [ING]);
    assert.equal(
      run(SERVICE, ING, 'Ingress'),
      `${SERVICE}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: my-service
spec:
  ingressClassName: nginx
  rules:
    - host: my-service.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: my-service
                port:
                  name: http
`,
    );
  });

  it('routes to the port number when the port is unnamed, after the Service in a multi-document file', () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 8080\n';
    const text = `${DEPLOY}---\n${svc}---\n${CONFIG}`;
    const out = run(text, ING, 'Ingress', { offset: text.indexOf('port: 8080') });
    assert.equal(
      out,
      `${DEPLOY}---\n${svc}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
spec:
  ingressClassName: nginx
  rules:
  - host: web.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 8080
---\n${CONFIG}`,
    );
  });

  it('prefers the http port and skips UDP ports', () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: dns\nspec:\n  ports:\n  - name: dns\n    port: 53\n    protocol: UDP\n  - name: metrics\n    port: 9153\n  - name: http\n    port: 8080\n';
    assert.ok(run(svc, ING, 'Ingress').endsWith('            port:\n              name: http\n'));
    assert.deepEqual(titles('apiVersion: v1\nkind: Service\nmetadata:\n  name: dns\nspec:\n  ports:\n  - port: 53\n    protocol: UDP\n'), []);
  });
});

describe('generate: not offered', () => {
  it('no autoscaler actions when an HPA or ScaledObject in the namespace already scales the workload', () => {
    assert.deepEqual(titles(DEPLOY, { files: { 'hpa.yaml': hpaOf('nginx') } }), [SVC]);
    const so = 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: nginx\nspec:\n  scaleTargetRef:\n    name: nginx-deployment\n';
    assert.deepEqual(titles(`${DEPLOY}---\n${so}`), [SVC]);
    // Another namespace, another kind: not this workload's autoscaler.
    assert.deepEqual(titles(DEPLOY, { files: { 'hpa.yaml': hpaOf('nginx', 'Deployment', '  namespace: prod\n') } }), [HPA, KEDA, SVC]);
    assert.deepEqual(titles(DEPLOY, { files: { 'hpa.yaml': hpaOf('nginx', 'StatefulSet') } }), [HPA, KEDA, SVC]);
  });

  it('no HPA when one of that name exists for another target', () => {
    const other = hpaOf('nginx-deployment').replace('    name: nginx-deployment', '    name: other');
    assert.deepEqual(titles(DEPLOY, { files: { 'hpa.yaml': other } }), [KEDA, SVC]);
  });

  it('reads this file from its current text, not the workspace copy', () => {
    assert.deepEqual(titles(DEPLOY, { files: { 'app.yaml': `${DEPLOY}---\n${hpaOf('nginx')}` } }), [HPA, KEDA, SVC]);
  });

  it('no Service when one selects the pods, when the pods have no labels or the container no ports', () => {
    const selecting = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\nspec:\n  selector:\n    app: nginx\n  ports:\n  - port: 80\n';
    assert.deepEqual(titles(DEPLOY, { files: { 'svc.yaml': selecting } }), [HPA, KEDA]);
    assert.deepEqual(titles(DEPLOY, { files: { 'svc.yaml': selecting.replace('name: nginx\n', 'name: nginx\n  namespace: prod\n') } }), [HPA, KEDA, SVC]);
    assert.deepEqual(titles(DEPLOY.replace('    metadata:\n      labels:\n        app: nginx\n', '')), [HPA, KEDA]);
    assert.deepEqual(titles(DEPLOY.replace('        ports:\n        - containerPort: 80\n', '')), [HPA, KEDA]);
  });

  it('no Ingress when one already routes to the Service (any API version)', () => {
    const v1 = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\nspec:\n  defaultBackend:\n    service:\n      name: my-service\n      port:\n        number: 80\n';
    assert.deepEqual(titles(SERVICE, { files: { 'ing.yaml': v1 } }), []);
    const beta = 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: shop\nspec:\n  rules:\n  - http:\n      paths:\n      - backend:\n          serviceName: my-service\n          servicePort: 80\n';
    assert.deepEqual(titles(`${SERVICE}---\n${beta}`), []);
    assert.deepEqual(titles(SERVICE, { files: { 'ing.yaml': v1.replace('name: shop\n', 'name: shop\n  namespace: prod\n') } }), [ING]);
  });

  it('nothing for other kinds, non-objects, Helm templates and Services without TCP ports', () => {
    assert.deepEqual(titles(CONFIG), []);
    assert.deepEqual(titles('# just a comment\n'), []);
    assert.deepEqual(titles(DEPLOY.replace('nginx:1.14.2', '{{ .Values.image }}')), []);
    assert.deepEqual(titles(DEPLOY.replace('kind: Deployment', 'kind: DaemonSet')), []);
    assert.deepEqual(titles('apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: ExternalName\n  externalName: db.example.com\n'), []);
  });
});
