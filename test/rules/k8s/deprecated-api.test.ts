import assert from 'node:assert/strict';
import { it } from 'node:test';
import { deprecatedApi } from '../../../server/src/rules/k8s/deprecated-api';
import { hpa, service } from '../../helpers/k8s';
import { ruleTable, runRule } from '../../helpers/ruleTable';

const INGRESS = `# Public entry point
apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata:
  name: web
  annotations:
    kubernetes.io/ingress.class: nginx # keep
spec:
  backend:
    serviceName: fallback
    servicePort: 8080
  rules:
    - host: example.com
      http:
        paths:
          - path: /
            backend:
              serviceName: web
              servicePort: 80
          - path: /api/(.*)
            backend:
              serviceName: api
              servicePort: http
`;

const INGRESS_V1 = `# Public entry point
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    kubernetes.io/ingress.class: nginx # keep
spec:
  defaultBackend:
    service:
      name: fallback
      port:
        number: 8080
  rules:
    - host: example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
          - path: /api/(.*)
            pathType: ImplementationSpecific
            backend:
              service:
                name: api
                port:
                  name: http
`;

const HPA = (apiVersion: string, metrics: string) => hpa({ apiVersion, metrics: `  metrics:\n${metrics}` });

const V2BETA1_METRICS = `    - type: Resource
      resource:
        name: cpu
        targetAverageUtilization: 60 # percent of requests
    - type: Resource
      resource:
        name: memory
        targetAverageValue: 500Mi
    - type: Pods
      pods:
        metricName: packets-per-second
        selector:
          matchLabels:
            tier: web
        targetAverageValue: 1k
    - type: Object
      object:
        target:
          apiVersion: networking.k8s.io/v1
          kind: Ingress
          name: main-route
        metricName: requests-per-second
        targetValue: 10k
    - type: External
      external:
        metricName: queue_messages_ready
        metricSelector:
          matchLabels:
            queue: worker_tasks # the work queue
        targetAverageValue: "30"
`;

const V2_METRICS = `    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 60 # percent of requests
    - type: Resource
      resource:
        name: memory
        target:
          type: AverageValue
          averageValue: 500Mi
    - type: Pods
      pods:
        metric:
          name: packets-per-second
          selector:
            matchLabels:
              tier: web
        target:
          type: AverageValue
          averageValue: 1k
    - type: Object
      object:
        describedObject:
          apiVersion: networking.k8s.io/v1
          kind: Ingress
          name: main-route
        metric:
          name: requests-per-second
        target:
          type: Value
          value: 10k
    - type: External
      external:
        metric:
          name: queue_messages_ready
          selector:
            matchLabels:
              queue: worker_tasks # the work queue
        target:
          type: AverageValue
          averageValue: "30"
`;

const SERVICE = service();
const POD_TEMPLATE = '  template:\n    metadata:\n      labels:\n        app: web\n        version: "2.0"\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n';
const workload = (api: string, kind: string, spec: string) => `apiVersion: ${api}\nkind: ${kind}\nmetadata:\n  name: web\nspec:\n${spec}${POD_TEMPLATE}`;
const SELECTOR = '  selector:\n    matchLabels:\n      app: web\n      version: "2.0"\n';

const PDB = (api: string) => `apiVersion: ${api}\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: web\n`;
const CRONJOB = (api: string) =>
  `apiVersion: ${api} # scheduled\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: report\n              image: busybox:1.36\n`;
const PLC = (api: string, shares: string) =>
  `apiVersion: ${api}\r\nkind: PriorityLevelConfiguration\r\nmetadata:\r\n  name: batch\r\nspec:\r\n  type: Limited\r\n  limited:\r\n    ${shares}: 10\r\n    limitResponse:\r\n      type: Reject\r\n`;

