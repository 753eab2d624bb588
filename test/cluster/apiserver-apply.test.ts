// The test API server against the real kubectl: apply and diff, and the failure paths a UI has to show.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestCluster, type TestCluster } from '../support/apiserver';
import { kubectl } from '../support/apiserver/kubectl';

function manifest(image: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
      - name: api
        image: ${image}
        ports:
        - containerPort: 9000
`;
}

describe('test API server: apply and diff', () => {
  let cluster: TestCluster;
  let dir: string;
  before(async () => {
    cluster = await startTestCluster();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-apply-'));
  });
  after(async () => {
    await cluster.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('diff shows a changed image of a live object and exits 1; an unchanged file exits 0', async () => {
    const file = path.join(dir, 'web.yaml');
    const live = await kubectl(cluster, ['get', 'deploy', 'web', '-n', 'shop', '-o', 'yaml']);
    fs.writeFileSync(file, live.stdout.replace('registry.example.com/web:1.2.0', 'registry.example.com/web:1.3.0'));
    const changed = await kubectl(cluster, ['diff', '-f', file]);
    assert.equal(changed.code, 1, changed.stderr);
    assert.match(changed.stdout, /^-\s+- image: registry\.example\.com\/web:1\.2\.0$/m);
    assert.match(changed.stdout, /^\+\s+- image: registry\.example\.com\/web:1\.3\.0$/m);
    assert.equal(cluster.get('apps/v1/namespaces/shop/deployments/web').spec.template.spec.containers[0].image, 'registry.example.com/web:1.2.0', 'diff must not write');
    assert.ok(cluster.requests.some((r) => r.method === 'PATCH' && r.query.includes('dryRun=All')), 'diff asks the server for a dry run');

    fs.writeFileSync(file, live.stdout);
    const same = await kubectl(cluster, ['diff', '-f', file]);
    assert.equal(same.code, 0, same.stdout + same.stderr);
    assert.equal(same.stdout, '');
  });

  it('apply creates, then updates with a strategic merge patch', async () => {
    const file = path.join(dir, 'api.yaml');
    fs.writeFileSync(file, manifest('registry.example.com/api:1.0.0'));
    const created = await kubectl(cluster, ['apply', '-f', file]);
    assert.equal(created.code, 0, created.stderr);
    assert.equal(created.stdout.trim(), 'deployment.apps/api created');
    const stored = cluster.get('apps/v1/namespaces/shop/deployments/api');
    assert.equal(stored.spec.template.spec.containers[0].image, 'registry.example.com/api:1.0.0');
    assert.ok(stored.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']);

    const diffNew = await kubectl(cluster, ['diff', '-f', file]);
    assert.equal(diffNew.code, 0, diffNew.stdout + diffNew.stderr);

    fs.writeFileSync(file, manifest('registry.example.com/api:1.1.0'));
    const updated = await kubectl(cluster, ['apply', '-f', file]);
    assert.equal(updated.code, 0, updated.stderr);
    assert.equal(updated.stdout.trim(), 'deployment.apps/api configured');
    assert.equal(cluster.get('apps/v1/namespaces/shop/deployments/api').spec.template.spec.containers[0].image, 'registry.example.com/api:1.1.0');
    const patch = cluster.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('/deployments/api')).pop();
    assert.equal(patch?.contentType, 'application/strategic-merge-patch+json');
    assert.match(patch?.query ?? '', /fieldValidation=Strict/);
  });

  it('apply rejects unknown fields like the real server (strict field validation)', async () => {
    const file = path.join(dir, 'typo.yaml');
    fs.writeFileSync(file, manifest('registry.example.com/api:1.2.0').replace('        ports:', '        imagePolicy: Always\n        ports:'));
    const r = await kubectl(cluster, ['apply', '-f', file]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /strict decoding error: unknown field "spec\.template\.spec\.containers\[0\]\.imagePolicy"/);
  });
});

describe('test API server: failure paths', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startTestCluster()));
  after(() => cluster.close());

  it('reports a refused connection for the unreachable context', async () => {
    const r = await kubectl(cluster, ['--context', 'unreachable', 'get', 'deploy']);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /connection to the server 127\.0\.0\.1:1 was refused/);
  });

  it('answers 401 Unauthorized to a wrong token', async () => {
    const r = await kubectl(cluster, ['--context', 'bad-token', 'get', 'deploy']);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /error: You must be logged in to the server \(.*\)/);
    const prod = await kubectl(cluster, ['--context', 'prod-eu', 'get', 'deploy', 'web', '-o', 'name']);
    assert.equal(prod.stdout.trim(), 'deployment.apps/web', 'prod-eu uses the same server and a valid token');
  });

  it('refuses a forbidden patch with the RBAC message', async () => {
    cluster.setForbidden({ verb: 'patch', resource: 'deployments' });
    try {
      const r = await kubectl(cluster, ['rollout', 'undo', 'deployment/web', '-n', 'shop']);
      assert.notEqual(r.code, 0);
      const canI = await kubectl(cluster, ['auth', 'can-i', 'patch', 'deployments', '-n', 'shop']);
      assert.deepEqual([canI.code, canI.stdout.trim()], [1, 'no']);
      assert.equal((await kubectl(cluster, ['auth', 'can-i', 'get', 'deployments', '-n', 'shop'])).stdout.trim(), 'yes');
      assert.match(r.stderr, /deployments\.apps "web" is forbidden: User "stevedore-test" cannot patch resource "deployments" in API group "apps" in the namespace "shop"/);
      assert.equal(cluster.get('apps/v1/namespaces/shop/deployments/web').spec.template.spec.containers[0].image, 'registry.example.com/web:1.2.0');
    } finally {
      cluster.setForbidden(null);
    }
  });

  it('times out when the server answers too slowly', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-cache-'));
    try {
      const warm = await kubectl(cluster, ['get', 'deploy', '-n', 'shop'], { cacheDir });
      assert.equal(warm.code, 0, warm.stderr);
      cluster.setDelay(3000);
      const started = Date.now();
      const r = await kubectl(cluster, ['get', 'deploy', '-n', 'shop', '--request-timeout=1s'], { cacheDir });
      assert.notEqual(r.code, 0);
      assert.match(r.stderr, /Client\.Timeout exceeded|context deadline exceeded|i\/o timeout/);
      assert.ok(Date.now() - started < 2900, 'kubectl gave up before the delayed answer');
    } finally {
      cluster.setDelay(0);
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
