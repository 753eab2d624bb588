// core/k8s/kustomize-trace.ts and kustomize-render.ts without kubectl: a rendered text (as `kubectl kustomize` prints
// it) traced back to the sources — through two levels of namePrefix, containers matched by name, a patch's value on
// the patch, an unchanged value on the base, a value kustomize rewrote (image, name) on the kustomization; kubectl's
// error lines read into one message.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readKustomization } from '../../server/src/core/k8s/kustomize';
import { kubectlError } from '../../server/src/core/k8s/kustomize-render';
import { kustomizeSources, traceRange } from '../../server/src/core/k8s/kustomize-trace';
import { parseManifest } from '../../server/src/core/k8s/parse';
import { ManifestWorkspace } from '../../server/src/core/k8s/workspace';

const K = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';
const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: side\n          image: busybox:1.36\n        - name: web\n          image: nginx:1.27\n          ports:\n            - containerPort: 80\n';
const FILES: Record<string, string> = {
  '/ws/base/kustomization.yaml': `${K}namePrefix: base-\nresources:\n  - deploy.yaml\n`,
  '/ws/base/deploy.yaml': DEPLOY,
  '/ws/dev/kustomization.yaml': `${K}namePrefix: dev-\nresources:\n  - ../base\nimages:\n  - name: nginx\n    newTag: latest\npatches:\n  - path: port.yaml\n`,
  '/ws/dev/port.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: base-web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          ports:\n            - containerPort: 8080\n',
};
// What kubectl prints for dev (keys sorted, containers in the base's order, the patch's port merged in).
const RENDERED =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: dev-base-web\nspec:\n  template:\n    spec:\n      containers:\n      - image: busybox:1.36\n        name: side\n      - image: nginx:latest\n        name: web\n        ports:\n        - containerPort: 8080\n';

function setup() {
  const ws = new ManifestWorkspace();
  for (const [p, text] of Object.entries(FILES)) ws.set(parseManifest(text, p));
  const k = readKustomization(ws.file('/ws/dev/kustomization.yaml')!)!;
  return { ws, k, rendered: parseManifest(RENDERED, '/ws/dev/.kustomize-rendered.yaml') };
}

/** Traces the first occurrence of `needle` in the rendered text; "path line:col" of where it lands (1-based). */
function trace(needle: string): string {
  const { ws, k, rendered } = setup();
  const start = rendered.positionAt(RENDERED.indexOf(needle));
  const loc = traceRange(rendered, { start, end: start }, kustomizeSources(ws, k));
  return `${loc.file.path} ${loc.range.start.line + 1}:${loc.range.start.character + 1}`;
}

describe('tracing a rendered overlay to its sources', () => {
  it('a value the patch sets lands on the patch', () => assert.equal(trace('8080'), '/ws/dev/port.yaml 11:30'));
  it('an unchanged value lands on the base, the container matched by name', () => assert.equal(trace('busybox'), '/ws/base/deploy.yaml 10:18'));
  it("a container's name (the patch's merge key) lands on the base", () => assert.equal(trace('web\n        ports'), '/ws/base/deploy.yaml 11:17'));
  it('an image the kustomization rewrote lands on the kustomization', () => assert.equal(trace('nginx:latest'), '/ws/dev/kustomization.yaml 1:1'));
  it('a prefixed name lands on the kustomization', () => assert.equal(trace('dev-base-web'), '/ws/dev/kustomization.yaml 1:1'));
  it('a key lands on the source key', () => assert.equal(trace('template'), '/ws/base/deploy.yaml 6:3'));
});

describe("kubectl's error output", () => {
  it('kubectl 1.32 logs the error as err="…"', () => {
    const stderr = 'E1207 04:14:51.657963   21529 run.go:72] "command failed" err="accumulating resources: \\"x.yaml\\": no such file or directory"\n';
    assert.equal(kubectlError(stderr), 'accumulating resources: "x.yaml": no such file or directory');
  });
  it('older kubectl: the last error: line', () => assert.equal(kubectlError('# Warning: commonLabels\nerror: no matches for Id\n'), 'no matches for Id'));
});
