// The snippets as a user gets them: each body expanded the way VS Code inserts it with the defaults (or with typed
// values), then run through Stevedore's own analyzers. Kubernetes snippets are linted together as one workspace so
// the cross-object rules (Service → pods, Ingress → Service, autoscaler → workload) see each other.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import ignore from 'ignore';
import { parse as parseYaml } from 'yaml';
import { analyzeDockerfile } from '../../server/src/core/dockerfile/analyze';
import { MemoryContext } from '../../server/src/core/context';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { applyEdits } from '../../server/src/core/fixes';
import { analyzeManifest } from '../../server/src/core/k8s/analyze';
import { parseManifest } from '../../server/src/core/k8s/parse';
import { ManifestWorkspace } from '../../server/src/core/k8s/workspace';
import type { Finding } from '../../server/src/core/types';
import { replicasWithAutoscaler } from '../../server/src/rules/k8s/replicas-with-autoscaler';
import { DOCKERIGNORE_LANGUAGE, loadSnippets, prefixesOf, snippetContributions, snippetTable, SNIPPET_FILES, type SnippetDef } from '../../scripts/snippets-doc';
import { TYPICAL_CONTEXT } from '../helpers/context';
import { conflictingDefaults, expandSnippet, tabStops, type TabStopValues } from './expand';
import { dockerfileRules, manifestRules } from '../../server/src/rules';

const snippets = loadSnippets();
const byPrefix = new Map(snippets.map((s) => [prefixesOf(s.snippet)[0], s.snippet]));
const snippet = (prefix: string): SnippetDef => byPrefix.get(prefix) ?? assert.fail(`no snippet with prefix ${prefix}`);
const expand = (prefix: string, values: TabStopValues = {}) => expandSnippet(snippet(prefix).body, values);
const fmt = (f: Finding) => `${f.severity} ${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`;
const blocking = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

