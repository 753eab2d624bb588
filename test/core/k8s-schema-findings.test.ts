// Offline Kubernetes schema, part 2: mistakes give exact messages on the offending node, and odd or huge YAML neither
// throws nor floods. Valid manifests and the hover/completion lookups are in k8s-schema-valid.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments, parseDocument, type Node as YamlNode } from 'yaml';
import { validateObject } from '../../server/src/core/k8s/schema';
import { nginxDeployment } from '../fixtures/nginx-deployment';
import { check } from '../helpers/schema-check';

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
