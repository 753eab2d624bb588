// Kubernetes name checks and the Deployment under the cursor.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cursorDeployment } from '../../client/src/cluster/cursorDeployment';
import { contextProblem, namespaceProblem, objectNameProblem } from '../../client/src/cluster/names';
import { isProtected } from '../../client/src/cluster/rollout';

describe('names', () => {
  test('object names are DNS-1123 subdomains', () => {
    for (const ok of ['web', 'web-2', 'a.b.c', '0abc', 'x'.repeat(253)]) assert.equal(objectNameProblem(ok), undefined, ok);
    for (const bad of ['', 'Web', '-web', 'web-', 'web_1', 'a..b', 'web;rm', '--dry-run', 'x'.repeat(254)]) assert.ok(objectNameProblem(bad), bad);
  });
  test('namespaces are DNS-1123 labels', () => {
    assert.equal(namespaceProblem('shop'), undefined);
    for (const bad of ['', 'a.b', 'Shop', '-n', 'x'.repeat(64)]) assert.ok(namespaceProblem(bad), bad);
    assert.equal(namespaceProblem('Shop'), `"Shop" is not a valid namespace (lower-case letters, digits and '-', starting and ending with a letter or digit)`);
  });
  test('context names are free-form but cannot look like a flag', () => {
    for (const ok of ['arn:aws:eks:eu-west-1:123:cluster/prod', 'gke_project_zone_name', 'my context']) assert.equal(contextProblem(ok), undefined, ok);
    assert.equal(contextProblem('--kubeconfig=/x'), `context "--kubeconfig=/x" starts with '-'`);
    assert.ok(contextProblem('a\nb'));
    assert.ok(contextProblem(''));
  });
  test('protected contexts match globs, case-insensitively', () => {
    assert.equal(isProtected('prod-eu', ['*prod*']), true);
    assert.equal(isProtected('gke_acme_europe-west1_PROD', ['*prod*']), true);
    assert.equal(isProtected('staging', ['*prod*']), false);
    assert.equal(isProtected('live.cluster', ['live?cluster']), true);
    assert.equal(isProtected('liveXcluster.eu', ['live.cluster']), false, 'dots are literal');
    assert.equal(isProtected('anything', []), false);
  });
});

describe('cursorDeployment', () => {
  const yaml = [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: web',
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    '  namespace: shop',
    'spec:',
    '  replicas: 3 # cursor here',
    '---',
    'kind: Deployment',
    'metadata: {name: worker}',
    '',
  ].join('\n');
  const at = (needle: string) => yaml.indexOf(needle);

  test('finds the Deployment document under the cursor with its namespace', () => {
    assert.deepEqual(cursorDeployment(yaml, at('replicas')), { name: 'web', namespace: 'shop' });
    assert.deepEqual(cursorDeployment(yaml, at('apiVersion: apps')), { name: 'web', namespace: 'shop' });
    assert.deepEqual(cursorDeployment(yaml, at('{name: worker}')), { name: 'worker', namespace: undefined });
  });
  test('nothing for other kinds', () => {
    assert.equal(cursorDeployment(yaml, at('kind: Service')), undefined);
    assert.equal(cursorDeployment('kind: Deployment\nmetadata: {}\n', 3), undefined, 'no name');
    assert.equal(cursorDeployment(': : bad', 2), undefined);
  });
});
