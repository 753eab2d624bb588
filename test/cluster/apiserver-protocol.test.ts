// The test API server's REST protocol, checked with raw HTTPS requests: watches, errors, selectors, dry runs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestCluster, type TestCluster } from '../support/apiserver';
import { openWatch, rawRequest } from '../support/apiserver/client';
import { waitFor } from '../support/apiserver/kubectl';

const DEPLOYS = '/apis/apps/v1/namespaces/shop/deployments';

describe('test API server: protocol', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startTestCluster({ tickMs: 50 })));
  after(() => cluster.close());

  it('streams ADDED then MODIFIED events on a watch, filtered by field selector', async () => {
    const watch = await openWatch(cluster, `${DEPLOYS}?watch=true&fieldSelector=metadata.name%3Dweb`);
    try {
      const added = await watch.next();
      assert.equal(added.type, 'ADDED');
      assert.equal(added.object.metadata.name, 'web');
      assert.equal(added.object.kind, 'Deployment');
      const patched = await rawRequest(cluster, 'PATCH', `${DEPLOYS}/web`, { body: { metadata: { labels: { tier: 'frontend' } } }, contentType: 'application/merge-patch+json' });
      assert.equal(patched.status, 200, patched.text);
      await rawRequest(cluster, 'PATCH', `${DEPLOYS}/worker`, { body: { metadata: { labels: { tier: 'backend' } } }, contentType: 'application/merge-patch+json' });
      const modified = await watch.next();
      assert.equal(modified.type, 'MODIFIED');
      assert.equal(modified.object.metadata.name, 'web');
      assert.equal(modified.object.metadata.labels.tier, 'frontend');
      assert.equal(modified.object.metadata.resourceVersion, patched.json.metadata.resourceVersion);
    } finally {
      watch.close();
    }
  });

  it('resumes a watch from a list resourceVersion and follows a rollout', async () => {
    const list = await rawRequest(cluster, 'GET', `${DEPLOYS}?labelSelector=app%3Dweb`);
    assert.equal(list.json.kind, 'DeploymentList');
    const watch = await openWatch(cluster, `${DEPLOYS}?watch=true&labelSelector=app%3Dweb&resourceVersion=${list.json.metadata.resourceVersion}`);
    try {
      await rawRequest(cluster, 'PATCH', `${DEPLOYS}/web`, {
        body: { spec: { template: { spec: { containers: [{ name: 'web', image: 'registry.example.com/web:1.3.0' }] } } } },
        contentType: 'application/strategic-merge-patch+json',
      });
      const first = await watch.next();
      assert.equal(first.type, 'MODIFIED', 'no replay of existing objects after a resourceVersion');
      assert.equal(first.object.metadata.generation, 4);
      // The controller's status writes arrive as MODIFIED events until the new ReplicaSet is available.
      const done = (s: any) => s.observedGeneration === 4 && s.updatedReplicas === 3 && s.availableReplicas === 3 && s.replicas === 3;
      let event = first;
      const seen: string[] = [];
      while (!done(event.object.status)) {
        event = await watch.next();
        seen.push(`${event.object.status.updatedReplicas ?? 0}/${event.object.status.replicas}`);
      }
      assert.ok(seen.includes('1/4'), `a surge pod first, saw ${seen.join(' ')}`);
      assert.equal(event.object.metadata.annotations['deployment.kubernetes.io/revision'], '4');
      assert.equal(event.object.status.conditions.find((c: any) => c.type === 'Progressing').reason, 'NewReplicaSetAvailable');
    } finally {
      watch.close();
    }
  });

  it('holds a paused rollout and prunes ReplicaSets beyond revisionHistoryLimit', async () => {
    const merge = (body: unknown) => rawRequest(cluster, 'PATCH', `${DEPLOYS}/web`, { body, contentType: 'application/merge-patch+json' });
    const replicaSets = async () => (await rawRequest(cluster, 'GET', '/apis/apps/v1/namespaces/shop/replicasets?labelSelector=app%3Dweb')).json.items;
    const before = (await replicaSets()).length;
    await merge({ spec: { paused: true } });
    await merge({ spec: { template: { metadata: { annotations: { note: 'paused change' } } } } });
    await waitFor('the Progressing condition to say paused', () => cluster.get('apps/v1/namespaces/shop/deployments/web').status.conditions.some((c: any) => c.reason === 'DeploymentPaused'));
    assert.equal((await replicaSets()).length, before, 'no new ReplicaSet while paused');
    await merge({ spec: { paused: false, revisionHistoryLimit: 1 } });
    await waitFor('the rollout after resuming', () => cluster.get('apps/v1/namespaces/shop/deployments/web').status.conditions.some((c: any) => c.reason === 'NewReplicaSetAvailable'));
    await waitFor('old ReplicaSets pruned to one', async () => (await replicaSets()).length === 2);
  });

  it('ends open watches when the cluster closes', async () => {
    const other = await startTestCluster({ seed: true, tickMs: 1000 });
    const watch = await openWatch(other, '/api/v1/namespaces/shop/pods?watch=true');
    assert.equal((await watch.next()).type, 'ADDED');
    await other.close();
    await watch.ended;
  });

  it('answers errors as Status objects', async () => {
    const noToken = await rawRequest(cluster, 'GET', '/api', { token: null });
    assert.equal(noToken.status, 401);
    assert.deepEqual(noToken.json, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });

    const missing = await rawRequest(cluster, 'DELETE', `${DEPLOYS}/nope`);
    assert.equal(missing.status, 404);
    assert.equal(missing.json.reason, 'NotFound');
    assert.deepEqual(missing.json.details, { name: 'nope', group: 'apps', kind: 'deployments' });

    const web = (await rawRequest(cluster, 'GET', `${DEPLOYS}/web`)).json;
    const exists = await rawRequest(cluster, 'POST', DEPLOYS, { body: { ...web, metadata: { name: 'web' } } });
    assert.equal(exists.status, 409);
    assert.equal(exists.json.message, 'deployments.apps "web" already exists');

    const stale = await rawRequest(cluster, 'PUT', `${DEPLOYS}/web`, { body: { ...web, metadata: { ...web.metadata, resourceVersion: '1' } } });
    assert.equal(stale.status, 409);
    assert.equal(stale.json.reason, 'Conflict');
    assert.match(stale.json.message, /^Operation cannot be fulfilled on deployments\.apps "web": the object has been modified/);

    const badSelector = await rawRequest(cluster, 'POST', DEPLOYS, { body: { ...web, metadata: { name: 'odd' }, spec: { ...web.spec, selector: { matchLabels: { app: 'other' } } } } });
    assert.equal(badSelector.status, 422);
    assert.match(badSelector.json.message, /^Deployment\.apps "odd" is invalid: spec\.template\.metadata\.labels: Invalid value/);

    const so = '/apis/keda.sh/v1alpha1/namespaces/shop/scaledobjects';
    const created = await rawRequest(cluster, 'POST', so, { body: { apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', metadata: { name: 'web' }, spec: { scaleTargetRef: { name: 'web' }, triggers: [] } } });
    assert.equal(created.status, 201, created.text);
    const smp = await rawRequest(cluster, 'PATCH', `${so}/web`, { body: { spec: { maxReplicaCount: 5 } }, contentType: 'application/strategic-merge-patch+json' });
    assert.equal(smp.status, 415, 'custom resources take no strategic merge patch');
    assert.equal(smp.json.reason, 'UnsupportedMediaType');
    const merge = await rawRequest(cluster, 'PATCH', `${so}/web`, { body: { spec: { maxReplicaCount: 5 } }, contentType: 'application/merge-patch+json' });
    assert.equal(merge.json.spec.maxReplicaCount, 5);
  });

  it('selects by label operators and field selectors', async () => {
    const names = async (query: string) =>
      (await rawRequest(cluster, 'GET', `/api/v1/namespaces/shop/pods?${query}`)).json.items.map((p: any) => p.metadata.labels.app).sort();
    const all = await names('');
    assert.ok(all.includes('web') && all.includes('worker'));
    assert.deepEqual([...new Set(await names('labelSelector=app%20in%20(worker)'))], ['worker']);
    assert.deepEqual([...new Set(await names('labelSelector=app%20notin%20(worker)'))], ['web']);
    assert.deepEqual([...new Set(await names('labelSelector=app!%3Dweb'))], ['worker']);
    assert.deepEqual([...new Set(await names('labelSelector=app%3D%3Dweb'))], ['web']);
    assert.equal((await names('labelSelector=pod-template-hash')).length, all.length);
    assert.deepEqual(await names('labelSelector=!app'), []);
    const worker = (await rawRequest(cluster, 'GET', '/api/v1/namespaces/shop/pods?labelSelector=app%3Dworker')).json.items[0];
    assert.deepEqual(await names(`fieldSelector=metadata.name%3D${worker.metadata.name}`), ['worker']);
    assert.deepEqual(await names('fieldSelector=metadata.namespace%3Ddefault'), []);
  });

  it('creates with generateName, and dry runs change nothing', async () => {
    const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'settings-' }, data: { a: '1' } };
    const dry = await rawRequest(cluster, 'POST', '/api/v1/namespaces/shop/configmaps?dryRun=All', { body });
    assert.equal(dry.status, 201);
    assert.match(dry.json.metadata.name, /^settings-[a-z0-9]{5}$/);
    assert.equal((await rawRequest(cluster, 'GET', '/api/v1/namespaces/shop/configmaps')).json.items.length, 0);
    const made = await rawRequest(cluster, 'POST', '/api/v1/namespaces/shop/configmaps', { body: { ...body, extra: true } });
    assert.equal(made.status, 201);
    assert.equal(made.headers.warning, '299 - "unknown field \\"extra\\""', 'fieldValidation defaults to Warn');
    assert.equal(made.json.extra, undefined, 'unknown fields are dropped');
    assert.equal(cluster.get(`v1/namespaces/shop/configmaps/${made.json.metadata.name}`).data.a, '1');
    const rv = made.json.metadata.resourceVersion;
    const dryPatch = await rawRequest(cluster, 'PATCH', `/api/v1/namespaces/shop/configmaps/${made.json.metadata.name}?dryRun=All`, { body: [{ op: 'replace', path: '/data/a', value: '2' }], contentType: 'application/json-patch+json' });
    assert.equal(dryPatch.json.data.a, '2');
    assert.equal(cluster.get(`v1/namespaces/shop/configmaps/${made.json.metadata.name}`).data.a, '1');
    assert.equal(cluster.get(`v1/namespaces/shop/configmaps/${made.json.metadata.name}`).metadata.resourceVersion, rv);
  });

  it('serves aggregated and plain discovery and OpenAPI v3 with patch metadata', async () => {
    const aggregated = await rawRequest(cluster, 'GET', '/apis', { accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' });
    assert.equal(aggregated.headers['content-type'], 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const apps = aggregated.json.items.find((i: any) => i.metadata.name === 'apps');
    const deploy = apps.versions[0].resources.find((r: any) => r.resource === 'deployments');
    assert.deepEqual(deploy.shortNames, ['deploy']);
    const plain = await rawRequest(cluster, 'GET', '/apis');
    assert.equal(plain.json.kind, 'APIGroupList');
    const core = await rawRequest(cluster, 'GET', '/api/v1');
    assert.deepEqual(core.json.resources.find((r: any) => r.name === 'pods').shortNames, ['po']);
    const root = await rawRequest(cluster, 'GET', '/openapi/v3');
    const doc = await rawRequest(cluster, 'GET', root.json.paths['apis/apps/v1'].serverRelativeURL);
    const podSpec = doc.json.components.schemas['io.k8s.api.core.v1.PodSpec'];
    assert.equal(podSpec.properties.containers['x-kubernetes-patch-merge-key'], 'name');
    assert.equal(podSpec.properties.containers['x-kubernetes-patch-strategy'], 'merge');
  });
});
