import { replicasWithAutoscaler } from '../../../server/src/rules/k8s/replicas-with-autoscaler';
import { ruleTable } from '../../helpers/ruleTable';

const workload = (kind = 'Deployment', ns = '', replicas = '  replicas: 3 # baseline\n') =>
  `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: web\n${ns}spec:\n${replicas}  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`;
const hpa = (kind = 'Deployment', ns = '', api = 'autoscaling/v2') =>
  `apiVersion: ${api}\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web-hpa\n${ns}spec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: ${kind}\n    name: web\n  minReplicas: 2\n  maxReplicas: 10\n`;
const KEDA = 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: web-scaler\nspec:\n  scaleTargetRef:\n    name: web\n  triggers:\n    - type: cpu\n      metricMetadata:\n        value: "60"\n';

ruleTable(replicasWithAutoscaler, [
  {
    name: 'an HPA in the same file: the replicas key is reported and removed with its comment',
    text: `${workload()}---\n${hpa()}`,
    expect: ['6:3-6:11'],
    messages: [/Deployment web sets spec.replicas while HorizontalPodAutoscaler web-hpa scales it/],
    fixed: `${workload('Deployment', '', '')}---\n${hpa()}`,
  },
  {
    name: 'an HPA in another file of the workspace (autoscaling/v1)',
    text: workload(),
    files: { 'hpa.yaml': hpa('Deployment', '', 'autoscaling/v1') },
    expect: ['6:3-6:11'],
    fixed: workload('Deployment', '', ''),
  },
  {
    name: 'a KEDA ScaledObject targets a Deployment by default',
    text: workload(),
    files: { 'keda.yaml': KEDA },
    expect: ['6:3-6:11'],
    messages: [/ScaledObject web-scaler/],
  },
  { name: 'a KEDA ScaledObject does not target a StatefulSet of the name unless it says so', text: workload('StatefulSet'), files: { 'keda.yaml': KEDA }, expect: [] },
  {
    name: 'a StatefulSet scaled by an HPA, in a namespace',
    text: workload('StatefulSet', '  namespace: shop\n'),
    files: { 'hpa.yaml': hpa('StatefulSet', '  namespace: shop\n') },
    expect: ['7:3-7:11'],
  },
  { name: 'an HPA in another namespace does not count', text: workload(), files: { 'hpa.yaml': hpa('Deployment', '  namespace: other\n') }, expect: [] },
  { name: 'an HPA for another kind does not count', text: workload(), files: { 'hpa.yaml': hpa('StatefulSet') }, expect: [] },
  { name: 'without an autoscaler replicas are fine', text: workload(), expect: [] },
  { name: 'an autoscaled Deployment without replicas is fine', text: `${workload('Deployment', '', '')}---\n${hpa()}`, expect: [] },
  {
    name: "the HPA's own file is not reported on (the workload's file is)",
    text: hpa(),
    files: { 'deploy.yaml': workload() },
    expect: [],
  },
  {
    name: 'a file without a final newline and CRLF line endings',
    text: `${hpa()}---\n${workload()}`.replace(/\n/g, '\r\n').replace(/\r\n$/, ''),
    expect: ['18:3-18:11'],
    fixed: `${hpa()}---\n${workload('Deployment', '', '')}`.replace(/\n/g, '\r\n').replace(/\r\n$/, ''),
  },
  { name: 'Helm templates are skipped', text: workload('Deployment', '', '  replicas: {{ .Values.replicas }}\n'), files: { 'hpa.yaml': hpa() }, expect: [] },
]);
