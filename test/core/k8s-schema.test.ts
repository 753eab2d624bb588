// Offline Kubernetes schema: valid manifests pass, mistakes give exact messages on the offending node, hover and keys work.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments, parseDocument, type Node as YamlNode } from 'yaml';
import { describePath, hasSchema, keysAt, validateObject } from '../../server/src/core/k8s/schema';
import { nginxDeployment } from '../fixtures/nginx-deployment';

/** Validates the first document of `source` as its own apiVersion/kind; returns message and flagged source text. */
function check(source: string): { message: string; text: string }[] {
  const doc = parseDocument(source);
  const root = doc.contents as YamlNode;
  const json = doc.toJS() as { apiVersion: string; kind: string };
  assert.ok(hasSchema(json.apiVersion, json.kind), `no schema for ${json.apiVersion}/${json.kind}`);
  return validateObject(json.apiVersion, json.kind, root).map((i) => ({ message: i.message, text: source.slice(i.start, i.end) }));
}

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
    assert.equal(hasSchema('cert-manager.io/v1', 'Certificate'), false);
    assert.equal(hasSchema('v1', 'constructor'), false);
  });
});

describe('k8s schema: findings', () => {
  it('wrong type, on the value', () => {
    assert.deepEqual(check(nginxDeployment({ replicas: '"3"' })), [{ message: 'spec.replicas: expected integer, got string "3"', text: '"3"' }]);
  });

  it('enum, unknown field with a suggestion, missing required key', () => {
    const source = nginxDeployment({ container: '        imagePullPolicy: Sometimes\n      - image: busybox\n        ports:\n        - containerport: 80\n' });
    assert.deepEqual(check(source), [
      { message: 'spec.template.spec.containers[0].imagePullPolicy: expected one of Always, IfNotPresent, Never, got "Sometimes"', text: 'Sometimes' },
      { message: 'spec.template.spec.containers[1].ports[0].containerport: unknown field (did you mean "containerPort"?)', text: 'containerport' },
      { message: 'spec.template.spec.containers[1].ports[0]: missing required key "containerPort"', text: 'containerport' },
      { message: 'spec.template.spec.containers[1]: missing required key "name"', text: 'image' },
    ]);
  });

  it('a missing key is reported on the parent key, or on the first key at the root', () => {
    const noSelector = nginxDeployment().replace('  selector:\n    matchLabels:\n      app: nginx\n', '');
    assert.deepEqual(check(noSelector), [{ message: 'spec: missing required key "selector"', text: 'spec' }]);
    assert.deepEqual(check(nginxDeployment({ selector: '    {}' })), [{ message: 'spec.selector: required key "matchLabels" or "matchExpressions"', text: 'selector' }]);
    assert.deepEqual(check('apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: x\n'), [{ message: 'missing required key "spec"', text: 'apiVersion' }]);
  });

  it('unknown fields are errors, maps are open, suggestions are case-insensitive or near', () => {
    const source = `apiVersion: v1
kind: ConfigMap
metadata:
  name: x
  label:
    a: b
  annotations:
    anything.example.com/goes: "yes"
datas:
  a: b
totallyUnrelated: 1
`;
    assert.deepEqual(check(source), [
      { message: 'metadata.label: unknown field (did you mean "labels"?)', text: 'label' },
      { message: 'datas: unknown field (did you mean "data"?)', text: 'datas' },
      { message: 'totallyUnrelated: unknown field', text: 'totallyUnrelated' },
    ]);
  });

  it('strings stay strings: numbers and YAML 1.1 booleans in string fields are flagged', () => {
    const source = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels:\n    enabled: yes\ndata:\n  port: 8080\n  ratio: 0.5\n  quoted: "8080"\n';
    assert.deepEqual(check(source), [
      { message: 'metadata.labels.enabled: expected string, got boolean yes', text: 'yes' },
      { message: 'data.port: expected string, got integer 8080', text: '8080' },
      { message: 'data.ratio: expected string, got number 0.5', text: '0.5' },
    ]);
    assert.deepEqual(check('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  hostNetwork: yes\n  containers: [{name: a, image: b}]\n'), []);
  });

  it('int-or-string and quantities accept both forms, and only those', () => {
    const svc = (target: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 80\n    targetPort: ${target}\n`;
    assert.deepEqual(check(svc('http')), []);
    assert.deepEqual(check(svc('8080')), []);
    assert.deepEqual(check(svc('true')), [{ message: 'spec.ports[0].targetPort: expected integer or string, got boolean true', text: 'true' }]);
    assert.deepEqual(check(svc('[8080]')), [{ message: 'spec.ports[0].targetPort: expected integer or string, got array', text: '[8080]' }]);
    const res = (limits: string) => nginxDeployment({ container: `        resources:\n          limits:\n${limits}` });
    assert.deepEqual(check(res('            cpu: 500m\n            memory: 512Mi\n')), []);
    assert.deepEqual(check(res('            cpu: 1\n            memory: 1.5Gi\n            ephemeral-storage: 2e9\n')), []);
    assert.deepEqual(check(res('            cpu: "0.5"\n            memory: 512MB\n')), [
      { message: 'spec.template.spec.containers[0].resources.limits.memory: expected a quantity such as 500m, 2, 1.5, 512Mi or 1Gi, got string "512MB"', text: '512MB' },
    ]);
    assert.deepEqual(check(res('            cpu: {}\n')), [
      { message: 'spec.template.spec.containers[0].resources.limits.cpu: expected string or number, got object', text: '{}' },
    ]);
  });

  it('null values: fine when optional, flagged when required', () => {
    const source = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels:\nspec:\n  nodeSelector: ~\n  containers:\n';
    assert.deepEqual(check(source), [{ message: 'spec.containers: expected array, got null', text: 'containers' }]);
  });

  it('an empty string is the default for an optional enum, not for a required one', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers: [{name: a, image: b, imagePullPolicy: ""}]\n  tolerations:\n  - operator: Exists\n    effect: ""\n';
    assert.deepEqual(check(pod), []);
    const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: x\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: ""\n        backend: {service: {name: s, port: {name: http}}}\n';
    assert.deepEqual(check(ingress), [{ message: 'spec.rules[0].http.paths[0].pathType: expected one of Exact, ImplementationSpecific, Prefix, got ""', text: '""' }]);
  });

  it('KEDA: enums and required keys of triggers', () => {
    const source = `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: w
spec:
  scaleTargetRef:
    name: w
  triggers:
  - type: prometheus
    metricType: Average
    metadata:
      threshold: 5
  - metadata: {}
`;
    assert.deepEqual(check(source), [
      { message: 'spec.triggers[0].metricType: expected one of AverageValue, Value, Utilization, got "Average"', text: 'Average' },
      { message: 'spec.triggers[0].metadata.threshold: expected string, got integer 5', text: '5' },
      { message: 'spec.triggers[1]: missing required key "type"', text: 'metadata' },
    ]);
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

describe('k8s schema: odd YAML', () => {
  it('aliases, merge keys, tags, complex and odd keys, empty and non-map documents do not throw', () => {
    const sources = [
      'apiVersion: v1\nkind: ConfigMap\nmetadata: &m\n  name: x\ndata: *m\n',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n  - &c {name: a, image: b}\n  - <<: *c\n    name: d\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: !!map {name: x}\ndata: !custom {a: !!str 1, b: !!binary aGk=}\n',
      'apiVersion: v1\nkind: ConfigMap\n? [complex, key]\n: 1\n__proto__: 1\nconstructor: {}\nmetadata: {name: x, "": 1, null: 2}\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  name: y\n',
      '',
      '# just a comment\n',
      '- a\n- b\n',
      'just a string',
      'apiVersion: v1\nkind: Pod\nspec: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n',
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: b\n    ports: {{',
    ];
    for (const source of sources) {
      for (const doc of parseAllDocuments(source)) {
        if (!('contents' in doc)) continue;
        assert.doesNotThrow(() => validateObject('v1', 'Pod', doc.contents as YamlNode), source);
        assert.doesNotThrow(() => validateObject('v1', 'ConfigMap', doc.contents as YamlNode), source);
      }
    }
    assert.deepEqual(validateObject('v1', 'Pod', null as unknown as YamlNode), []);
    const merged = parseDocument(sources[1]).contents as YamlNode;
    assert.deepEqual(validateObject('v1', 'Pod', merged), []);
    const odd = validateObject('v1', 'ConfigMap', parseDocument(sources[3]).contents as YamlNode).map((i) => i.message);
    assert.deepEqual(odd, ['__proto__: unknown field', 'constructor: unknown field', 'metadata[""]: unknown field', 'metadata.null: unknown field']);
  });

  it('caps the findings of a huge object', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `  bogus${i}: 1`).join('\n');
    const source = `apiVersion: v1\nkind: Pod\nmetadata:\n${keys}\n`;
    const issues = validateObject('v1', 'Pod', parseDocument(source).contents as YamlNode);
    assert.equal(issues.length, 100);
  });

  it('validates many objects quickly', () => {
    const source = Array.from({ length: 200 }, (_, i) => nginxDeployment({ replicas: String(i) })).join('---\n');
    const docs = parseAllDocuments(source) as { contents: YamlNode }[];
    const start = performance.now();
    for (const doc of docs) assert.deepEqual(validateObject('apps/v1', 'Deployment', doc.contents), []);
    assert.ok(performance.now() - start < 500, 'took too long');
  });
});
