// The bundled custom resource schemas (schemas/crds/, core/k8s/bundled-crds.ts): validation, hover and completion
// as for built-in kinds, a workspace CRD winning over the bundle, nothing read until a document uses a group, and the
// built CLI (npm run build) finding the files in the shipped layout.
// The first test must stay first: it asserts what a Deployment alone loads in this (fresh) test process.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeManifest } from '../../server/src/core/k8s/analyze';
import { bundledCrdFilesRead, bundledCrdGroups } from '../../server/src/core/k8s/bundled-crds';
import { manifestCompletions } from '../../server/src/core/k8s/features/completion';
import { manifestHover } from '../../server/src/core/k8s/features/hover';
import { parseManifest } from '../../server/src/core/k8s/parse';
import { hasSchema, preloadSchemas } from '../../server/src/core/k8s/schema';
import { warmUpManifests } from '../../server/src/core/k8s/warmup';
import { ManifestWorkspace } from '../../server/src/core/k8s/workspace';
import { manifestRules } from '../../server/src/rules';
import { k8sSchema } from '../../server/src/rules/k8s/k8s-schema';
import { CERTIFICATE, HTTP_ROUTE, SERVICE_MONITOR, VALID } from '../fixtures/bundled-crd-manifests';
import { at, slice } from '../fixtures/web-manifests';
import { runCli } from '../cli/run';

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n';

function lint(text: string, workspace = new ManifestWorkspace()) {
  const { file, findings } = analyzeManifest(text, { rules: [k8sSchema], path: '/ws/app.yaml', workspace });
  return findings.map((f) => ({ message: f.message, severity: f.severity, at: slice(file, f.range) }));
}

function open(text: string) {
  const ws = new ManifestWorkspace();
  const file = parseManifest(text, '/ws/app.yaml');
  ws.set(file);
  return { ws, file };
}

describe('bundled custom resources: loaded on first use', () => {
  it('the language server\'s warm-up and a Deployment (lint with every rule, hover, completion) read no bundled CRD file', () => {
    preloadSchemas();
    warmUpManifests(manifestRules, 1);
    assert.deepEqual(analyzeManifest(DEPLOYMENT, { rules: manifestRules, path: '/ws/app.yaml', workspace: new ManifestWorkspace() }).findings.filter((f) => f.ruleId === 'k8s-schema'), []);
    assert.deepEqual(lint(DEPLOYMENT), []);
    const { ws, file } = open(DEPLOYMENT);
    assert.match(manifestHover(file, ws, at(DEPLOYMENT, 'selector', 1))!, /^\*\*selector\*\*/);
    manifestCompletions(file, ws, at(DEPLOYMENT, '  selector', 2));
    assert.deepEqual(bundledCrdFilesRead(), []);
  });

  it('a Certificate reads the cert-manager.io file once; an unknown kind of a bundled group reads nothing more', () => {
    lint(CERTIFICATE);
    lint(CERTIFICATE.replace('example', 'other'));
    lint('apiVersion: cert-manager.io/v1\nkind: Frobnicator\nmetadata:\n  name: x\n');
    assert.deepEqual(bundledCrdFilesRead(), ['index.json', 'cert-manager.io.json.br']);
  });
});

describe('bundled custom resources: validation', () => {
  for (const [name, text] of Object.entries(VALID)) {
    it(`a valid ${name}: nothing`, () => assert.deepEqual(lint(text), []));
  }

  it('every bundled group has its kinds', () => {
    const groups = bundledCrdGroups();
    const expected = ['gateway.networking.k8s.io/v1/HTTPRoute', 'cert-manager.io/v1/Issuer', 'monitoring.coreos.com/v1/PodMonitor', 'argoproj.io/v1alpha1/AppProject', 'networking.istio.io/v1beta1/VirtualService', 'external-secrets.io/v1beta1/ClusterSecretStore', 'bitnami.com/v1alpha1/SealedSecret', 'kustomize.toolkit.fluxcd.io/v1/Kustomization', 'helm.toolkit.fluxcd.io/v2beta1/HelmRelease', 'source.toolkit.fluxcd.io/v1beta2/HelmRepository'];
    for (const key of expected) {
      const [group, version, kind] = key.split('/');
      assert.ok(groups.get(group)?.kinds.includes(`${version}/${kind}`), key);
      assert.ok(hasSchema(`${group}/${version}`, kind), key);
    }
  });

  it('a Certificate with an unknown field: a schema finding at its key, with a suggestion', () => {
    const text = CERTIFICATE.replace('  secretName: example-com-tls\n', '  secretName: example-com-tls\n  renewbefore: 1h\n');
    assert.deepEqual(lint(text), [{ message: 'spec.renewbefore: unknown field (did you mean "renewBefore"?)', severity: 'error', at: 'renewbefore' }]);
  });

  it('a value outside an enum and a missing required key, each on its node', () => {
    const text = CERTIFICATE.replace('    algorithm: RSA\n', '    algorithm: DSA\n').replace('  secretName: example-com-tls\n', '');
    assert.deepEqual(lint(text).map((f) => [f.message, f.at]), [
      ['spec: missing required key "secretName"', 'spec'],
      ['spec.privateKey.algorithm: expected one of RSA, ECDSA, Ed25519, got "DSA"', 'DSA'],
    ]);
  });

  it('a kind that used to get the missing-CRD information finding is validated instead', () => {
    const text = HTTP_ROUTE.replace('      backendRefs:\n', '      backendRef:\n');
    const findings = lint(text);
    assert.ok(!findings.some((f) => /No schema for/.test(f.message)));
    assert.deepEqual(findings.map((f) => f.at), ['backendRef']);
  });

  it('a kind no bundled schema has keeps the information finding', () => {
    const findings = lint('apiVersion: cert-manager.io/v1\nkind: Frobnicator\nmetadata:\n  name: x\n');
    assert.deepEqual(findings.map((f) => [f.severity, f.at]), [['info', 'Frobnicator']]);
    assert.match(findings[0].message, /^No schema for Frobnicator cert-manager\.io\/v1: the bundled cert-manager\.io schemas \(@kubernetes-models\/cert-manager@[\d.]+\) have no Frobnicator \(its kinds: .*Certificate.*\)\. Add the CustomResourceDefinition of your release/);
  });

  it('a version the bundle lacks names the versions it has', () => {
    const findings = lint('apiVersion: cert-manager.io/v1alpha2\nkind: Certificate\nmetadata:\n  name: x\n');
    assert.deepEqual(findings.map((f) => [f.severity, f.at]), [['info', 'Certificate']]);
    assert.match(findings[0].message, /^No schema for Certificate cert-manager\.io\/v1alpha2: the bundled cert-manager\.io schemas \(.*\) have Certificate in v1\./);
  });
});

