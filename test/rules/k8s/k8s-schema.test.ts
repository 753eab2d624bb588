import { k8sSchema } from '../../../server/src/rules/k8s/k8s-schema';
import { deployment } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const DEPLOY = (extra = '') => deployment({ containers: [{ extra }] });

ruleTable(k8sSchema, [
  {
    name: 'a field the bundled custom-resource schema does not know: a warning that says where to add the CRD',
    text: 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: web\nspec:\n  secretName: web-tls\n  dnsNames: [example.com]\n  issuerRef:\n    name: letsencrypt\n  renewIn: 30d\n',
    expect: ['10:3-10:10'],
    severities: ['warning'],
    messages: [/renewIn.*checked against the bundled cert-manager\.io schema; if your operator's release added this field, add its CustomResourceDefinition/],
  },
  {
    name: 'a bundled custom resource\'s wrong type stays an error',
    text: 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: web\nspec:\n  secretName: web-tls\n  dnsNames: example.com\n  issuerRef:\n    name: letsencrypt\n',
    expect: ['7:13-7:24'],
    severities: ['error'],
  },
  {
    name: 'an enum value outside the allowed set, on the value',
    text: DEPLOY('          imagePullPolicy: Sometimes\n'),
    expect: ['17:28-17:37'],
    messages: [/^spec\.template\.spec\.containers\[0\]\.imagePullPolicy: expected one of Always, IfNotPresent, Never, got "Sometimes"$/],
  },
  {
    name: 'a misspelt key, on the key, with a suggestion',
    text: DEPLOY('          ports:\n            - containerport: 8080\n'),
    // The misspelt key is unknown, and the real one is then missing: both point at the key.
    expect: ['18:15-18:28', '18:15-18:28'],
    messages: [/containerport: unknown field \(did you mean "containerPort"\?\)/, /missing required key "containerPort"/],
  },
  {
    name: 'a missing required key',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
    expect: ['5:1-5:5'],
    messages: [/missing required key "selector"/],
  },
  {
    name: 'a string where a number belongs',
    text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: "80"\n',
    expect: ['7:13-7:17'],
  },
  {
    name: 'a Kustomize patch may leave out required keys but not misspell them',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replica: 3\n',
    files: { 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [base.yaml]\npatches:\n  - path: app.yaml\n' },
    expect: ['6:3-6:10'],
    messages: [/replica: unknown field \(did you mean "replicas"\?\)/],
  },
  { name: 'a valid Deployment', text: DEPLOY('          ports:\n            - containerPort: 8080\n          resources:\n            requests:\n              cpu: 500m\n              memory: 512Mi\n'), expect: [] },
  { name: 'int-or-string ports by name', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: http\n', expect: [] },
  // Issue 13 §4: not silence but one information finding on the kind (k8s-schema-crds.test.ts has the rest).
  { name: 'custom resources without a schema are not checked, only pointed at their CRD', text: 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  anything: [1, 2]\n', expect: ['2:7-2:13'], messages: [/^No schema for Widget example\.com\/v1, a custom resource/] },
  { name: 'a KEDA ScaledObject', text: 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    name: web\n  triggers:\n    - type: prometheus\n      metadata:\n        serverAddress: http://prometheus:9090\n        query: sum(rate(http_requests_total[2m]))\n        threshold: "100"\n', expect: [] },
]);
