// The Kubernetes snippets as a user gets them: expanded with the defaults (or a typed name) and linted together as one
// workspace so the cross-object rules (Service → pods, Ingress → Service, autoscaler → workload) see each other; then
// what each snippet's tab stops fill in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { applyEdits } from '../../server/src/core/fixes';
import { analyzeManifest } from '../../server/src/core/k8s/analyze';
import { parseManifest } from '../../server/src/core/k8s/parse';
import { ManifestWorkspace } from '../../server/src/core/k8s/workspace';
import type { Finding } from '../../server/src/core/types';
import { manifestRules } from '../../server/src/rules';
import { replicasWithAutoscaler } from '../../server/src/rules/k8s/replicas-with-autoscaler';
import { prefixesOf } from '../../scripts/snippets-doc';
import { ACCEPTED_INFO, blocking, expand, fmt, snippets } from '../helpers/snippet-expansion';

// Kubernetes: every snippet with its defaults forms one app; each autoscaler scales an app of its own (one workload
// takes one autoscaler, or autoscaler-conflict fires), whose Deployment comes from k8s-deployment.
const APP = ['k8s-deployment', 'k8s-service', 'k8s-service-nodeport', 'k8s-service-lb', 'k8s-ingress', 'k8s-pdb'];
const STANDALONE = ['k8s-service-external'];
const AUTOSCALERS: Record<string, string> = { 'k8s-hpa': 'cpu-scaled', 'k8s-hpa-memory': 'memory-scaled', 'k8s-keda-prometheus': 'queue-scaled' };


interface Workspace {
  files: Map<string, string>;
  lint(): Map<string, Finding[]>;
}

function workspaceOf(files: Map<string, string>): Workspace {
  return {
    files,
    lint() {
      const ws = new ManifestWorkspace();
      for (const [p, text] of files) ws.set(parseManifest(text, p));
      const out = new Map<string, Finding[]>();
      for (const [p, text] of files) out.set(p, analyzeManifest(text, { rules: manifestRules, path: p, workspace: ws, onRuleError: (id, e) => assert.fail(`${id} threw on ${p}: ${e}`) }).findings);
      return out;
    },
  };
}

/** The Deployment of an autoscaled app: k8s-deployment, then the replicas-with-autoscaler quick fix the user is offered. */
function autoscaledDeployment(name: string, scalerPath: string, scalerText: string): string {
  const p = `/ws/${name}/deployment.yaml`;
  const text = expand('k8s-deployment', { 1: name });
  const ws = workspaceOf(new Map([[p, text], [scalerPath, scalerText]])).lint();
  const hits = ws.get(p)!.filter(blocking);
  assert.deepEqual(hits.map((f) => f.ruleId), ['replicas-with-autoscaler'], `k8s-deployment next to ${scalerPath}: ${hits.map(fmt)}`);
  const fix = replicasWithAutoscaler.fixes![0].apply({ text, path: p, workspace: new ManifestWorkspace().with(parseManifest(scalerText, scalerPath)) }, hits[0]);
  assert.ok(fix, 'the remove-replicas fix applies');
  return applyEdits(text, fix.edits);
}

function k8sWorkspace(appName?: string): Workspace {
  const files = new Map<string, string>();
  for (const prefix of [...APP, ...STANDALONE]) files.set(`/ws/app/${prefix}.yaml`, expand(prefix, appName && !STANDALONE.includes(prefix) ? { 1: appName } : {}));
  for (const [prefix, name] of Object.entries(AUTOSCALERS)) {
    const scalerPath = `/ws/${name}/${prefix}.yaml`;
    files.set(scalerPath, expand(prefix, { 1: name }));
    files.set(`/ws/${name}/deployment.yaml`, autoscaledDeployment(name, scalerPath, files.get(scalerPath)!));
  }
  return workspaceOf(files);
}

function assertClean(results: Map<string, Finding[]>): void {
  const problems: string[] = [];
  for (const [p, findings] of results) {
    for (const f of findings) if (blocking(f) || !(f.ruleId in ACCEPTED_INFO)) problems.push(`${p}: ${fmt(f)}`);
  }
  assert.deepEqual(problems, [], 'findings on the expanded snippets');
}

