// Offline Kubernetes schema, part 1: valid manifests of each supported kind pass, the known kinds, and the schema
// lookups behind hover and completion. Findings on mistakes and odd YAML are in k8s-schema-findings.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describePath, hasSchema, keysAt } from '../../server/src/core/k8s/schema';
import { nginxDeployment } from '../fixtures/nginx-deployment';
import { check } from '../helpers/schema-check';

describe('k8s schema: valid manifests', () => {
  const valid: Record<string, string> = {
    Deployment: nginxDeployment({ container: '        resources:\n          requests:\n            cpu: 500m\n            memory: 512Mi\n          limits:\n            cpu: 1\n            memory: 1Gi\n' }),
    Service: `apiVersion: v1
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
      targetPort: http
    - name: metrics
      protocol: TCP
      port: 9090
      targetPort: 8080
`,
    Ingress: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: minimal-ingress
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
spec:
  ingressClassName: nginx-example
  tls:
  - hosts:
      - https-example.foo.com
    secretName: testsecret-tls
  rules:
  - host: https-example.foo.com
    http:
      paths:
      - path: /testpath
        pathType: Prefix
        backend:
          service:
            name: test
            port:
              number: 80
`,
    HorizontalPodAutoscaler: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: php-apache
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: php-apache
  minReplicas: 1
  maxReplicas: 10
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 50
  - type: Pods
    pods:
      metric:
        name: packets-per-second
      target:
        type: AverageValue
        averageValue: 1k
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 300
      policies:
      - type: Percent
        value: 100
        periodSeconds: 15
`,
    ConfigMap: `apiVersion: v1
kind: ConfigMap
metadata:
  name: game-demo
data:
  player_initial_lives: "3"
  ui_properties_file_name: "user-interface.properties"
  game.properties: |
    enemy.types=aliens,monsters
    player.maximum-lives=5
immutable: true
`,
    CronJob: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "* * * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      backoffLimit: 4
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.28
            imagePullPolicy: IfNotPresent
            command:
            - /bin/sh
            - -c
            - date; echo Hello from the Kubernetes cluster
          restartPolicy: OnFailure
`,
    ScaledObject: `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: orders-worker
spec:
  scaleTargetRef:
    name: orders-worker
  pollingInterval: 30
  cooldownPeriod: 300
  minReplicaCount: 0
  maxReplicaCount: 20
  fallback:
    failureThreshold: 3
    replicas: 6
  advanced:
    restoreToOriginalReplicaCount: true
    horizontalPodAutoscalerConfig:
      behavior:
        scaleDown:
          stabilizationWindowSeconds: 300
          policies:
          - type: Percent
            value: 100
            periodSeconds: 15
  triggers:
  - type: rabbitmq
    metadata:
      queueName: orders
      mode: QueueLength
      value: "20"
    authenticationRef:
      name: rabbitmq-auth
  - type: cpu
    metricType: Utilization
    metadata:
      value: "60"
`,
    TriggerAuthentication: `apiVersion: keda.sh/v1alpha1
kind: TriggerAuthentication
metadata:
  name: rabbitmq-auth
spec:
  secretTargetRef:
  - parameter: host
    name: rabbitmq
    key: host
`,
  };
  for (const [kind, source] of Object.entries(valid)) it(`${kind} has no issues`, () => assert.deepEqual(check(source), []));

  it('knows the built-in kinds and KEDA, not custom resources', () => {
    for (const k of ['v1/Pod', 'v1/Secret', 'v1/Namespace', 'apps/v1/StatefulSet', 'batch/v1/Job', 'policy/v1/PodDisruptionBudget', 'rbac.authorization.k8s.io/v1/ClusterRoleBinding', 'autoscaling/v1/HorizontalPodAutoscaler', 'networking.k8s.io/v1/NetworkPolicy', 'storage.k8s.io/v1/StorageClass', 'keda.sh/v1alpha1/TriggerAuthentication']) {
      const i = k.lastIndexOf('/');
      assert.ok(hasSchema(k.slice(0, i), k.slice(i + 1)), k);
    }
    assert.equal(hasSchema('extensions/v1beta1', 'Deployment'), false);
    // Custom resources Stevedore does not bundle (test/core/bundled-crds.test.ts covers the bundled ones).
    assert.equal(hasSchema('example.com/v1', 'Widget'), false);
    assert.equal(hasSchema('v1', 'constructor'), false);
  });
});

describe('k8s schema: hover and completion', () => {
  it('describePath gives description and type', () => {
    const replicas = describePath('apps/v1', 'Deployment', ['spec', 'replicas']);
    assert.equal(replicas?.type, 'integer');
    assert.match(replicas?.description ?? '', /Number of desired pods/);
    assert.equal(describePath('apps/v1', 'Deployment', ['spec', 'template', 'spec', 'containers'])?.type, 'Container[]');
    const policy = describePath('apps/v1', 'Deployment', ['spec', 'template', 'spec', 'containers', 0, 'imagePullPolicy']);
    assert.equal(policy?.type, '"Always" | "IfNotPresent" | "Never"');
    assert.equal(describePath('v1', 'Service', ['spec', 'ports', 0, 'targetPort'])?.type, 'integer | string');
    assert.equal(describePath('v1', 'Pod', ['spec', 'containers', 0, 'resources', 'limits'])?.type, 'map[string]Quantity');
    assert.match(describePath('v1', 'Pod', ['spec', 'containers', 0, 'resources', 'limits', 'cpu'])?.description ?? '', /500m/);
    assert.match(describePath('apps/v1', 'Deployment', [])?.description ?? '', /declarative updates/);
    assert.match(describePath('keda.sh/v1alpha1', 'ScaledObject', ['spec', 'cooldownPeriod'])?.description ?? '', /Defaults to 300/);
    assert.equal(describePath('apps/v1', 'Deployment', ['spec', 'nope']), undefined);
    assert.equal(describePath('example.com/v1', 'Widget', ['spec']), undefined);
  });

  it('keysAt lists allowed keys with type, description and required', () => {
    const keys = keysAt('apps/v1', 'Deployment', ['spec']);
    const byName = new Map(keys.map((k) => [k.name, k]));
    assert.deepEqual(byName.get('replicas') && { ...byName.get('replicas'), description: undefined }, { name: 'replicas', type: 'integer', required: false, description: undefined });
    assert.equal(byName.get('selector')?.required, true);
    assert.equal(byName.get('template')?.type, 'PodTemplateSpec');
    assert.ok(keys.every((k) => typeof k.description === 'string' && k.description.length > 0));
    assert.ok(keysAt('v1', 'Pod', ['spec', 'containers', 0]).some((k) => k.name === 'image'));
    assert.ok(keysAt('apps/v1', 'Deployment', []).some((k) => k.name === 'metadata'));
    assert.deepEqual(keysAt('v1', 'ConfigMap', ['data']), []);
    assert.deepEqual(keysAt('example.com/v1', 'Widget', []), []);
  });
});