describe('snippet files', () => {
  it('are valid JSON objects whose snippets have a prefix, a body and a description', () => {
    assert.equal(SNIPPET_FILES.length, 3);
    for (const file of SNIPPET_FILES) {
      const parsed = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../..', file.path), 'utf8'));
      assert.ok(parsed && typeof parsed === 'object' && !Array.isArray(parsed), `${file.path}: an object of snippets`);
      assert.ok(Object.keys(parsed).length, `${file.path} has snippets`);
    }
    for (const { name, snippet: s } of snippets) {
      assert.deepEqual(Object.keys(s).sort(), ['body', 'description', 'prefix'], `${name}: keys`);
      assert.ok(prefixesOf(s).length && prefixesOf(s).every((p) => typeof p === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(p)), `${name}: prefixes ${s.prefix}`);
      assert.ok(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.every((l) => typeof l === 'string')), `${name}: body`);
      assert.ok(typeof s.description === 'string' && s.description.length > 20, `${name}: description`);
    }
  });

  it('use unique, namespaced prefixes', () => {
    const all = snippets.flatMap((s) => prefixesOf(s.snippet));
    assert.deepEqual(all.filter((p, i) => all.indexOf(p) !== i), [], 'duplicate prefixes');
    const namespace: Record<string, RegExp> = { yaml: /^k8s-/, dockerfile: /^docker-/, ignore: /^dockerignore$/ };
    for (const { name, file, snippet: s } of snippets) assert.match(prefixesOf(s)[0], namespace[file.language], `${name} (${file.language})`);
  });

  it('have tab-free, space-indented bodies with consistent tab stops ending in $0', () => {
    for (const { name, file, snippet: s } of snippets) {
      const lines = Array.isArray(s.body) ? s.body : s.body.split('\n');
      assert.deepEqual(lines.filter((l) => l.includes('\t')), [], `${name}: tabs`);
      assert.deepEqual(lines.filter((l) => /\s$/.test(l)), [], `${name}: trailing spaces`);
      if (file.language === 'yaml') assert.deepEqual(lines.filter((l) => /^ */.exec(l)![0].length % 2), [], `${name}: odd indentation`);
      const stops = [...tabStops(s.body).keys()].sort((a, b) => a - b);
      assert.equal(lines[lines.length - 1], '$0', `${name}: ends with $0`);
      assert.deepEqual(stops, stops.map((_, i) => i), `${name}: tab stops 0..n without gaps`);
      assert.deepEqual(conflictingDefaults(s.body), [], `${name}: a tab stop with two different defaults`);
    }
  });

  it('are all contributed in package.json, and .dockerignore is mapped to the ignore language', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.snippets, snippetContributions(), 'contributes.snippets');
    const ignoreLang = (pkg.contributes.languages ?? []).find((l: { id: string }) => l.id === DOCKERIGNORE_LANGUAGE.id);
    assert.deepEqual(ignoreLang?.filenames, DOCKERIGNORE_LANGUAGE.filenames, 'contributes.languages maps .dockerignore to ignore');
  });

  it('are listed in the README table with prefix, language and description', () => {
    const rows = snippetTable().split('\n');
    assert.equal(rows[0], '| Prefix | Language | What it inserts |');
    assert.equal(rows.length, 2 + snippets.length);
    for (const { file, snippet: s } of snippets) {
      const row = rows.find((r) => r.startsWith(`| \`${prefixesOf(s)[0]}\``));
      assert.ok(row, `row for ${prefixesOf(s)[0]}`);
      assert.equal(row, `| ${prefixesOf(s).map((p) => `\`${p}\``).join(', ')} | ${file.label} | ${s.description} |`);
    }
  });
});

describe('snippet expander', () => {
  it('fills placeholders, first choices, mirrors (also before their definition), nested stops and escapes', () => {
    assert.equal(expandSnippet(['a: $1', 'b: ${1:x}', 'c: ${2|p,q|}', 'd: ${3:$1.y}', 'e: \\$1 \\} $', '$0']), 'a: x\nb: x\nc: p\nd: x.y\ne: $1 } $\n');
    assert.equal(expandSnippet('${1:x} ${2:${1}-z} $2', { 1: 'w' }), 'w w-z w-z');
    assert.equal(expandSnippet("q: '${1:f{a=\"$2\"\\}}' ${2:b}"), 'q: \'f{a="b"}\' b');
    assert.throws(() => expandSnippet('${1/a/b/}'), /transforms/);
    assert.throws(() => expandSnippet('$TM_FILENAME'), /variable/);
    assert.throws(() => expandSnippet('${1:open'), /unclosed/);
  });
});

// Kubernetes: every snippet with its defaults forms one app; each autoscaler scales an app of its own (one workload
// takes one autoscaler, or autoscaler-conflict fires), whose Deployment comes from k8s-deployment.
const APP = ['k8s-deployment', 'k8s-service', 'k8s-service-nodeport', 'k8s-service-lb', 'k8s-ingress', 'k8s-pdb'];
const STANDALONE = ['k8s-service-external'];
const AUTOSCALERS: Record<string, string> = { 'k8s-hpa': 'cpu-scaled', 'k8s-hpa-memory': 'memory-scaled', 'k8s-keda-prometheus': 'queue-scaled' };

/**
 * Info-level findings accepted on the expanded snippets, with why. Anything else at info level fails the test too, so
 * a new rule that fires on a snippet gets a decision.
 */
const ACCEPTED_INFO: Record<string, string> = {};

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

// Dockerfiles: each in a typical build context (sources, lock files, .git, node_modules, .env, a virtualenv) with the
// .dockerignore starter beside it, so the context rules (missing-dockerignore, dockerignore-gap, cache-busting-copy)
// judge the pair the user would create.
const DOCKERFILES = ['docker-python', 'docker-go', 'docker-node'];
const CONTEXT = { ...TYPICAL_CONTEXT, '.venv/pyvenv.cfg': 'home = /usr/bin\n', 'main.go': 'package main\n', 'src/server.ts': '' };

function lintDockerfile(text: string, withIgnore = true): Finding[] {
  const files: Record<string, string> = { ...CONTEXT, Dockerfile: text };
  if (withIgnore) files['.dockerignore'] = expand('dockerignore');
  return analyzeDockerfile(text, { rules: dockerfileRules, path: '/ctx/Dockerfile', context: new MemoryContext(files, '/ctx'), onRuleError: (id, e) => assert.fail(`${id} threw: ${e}`) });
}

/** Local COPY sources of a Dockerfile (not --from), as written. */
function copySources(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => /^COPY /.test(l) && !l.includes('--from='))
    .flatMap((l) => l.split(/\s+/).slice(1, -1));
}

describe('Dockerfile and .dockerignore snippets', () => {
  before(() => initShellParser());

  it('the tests cover every Dockerfile snippet', () => {
    const files = snippets.filter((s) => s.file.language === 'dockerfile').map((s) => prefixesOf(s.snippet)[0]);
    assert.deepEqual(files.sort(), [...DOCKERFILES].sort());
  });

  for (const prefix of DOCKERFILES) {
    it(`${prefix}: no error or warning next to the .dockerignore starter`, () => {
      const text = expand(prefix);
      const findings = lintDockerfile(text);
      assert.deepEqual(findings.filter((f) => blocking(f) || !(f.ruleId in ACCEPTED_INFO)).map(fmt), []);
      // The context rules were live: without the starter the same Dockerfile is told to add one.
      assert.ok(lintDockerfile(text, false).some((f) => f.ruleId === 'missing-dockerignore'), 'missing-dockerignore without the starter');
    });
  }

  it('docker-python: pinned slim base, requirements before sources, no pip cache, non-root, HEALTHCHECK on the port', () => {
    const text = expand('docker-python', { 2: 5000 });
    assert.match(text, /^FROM python:3\.13-slim$/m);
    assert.ok(text.indexOf('COPY requirements.txt') < text.indexOf('RUN pip install --no-cache-dir') && text.indexOf('RUN pip install') < text.indexOf('COPY . .'));
    assert.match(text, /^USER 10001:10001$/m);
    assert.match(text, /^EXPOSE 5000$/m);
    assert.match(text, /http:\/\/127\.0\.0\.1:5000\/healthz/);
    assert.match(text, /^CMD \["python", "app\.py"\]$/m);
  });

  it('docker-go: go.mod first, binary name linked from build to distroless ENTRYPOINT', () => {
    const text = expand('docker-go', { 2: 'shop-api' });
    assert.ok(text.indexOf('COPY go.mod go.sum ./') < text.indexOf('RUN go mod download') && text.indexOf('go mod download') < text.indexOf('COPY . .'));
    assert.match(text, /-o \/out\/shop-api \.$/m);
    assert.match(text, /^FROM gcr\.io\/distroless\/static-debian12:nonroot$/m);
    assert.match(text, /^COPY --from=build \/out\/shop-api \/usr\/local\/bin\/shop-api$/m);
    assert.match(text, /^ENTRYPOINT \["\/usr\/local\/bin\/shop-api"\]$/m);
    assert.match(text, /^USER 65532:65532$/m);
  });

  it('docker-node: one Node version for all stages, npm ci with cache cleanup, output folder linked to CMD', () => {
    const text = expand('docker-node', { 1: '20', 2: 'build', 3: 8081 });
    assert.deepEqual(text.match(/^FROM .*/gm), ['FROM node:20-bookworm-slim AS deps', 'FROM node:20-bookworm-slim AS build', 'FROM node:20-bookworm-slim']);
    assert.match(text, /^RUN npm ci --omit=dev && npm cache clean --force$/m);
    assert.match(text, /^COPY --from=build \/app\/build \.\/build$/m);
    assert.match(text, /^CMD \["node", "build\/server\.js"\]$/m);
    assert.match(text, /127\.0\.0\.1:8081\/healthz/);
    assert.match(text, /^USER 1000:1000$/m);
  });

  it('.dockerignore starter: excludes junk and secrets, keeps what the Dockerfile snippets copy', () => {
    const ig = ignore().add(expand('dockerignore'));
    const excluded = ['.git/HEAD', 'node_modules/x/index.js', 'web/node_modules/y.js', '.env', '.env.production', '.venv/pyvenv.cfg', 'venv/bin/python', 'pkg/__pycache__/m.cpython-313.pyc', 'm.pyc', 'dist/index.js', 'build/app', 'tls.key', 'certs/tls.pem', 'npm-debug.log', 'Dockerfile', 'api/Dockerfile.dev', '.dockerignore', 'compose.yaml', 'docker-compose.yml', '.vscode/settings.json'];
    assert.deepEqual(excluded.filter((p) => !ig.ignores(p)), [], 'let through');
    const copied = [...new Set(DOCKERFILES.flatMap((p) => copySources(expand(p))))];
    assert.deepEqual(copied.sort(), ['.', 'go.mod', 'go.sum', 'package-lock.json', 'package.json', 'requirements.txt']);
    const kept = [...copied.filter((c) => c !== '.'), 'app.py', 'main.go', 'src/server.ts', '.env.example', 'README.md'];
    assert.deepEqual(kept.filter((p) => ig.ignores(p)), [], 'excluded but needed by the build');
  });
});
