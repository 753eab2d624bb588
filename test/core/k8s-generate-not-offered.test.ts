// When the create-object refactorings are not offered: the object already exists in the namespace, the workload lacks
// labels or ports, or the document is another kind, a Helm template or not an object.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONFIG, DEPLOY, hpaOf, HPA, ING, KEDA, SERVICE, SVC, titles } from '../helpers/create-object';

describe('generate: not offered', () => {
  it('no autoscaler actions when an HPA or ScaledObject in the namespace already scales the workload', () => {
    assert.deepEqual(titles(DEPLOY, { files: { 'hpa.yaml': hpaOf('nginx') } }), [SVC]);
    const so = 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: nginx\nspec:\n  scaleTargetRef:\n    name: nginx-deployment\n';
    assert.deepEqual(titles(`${DEPLOY}---\n${so}`), [SVC]);
    // Another namespace, another kind: not this workload's autoscaler.
    assert.deepEqual(titles(DEPLOY, { files: { 'hpa.yaml': hpaOf('nginx', 'Deployment', '  namespace: prod\n') } }), [HPA, KEDA, SVC]);
    assert.deepEqual(titles(DEPLOY, { files: { 'hpa.yaml': hpaOf('nginx', 'StatefulSet') } }), [HPA, KEDA, SVC]);
  });

  it('no HPA when one of that name exists for another target', () => {
    const other = hpaOf('nginx-deployment').replace('    name: nginx-deployment', '    name: other');
    assert.deepEqual(titles(DEPLOY, { files: { 'hpa.yaml': other } }), [KEDA, SVC]);
  });

  it('reads this file from its current text, not the workspace copy', () => {
    assert.deepEqual(titles(DEPLOY, { files: { 'app.yaml': `${DEPLOY}---\n${hpaOf('nginx')}` } }), [HPA, KEDA, SVC]);
  });

  it('no Service when one selects the pods, when the pods have no labels or the container no ports', () => {
    const selecting = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\nspec:\n  selector:\n    app: nginx\n  ports:\n  - port: 80\n';
    assert.deepEqual(titles(DEPLOY, { files: { 'svc.yaml': selecting } }), [HPA, KEDA]);
    assert.deepEqual(titles(DEPLOY, { files: { 'svc.yaml': selecting.replace('name: nginx\n', 'name: nginx\n  namespace: prod\n') } }), [HPA, KEDA, SVC]);
    assert.deepEqual(titles(DEPLOY.replace('    metadata:\n      labels:\n        app: nginx\n', '')), [HPA, KEDA]);
    assert.deepEqual(titles(DEPLOY.replace('        ports:\n        - containerPort: 80\n', '')), [HPA, KEDA]);
  });

  it('no Ingress when one already routes to the Service (any API version)', () => {
    const v1 = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\nspec:\n  defaultBackend:\n    service:\n      name: my-service\n      port:\n        number: 80\n';
    assert.deepEqual(titles(SERVICE, { files: { 'ing.yaml': v1 } }), []);
    const beta = 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: shop\nspec:\n  rules:\n  - http:\n      paths:\n      - backend:\n          serviceName: my-service\n          servicePort: 80\n';
    assert.deepEqual(titles(`${SERVICE}---\n${beta}`), []);
    assert.deepEqual(titles(SERVICE, { files: { 'ing.yaml': v1.replace('name: shop\n', 'name: shop\n  namespace: prod\n') } }), [ING]);
  });

  it('nothing for other kinds, non-objects, Helm templates and Services without TCP ports', () => {
    assert.deepEqual(titles(CONFIG), []);
    assert.deepEqual(titles('# just a comment\n'), []);
    assert.deepEqual(titles(DEPLOY.replace('nginx:1.14.2', '{{ .Values.image }}')), []);
    assert.deepEqual(titles(DEPLOY.replace('kind: Deployment', 'kind: DaemonSet')), []);
    assert.deepEqual(titles('apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: ExternalName\n  externalName: db.example.com\n'), []);
  });
});
