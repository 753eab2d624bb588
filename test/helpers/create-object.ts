// Shared by the create-object generator tests (test/core/k8s-generate-*.test.ts): the action titles, the documentation
// manifests they start from, and `titles`/`run`, which list the offered actions and apply one and check the result.
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/core/fixes';
import { parseManifest } from '../../server/src/core/k8s/parse';
import { ManifestWorkspace } from '../../server/src/core/k8s/workspace';
import { createObjectActions } from '../../server/src/core/k8s/generate';
import { NGINX_DEPLOYMENT } from '../fixtures/nginx-deployment';

export const FILE = '/ws/app.yaml';
export const HPA = 'Create HorizontalPodAutoscaler';
export const KEDA = 'Create KEDA ScaledObject (Prometheus)';
export const SVC = 'Create Service';
export const ING = 'Create Ingress';

// The Deployment of the Kubernetes documentation (sequences flush with their key).
export const DEPLOY = NGINX_DEPLOYMENT;

// The Service of the documentation (sequences indented under their key).
export const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector:
    app.kubernetes.io/name: MyApp
  ports:
    - name: http
      protocol: TCP
      port: 80
      targetPort: 9376
`;

export const CONFIG = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n';

/** An HPA named `name` scaling `nginx-deployment` of `kind`; `ns` is a raw `  namespace: …\n` line or empty. */
export const hpaOf = (name: string, kind = 'Deployment', ns = '') => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
${ns}spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: ${kind}
    name: nginx-deployment
  minReplicas: 1
  maxReplicas: 5
`;

export interface Opts {
  offset?: number;
  files?: Record<string, string>;
  path?: string;
}

function workspace(files: Record<string, string> = {}): ManifestWorkspace {
  const ws = new ManifestWorkspace();
  for (const [rel, text] of Object.entries(files)) ws.set(parseManifest(text, `/ws/${rel}`));
  return ws;
}

/** The titles of the create-object actions offered at `o.offset` (default 0). */
export function titles(text: string, o: Opts = {}): string[] {
  const file = parseManifest(text, o.path ?? FILE);
  return createObjectActions(file, o.offset ?? 0, workspace(o.files)).map((a) => a.title);
}

/** The text after applying an action; also checks the result parses into one more object of `kind`. */
export function run(text: string, title: string, kind: string, o: Opts = {}): string {
  const file = parseManifest(text, o.path ?? FILE);
  const action = createObjectActions(file, o.offset ?? 0, workspace(o.files)).find((a) => a.title === title);
  assert.ok(action, `${title} offered`);
  assert.equal(action.kind, 'refactor');
  const out = applyEdits(text, action.edits);
  const after = parseManifest(out, FILE);
  assert.deepEqual(after.docs.flatMap((d) => d.doc.errors.map((e) => e.message)), []);
  assert.equal(after.objects.length, file.objects.length + 1);
  assert.deepEqual(
    after.objects.map((x) => x.kind).sort(),
    [...file.objects.map((x) => x.kind), kind].sort(),
  );
  return out;
}
