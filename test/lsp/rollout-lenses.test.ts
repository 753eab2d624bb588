// Deployments in YAML carry "Rollout status" / "Rollout undo…" lenses for clients with the cluster commands.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../helpers/lspClient';

const TEXT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
spec:
  selector:
    matchLabels: {app: worker}
  template:
    metadata:
      labels: {app: worker}
    spec:
      containers:
        - name: worker
          image: busybox:1.36
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
        - name: db
          image: postgres:16
`;

describe('rollout lenses', () => {
  let dir: string;
  const clients: TestClient[] = [];
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-lens-'));
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function lenses(rolloutLenses: boolean): Promise<any[]> {
    const client = await TestClient.start({ folders: [dir], initializationOptions: { rolloutLenses } });
    clients.push(client);
    const uri = pathToFileURL(path.join(dir, 'app.yaml')).toString();
    client.open(uri, TEXT, 'yaml');
    await client.diagnostics(uri);
    return (await client.request('textDocument/codeLens', { textDocument: { uri } })) as any[];
  }

  it('adds status and undo on each named Deployment, with the namespace only when the manifest sets it', async () => {
    const got = (await lenses(true)).filter((l) => l.command.command).map((l) => [l.range.start.line, l.command.title, l.command.command, l.command.arguments[0]]);
    assert.deepEqual(got, [
      [0, 'Rollout status', 'stevedore.rolloutStatus', { kind: 'Deployment', name: 'web', namespace: 'shop' }],
      [0, 'Rollout undo…', 'stevedore.rolloutUndo', { kind: 'Deployment', name: 'web', namespace: 'shop' }],
      [16, 'Rollout status', 'stevedore.rolloutStatus', { kind: 'Deployment', name: 'worker' }],
      [16, 'Rollout undo…', 'stevedore.rolloutUndo', { kind: 'Deployment', name: 'worker' }],
    ]);
  });

  it('offers none to clients that did not ask (the CLI, other editors)', async () => {
    const got = await lenses(false);
    assert.equal(got.length, 3, 'the three "what points here" lenses stay');
    assert.deepEqual(got.filter((l) => l.command.command), []);
  });
});
