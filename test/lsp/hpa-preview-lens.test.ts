// HPAs and ScaledObjects in YAML carry a "Preview scaling" lens for clients with the cluster commands; its argument is
// the whole object, which the preview's core reads (server/src/core/k8s/hpa-preview-spec.ts).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { parsePreviewSpec } from '../../server/src/core/k8s/hpa-preview';
import { TestClient } from '../helpers/lspClient';

const TEXT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
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
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: {type: Utilization, averageUtilization: 70}
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 120
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: worker
spec:
  scaleTargetRef: {name: worker}
  minReplicaCount: 1
  maxReplicaCount: 30
  triggers:
    - type: prometheus
      metadata: {threshold: "50", query: "sum(rate(jobs[1m]))"}
`;

describe('"Preview scaling" lenses', () => {
  let dir: string;
  const clients: TestClient[] = [];
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-hpa-lens-'));
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function lenses(rolloutLenses: boolean): Promise<any[]> {
    const client = await TestClient.start({ folders: [dir], initializationOptions: { rolloutLenses } });
    clients.push(client);
    const uri = pathToFileURL(path.join(dir, 'autoscaling.yaml')).toString();
    client.open(uri, TEXT, 'yaml');
    await client.diagnostics(uri);
    return (await client.request('textDocument/codeLens', { textDocument: { uri } })) as any[];
  }

  it('puts one on each HPA and ScaledObject, carrying the object the preview reads', async () => {
    const previews = (await lenses(true)).filter((l) => l.command.title === 'Preview scaling');
    assert.deepEqual(previews.map((l) => [l.range.start.line, l.command.command, l.command.arguments[0].origin]), [
      [15, 'stevedore.previewScaling', 'autoscaling.yaml'],
      [32, 'stevedore.previewScaling', 'autoscaling.yaml'],
    ]);
    const [hpa, keda] = previews.map((l) => parsePreviewSpec(l.command.arguments[0].object));
    assert.ok(!('error' in hpa) && !('error' in keda));
    assert.deepEqual([hpa.name, hpa.minReplicas, hpa.maxReplicas, hpa.metric.targetText, hpa.behavior], ['web', 2, 10, '70 % of the cpu request', { scaleDown: { stabilizationWindowSeconds: 120 } }]);
    assert.deepEqual([keda.kind, keda.name, keda.maxReplicas, keda.metric.targetText], ['ScaledObject', 'worker', 30, '50 prometheus per pod']);
  });

  it('offers none to clients without the command (the CLI, other editors)', async () => {
    assert.deepEqual((await lenses(false)).filter((l) => l.command.title === 'Preview scaling'), []);
  });
});
