// Reading contexts from kubeconfig files (merged like kubectl), without ever writing them.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { KubectlError } from '../../client/src/cluster/errors';
import { kubeconfigPaths, readKubeconfig } from '../../client/src/cluster/kubeconfig';
import { tempDir } from './support';

const tmp = tempDir();
after(tmp.cleanup);

const a = join(tmp.dir, 'a.yaml');
const b = join(tmp.dir, 'b.yaml');
writeFileSync(a, `apiVersion: v1
kind: Config
current-context: dev
clusters:
- name: dev-cluster
  cluster: {server: https://dev.example.com:6443}
contexts:
- name: dev
  context: {cluster: dev-cluster, user: me, namespace: shop}
- name: shared
  context: {cluster: dev-cluster, user: me}
users: [{name: me, user: {token: t}}]
`);
writeFileSync(b, `current-context: prod-eu
clusters:
- name: prod
  cluster: {server: https://prod.example.com}
contexts:
- name: prod-eu
  context: {cluster: prod, user: admin}
- name: shared
  context: {cluster: prod, user: admin, namespace: ignored}
`);

test('paths: the setting, else KUBECONFIG (path list, duplicates once), else ~/.kube/config', () => {
  assert.deepEqual(kubeconfigPaths('~/k.yaml', { KUBECONFIG: a }, '/home/me'), ['/home/me/k.yaml']);
  assert.deepEqual(kubeconfigPaths('', { KUBECONFIG: `${a}:${b}::${a}` }, '/home/me'), [a, b]);
  assert.deepEqual(kubeconfigPaths(undefined, {}, '/home/me'), ['/home/me/.kube/config']);
});

test('merges files: first file wins for contexts and current-context; missing files are skipped', async () => {
  const before = readFileSync(a, 'utf8');
  const cfg = await readKubeconfig([join(tmp.dir, 'missing.yaml'), a, b]);
  assert.equal(cfg.currentContext, 'dev');
  assert.deepEqual(cfg.contexts, [
    { name: 'dev', cluster: 'dev-cluster', user: 'me', namespace: 'shop', server: 'https://dev.example.com:6443' },
    { name: 'shared', cluster: 'dev-cluster', user: 'me', namespace: undefined, server: 'https://dev.example.com:6443' },
    { name: 'prod-eu', cluster: 'prod', user: 'admin', namespace: undefined, server: 'https://prod.example.com' },
  ]);
  assert.equal(readFileSync(a, 'utf8'), before, 'read only');
  assert.equal((await readKubeconfig([b])).currentContext, 'prod-eu');
});

test('no file at all gives no contexts; broken YAML is a clear error', async () => {
  assert.deepEqual((await readKubeconfig([join(tmp.dir, 'none')])).contexts, []);
  const broken = join(tmp.dir, 'broken.yaml');
  writeFileSync(broken, 'contexts: [\n');
  await assert.rejects(readKubeconfig([broken]), (e: KubectlError) => e.kind === 'malformed' && e.message.startsWith(`Kubeconfig ${broken} is not valid YAML:`));
});