describe('bundled custom resources: a workspace CRD wins', () => {
  const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: certificates.cert-manager.io
spec:
  group: cert-manager.io
  scope: Namespaced
  names:
    kind: Certificate
    plural: certificates
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              description: The team's own Certificate schema.
              properties:
                secretName:
                  type: string
                legacyField:
                  type: string
`;

  it('for the same group, version and kind: its schema validates and hovers, not the bundled one', () => {
    const text = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: c\nspec:\n  secretName: tls\n  legacyField: x\n';
    const ws = new ManifestWorkspace();
    ws.set(parseManifest(CRD, '/ws/crds/certificate.yaml'));
    assert.deepEqual(lint(text, ws), []);
    const file = parseManifest(text, '/ws/app.yaml');
    ws.set(file);
    assert.equal(manifestHover(file, ws, at(text, 'spec', 1)), '**spec** `object`\n\nThe team\'s own Certificate schema.');
    // Without the CRD the bundled schema applies: cert-manager has no legacyField, and issuerRef is required.
    assert.deepEqual(lint(text).map((f) => f.at), ['spec', 'legacyField']);
  });
});

describe('bundled custom resources: hover and completion', () => {
  it('hover on a ServiceMonitor key shows the description and type from the bundle', () => {
    const { ws, file } = open(SERVICE_MONITOR);
    assert.match(manifestHover(file, ws, at(SERVICE_MONITOR, 'endpoints', 2))!, /^\*\*endpoints\*\* `object\[\]`\n\nA list of endpoints allowed as part of this ServiceMonitor\.$/);
    assert.match(manifestHover(file, ws, at(SERVICE_MONITOR, 'interval', 2))!, /^\*\*interval\*\* `string`\n\nInterval at which metrics should be scraped/);
  });

  it('metadata keeps the built-in ObjectMeta documentation', () => {
    const { ws, file } = open(SERVICE_MONITOR);
    assert.match(manifestHover(file, ws, at(SERVICE_MONITOR, 'name:', 1))!, /^\*\*name\*\* `string`\n\nName must be unique within a namespace/);
  });

  it('completion offers the keys of a Certificate\'s spec and the values of an enum', () => {
    const text = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: c\nspec:\n  secretName: tls\n  iss\n';
    const { ws, file } = open(text);
    const labels = manifestCompletions(file, ws, at(text, '  iss\n', 5)).map((i) => i.label);
    assert.ok(labels.includes('issuerRef') && labels.includes('dnsNames') && labels.includes('privateKey'), labels.join(', '));
    assert.ok(!labels.includes('secretName'));
    const enumText = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: c\nspec:\n  privateKey:\n    algorithm: \n';
    const e = open(enumText);
    assert.deepEqual(manifestCompletions(e.file, e.ws, at(enumText, 'algorithm: ', 11)).map((i) => i.label), ['RSA', 'ECDSA', 'Ed25519']);
  });
});

describe('bundled custom resources: the built CLI', () => {
  it('finds schemas/crds/ next to dist/ and reports a ServiceMonitor\'s misspelt key, nothing on a valid HTTPRoute', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-bundled-crds-'));
    try {
      fs.writeFileSync(path.join(dir, 'monitor.yaml'), SERVICE_MONITOR.replace('      interval: 30s\n', '      intervall: 30s\n'));
      fs.writeFileSync(path.join(dir, 'route.yaml'), HTTP_ROUTE);
      const r = runCli(['lint', '--format', 'json', dir]);
      const files = (JSON.parse(r.stdout) as { files: { path: string; findings: { ruleId: string; message: string; range: { start: { line: number; column: number } } }[] }[] }).files;
      const found = files.flatMap((f) => f.findings.map((x) => [path.basename(f.path), x.ruleId, x.message, x.range.start.line, x.range.start.column]));
      assert.deepEqual(found, [['monitor.yaml', 'k8s-schema', 'spec.endpoints[0].intervall: unknown field (did you mean "interval"?)', 12, 7]]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