ruleTable(deprecatedApi, [
  {
    name: 'networking.k8s.io/v1beta1 Ingress removed in 1.22: backends, pathType and defaultBackend migrated',
    text: INGRESS,
    kubernetesVersion: '1.22',
    expect: ['2:13-2:38'],
    messages: [/^Ingress web uses networking\.k8s\.io\/v1beta1, which was removed in Kubernetes 1\.22; use networking\.k8s\.io\/v1\.$/],
    fixId: 'migrate-ingress',
    fixed: INGRESS_V1,
  },
  {
    name: 'the same Ingress on 1.21 is only deprecated',
    text: INGRESS,
    kubernetesVersion: '1.21',
    expect: ['2:13-2:38'],
    messages: [/which is deprecated since Kubernetes 1\.19 and removed in 1\.22; use networking\.k8s\.io\/v1\./],
    fixed: INGRESS_V1,
  },
  {
    name: 'extensions/v1beta1 Ingress on 1.18 (before networking.k8s.io/v1): renamed to networking.k8s.io/v1beta1',
    text: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  backend: {serviceName: web, servicePort: 80}\n',
    kubernetesVersion: '1.18',
    expect: ['1:13-1:31'],
    messages: [/deprecated since Kubernetes 1\.14 and removed in 1\.22; use networking\.k8s\.io\/v1beta1\./],
    fixId: 'migrate-api',
    fixed: 'apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  backend: {serviceName: web, servicePort: 80}\n',
  },
  {
    name: 'extensions/v1beta1 Ingress with flow-style backends and no path',
    text: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  backend: {serviceName: web, servicePort: "80"}\n  rules:\n    - http:\n        paths:\n          - {path: /v1/*, backend: {serviceName: api, servicePort: grpc}}\n          - backend:\n              serviceName: web\n              servicePort: 80\n',
    expect: ['1:13-1:31'],
    fixed: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n  rules:\n    - http:\n        paths:\n          - {path: /v1/*, pathType: ImplementationSpecific, backend: {service: {name: api, port: {name: grpc}}}}\n          - backend:\n              service:\n                name: web\n                port:\n                  number: 80\n            pathType: ImplementationSpecific\n',
  },
  {
    name: 'autoscaling/v2beta1 HPA: resource, pods, object and external metrics restructured for autoscaling/v2',
    text: HPA('autoscaling/v2beta1', V2BETA1_METRICS),
    expect: ['1:13-1:32'],
    messages: [/^HorizontalPodAutoscaler web uses autoscaling\/v2beta1, which was removed in Kubernetes 1\.25; use autoscaling\/v2\.$/],
    fixId: 'migrate-hpa',
    fixed: HPA('autoscaling/v2', V2_METRICS),
  },
  {
    name: 'autoscaling/v2beta1 on 1.22 (before autoscaling/v2) migrates to v2beta2',
    text: HPA('autoscaling/v2beta1', V2BETA1_METRICS),
    kubernetesVersion: '1.22',
    expect: ['1:13-1:32'],
    messages: [/deprecated since Kubernetes 1\.22 and removed in 1\.25; use autoscaling\/v2beta2\./],
    fixed: HPA('autoscaling/v2beta2', V2_METRICS),
  },
  {
    name: 'autoscaling/v2beta2 HPA is a pure rename',
    text: HPA('autoscaling/v2beta2', '    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 60\n'),
    expect: ['1:13-1:32'],
    fixId: 'migrate-api',
    fixed: HPA('autoscaling/v2', '    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 60\n'),
  },
  {
    name: 'extensions/v1beta1 Deployment in a multi-document file: apps/v1 with a selector from the template labels',
    text: `${SERVICE}---\n${workload('extensions/v1beta1', 'Deployment', '  replicas: 2\n  rollbackTo:\n    revision: 1\n')}`,
    expect: ['11:13-11:31'],
    messages: [/^Deployment web uses extensions\/v1beta1, which was removed in Kubernetes 1\.16; use apps\/v1\.$/],
    fixId: 'migrate-workload',
    fixed: `${SERVICE}---\n${workload('apps/v1', 'Deployment', '  replicas: 2\n')}${SELECTOR}`,
  },
  {
    name: 'apps/v1beta2 StatefulSet with a selector: only apiVersion changes, other documents untouched',
    text: `${SERVICE}---\n${workload('apps/v1beta2', 'StatefulSet', `  serviceName: web\n${SELECTOR}`)}---\n${workload('apps/v1beta1', 'Deployment', SELECTOR)}`,
    expect: ['11:13-11:25', '31:13-31:25'],
    fixed: `${SERVICE}---\n${workload('apps/v1', 'StatefulSet', `  serviceName: web\n${SELECTOR}`)}---\n${workload('apps/v1beta1', 'Deployment', SELECTOR)}`,
  },
  {
    name: 'extensions/v1beta1 DaemonSet drops templateGeneration',
    text: workload('extensions/v1beta1', 'DaemonSet', '  templateGeneration: 3\n'),
    expect: ['1:13-1:31'],
    fixed: `${workload('apps/v1', 'DaemonSet', '')}${SELECTOR}`,
  },
  { name: 'policy/v1beta1 PodDisruptionBudget → policy/v1 (reviewed rename)', text: PDB('policy/v1beta1'), expect: ['1:13-1:27'], fixId: 'migrate-api-review', fixed: PDB('policy/v1') },
  {
    name: 'batch/v1beta1 CronJob keeps its comment',
    text: CRONJOB('batch/v1beta1'),
    expect: ['1:13-1:26'],
    messages: [/^CronJob report uses batch\/v1beta1, which was removed in Kubernetes 1\.25; use batch\/v1\.$/],
    fixed: CRONJOB('batch/v1'),
  },
  {
    name: 'flowcontrol v1beta2 on 1.29 (CRLF): v1 with nominalConcurrencyShares',
    text: PLC('flowcontrol.apiserver.k8s.io/v1beta2', 'assuredConcurrencyShares'),
    kubernetesVersion: '1.29',
    expect: ['1:13-1:49'],
    fixed: PLC('flowcontrol.apiserver.k8s.io/v1', 'nominalConcurrencyShares'),
  },
  {
    name: 'pure renames keep quotes (RBAC, PriorityClass, quoted apiVersion)',
    text: 'apiVersion: "rbac.authorization.k8s.io/v1beta1"\nkind: ClusterRole\nmetadata:\n  name: reader\nrules: []\n---\napiVersion: scheduling.k8s.io/v1beta1\nkind: PriorityClass\nmetadata:\n  name: high\nvalue: 1000\n',
    expect: ['1:13-1:48', '7:13-7:38'],
    fixId: 'migrate-api',
    fixed: 'apiVersion: "rbac.authorization.k8s.io/v1"\nkind: ClusterRole\nmetadata:\n  name: reader\nrules: []\n---\napiVersion: scheduling.k8s.io/v1beta1\nkind: PriorityClass\nmetadata:\n  name: high\nvalue: 1000\n',
  },
  {
    name: 'restructured APIs (CRD) and PodSecurityPolicy get no fix',
    text: 'apiVersion: apiextensions.k8s.io/v1beta1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  version: v1\n  names:\n    kind: Widget\n    plural: widgets\n  scope: Namespaced\n---\napiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: restricted\nspec:\n  privileged: false\n',
    expect: ['1:13-1:41', '13:13-13:27'],
    messages: [/use apiextensions\.k8s\.io\/v1\./, /removed in Kubernetes 1\.25; PodSecurityPolicy has no replacement: enforce Pod Security Admission/],
    noFix: true,
  },
  {
    name: 'current versions, autoscaling/v1, not-yet-deprecated versions and unknown CRD groups are fine',
    text: `${SERVICE}---\n${workload('apps/v1', 'Deployment', SELECTOR)}---\n${INGRESS_V1}---\napiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  maxReplicas: 5\n  targetCPUUtilizationPercentage: 60\n---\napiVersion: cert-manager.io/v1alpha2\nkind: Certificate\nmetadata:\n  name: tls\n---\napiVersion: example.com/v1beta1\nkind: Ingress\nmetadata:\n  name: custom\n---\n${HPA('autoscaling/v2beta2', '    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 60\n')}`,
    kubernetesVersion: '1.22',
    expect: [],
  },
  { name: 'Helm templates are skipped', text: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  backend:\n    serviceName: web\n    servicePort: 80\n', expect: [] },
]);

it('deprecated-api: the same Ingress is a warning on 1.21 and an error from 1.22, silent before 1.19', () => {
  const severities = (v: string) => runRule(deprecatedApi, { text: INGRESS, kubernetesVersion: v }).map((f) => f.severity);
  assert.deepEqual(severities('1.18'), []);
  assert.deepEqual(severities('1.21'), ['warning']);
  assert.deepEqual(severities('1.22'), ['error']);
  assert.deepEqual(severities('v1.31.2'), ['error']);
});

it('deprecated-api: docs bad triggers the rule and good does not', () => {
  assert.equal(runRule(deprecatedApi, { text: deprecatedApi.docs.bad }).length, 1);
  assert.deepEqual(runRule(deprecatedApi, { text: deprecatedApi.docs.good }), []);
});