describe('Kubernetes snippets', () => {
  it('the workspace covers every Kubernetes snippet', () => {
    const yaml = snippets.filter((s) => s.file.language === 'yaml').map((s) => prefixesOf(s.snippet)[0]).sort();
    assert.deepEqual(yaml, [...APP, ...STANDALONE, ...Object.keys(AUTOSCALERS)].sort());
  });

  it('expanded with their defaults, linted together: no error or warning (schema included)', () => {
    const ws = k8sWorkspace();
    assertClean(ws.lint());
    // The cross-object rules had something to check: each file holds the object its snippet promises.
    for (const [p, text] of ws.files) assert.equal(parseManifest(text, p).objects.length, 1, `${p}: one object`);
  });

  it('with the app renamed in every snippet, still linted clean together', () => {
    const ws = k8sWorkspace('shop-api');
    assert.match(ws.files.get('/ws/app/k8s-ingress.yaml')!, /name: shop-api\n/);
    assertClean(ws.lint());
  });

  it('a broken link is caught: the Service selecting another name warns', () => {
    const ws = k8sWorkspace();
    ws.files.set('/ws/app/k8s-service.yaml', expand('k8s-service', { 1: 'other' }));
    const hits = [...ws.lint().values()].flat().filter(blocking).map((f) => f.ruleId);
    assert.ok(hits.includes('service-selects-nothing'), `${hits}`);
  });

  it('Deployment: the name fills metadata, labels, selector, container and image; the port fills the probes', () => {
    const d = parseYaml(expand('k8s-deployment', { 1: 'shop-api', 3: 9090, 7: '/ready' }));
    const label = { 'app.kubernetes.io/name': 'shop-api' };
    assert.equal(d.metadata.name, 'shop-api');
    assert.deepEqual(d.metadata.labels, label);
    assert.deepEqual(d.spec.selector.matchLabels, label);
    assert.deepEqual(d.spec.template.metadata.labels, label);
    const [c] = d.spec.template.spec.containers;
    assert.equal(c.name, 'shop-api');
    assert.equal(c.ports[0].containerPort, 9090);
    for (const probe of [c.readinessProbe, c.livenessProbe]) assert.deepEqual(probe.httpGet, { path: '/ready', port: 9090 });
    assert.equal(c.image, 'registry.example.com/shop-api:1.0.0', 'the image default follows the name');
    assert.deepEqual(c.securityContext, { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    assert.equal(d.spec.template.spec.securityContext.runAsNonRoot, true);
    assert.deepEqual(c.resources, { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } });
  });

  for (const [prefix, type] of [['k8s-service', 'ClusterIP'], ['k8s-service-nodeport', 'NodePort'], ['k8s-service-lb', 'LoadBalancer']]) {
    it(`${prefix}: a ${type} Service whose selector follows the name`, () => {
      const s = parseYaml(expand(prefix, { 1: 'shop-api', 3: 9090 }));
      assert.equal(s.spec.type, type);
      assert.equal(s.metadata.name, 'shop-api');
      assert.deepEqual(s.spec.selector, { 'app.kubernetes.io/name': 'shop-api' });
      assert.equal(s.spec.ports[0].targetPort, 9090);
    });
  }

  it('k8s-service-lb offers externalTrafficPolicy as a choice', () => {
    assert.equal(parseYaml(expand('k8s-service-lb')).spec.externalTrafficPolicy, 'Cluster');
    assert.equal(parseYaml(expand('k8s-service-lb', { 4: 'Local' })).spec.externalTrafficPolicy, 'Local');
  });

  it('Ingress: backend, TLS secret and host follow the name; the host is one tab stop for rule and TLS', () => {
    const i = parseYaml(expand('k8s-ingress', { 1: 'shop-api' }));
    assert.equal(i.spec.ingressClassName, 'nginx');
    assert.deepEqual(i.spec.tls, [{ hosts: ['shop-api.example.com'], secretName: 'shop-api-tls' }]);
    assert.equal(i.spec.rules[0].host, 'shop-api.example.com');
    assert.deepEqual(i.spec.rules[0].http.paths[0], { path: '/', pathType: 'Prefix', backend: { service: { name: 'shop-api', port: { number: 80 } } } });
    const typed = parseYaml(expand('k8s-ingress', { 1: 'shop-api', 3: 'shop.example.org' }));
    assert.deepEqual([typed.spec.tls[0].hosts[0], typed.spec.rules[0].host], ['shop.example.org', 'shop.example.org']);
  });

  for (const prefix of Object.keys(AUTOSCALERS)) {
    it(`${prefix}: scaleTargetRef follows the name`, () => {
      const a = parseYaml(expand(prefix, { 1: 'shop-api' }));
      assert.equal(a.metadata.name, 'shop-api');
      assert.equal(a.spec.scaleTargetRef.name, 'shop-api');
    });
  }

  it('HPAs: autoscaling/v2 from 2 replicas, cpu at 70% (plus memory), scale-down window 300s', () => {
    for (const prefix of ['k8s-hpa', 'k8s-hpa-memory']) {
      const h = parseYaml(expand(prefix));
      assert.equal(h.apiVersion, 'autoscaling/v2');
      assert.equal(h.spec.minReplicas, 2);
      assert.deepEqual(h.spec.metrics[0].resource, { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } });
      assert.equal(h.spec.behavior.scaleDown.stabilizationWindowSeconds, 300);
    }
    assert.deepEqual(parseYaml(expand('k8s-hpa-memory')).spec.metrics.map((m: { resource: { name: string } }) => m.resource.name), ['cpu', 'memory']);
  });

  it('KEDA: a prometheus trigger with serverAddress, a query naming the app, and a string threshold', () => {
    const k = parseYaml(expand('k8s-keda-prometheus', { 1: 'shop-api' }));
    assert.equal(k.apiVersion, 'keda.sh/v1alpha1');
    const [t] = k.spec.triggers;
    assert.equal(t.type, 'prometheus');
    assert.match(t.metadata.serverAddress, /^http:\/\//);
    assert.equal(t.metadata.query, 'sum(rate(http_requests_total{service="shop-api"}[2m]))');
    assert.equal(t.metadata.threshold, '100');
  });

  it('PDB: the selector follows the name; maxUnavailable or minAvailable is a choice', () => {
    const p = parseYaml(expand('k8s-pdb', { 1: 'shop-api' }));
    assert.deepEqual(p.spec.selector.matchLabels, { 'app.kubernetes.io/name': 'shop-api' });
    assert.equal(p.spec.maxUnavailable, 1);
    const min = parseYaml(expand('k8s-pdb', { 2: 'minAvailable' }));
    assert.deepEqual([min.spec.minAvailable, min.spec.maxUnavailable], [1, undefined]);
  });
});
