import { hpaScalingTuning } from '../../../server/src/rules/k8s/hpa-scaling-tuning';
import { ruleTable } from '../../helpers/ruleTable';

const deploy = (replicas: string, resources: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${replicas}  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: web:1.2\n${resources}`;
const hpa = (spec: string) => `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 2\n${spec}`;
const cpu = '  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 70\n';
const memory = '  metrics:\n    - type: Resource\n      resource:\n        name: memory\n        target:\n          type: Utilization\n          averageUtilization: 70\n';
ruleTable(hpaScalingTuning, [
  { name: 'maxReplicas below the Deployment\'s replicas', text: hpa(`  maxReplicas: 4\n${cpu}`), files: { 'deploy.yaml': deploy('  replicas: 6\n', '') }, expect: ['11:16-11:17'], messages: [/maxReplicas 4 is below Deployment web's replicas \(6\): the HPA scales it down to 4/] },
  { name: 'no stabilization window', text: hpa(`  maxReplicas: 10\n${cpu}  behavior:\n    scaleDown:\n      stabilizationWindowSeconds: 0\n`), expect: ['21:35-21:36'], messages: [/flap/] },
  { name: 'memory utilization without memory limits', text: hpa(`  maxReplicas: 10\n${memory}`), files: { 'deploy.yaml': deploy('', '          resources:\n            requests:\n              memory: 256Mi\n') }, expect: ['15:15-15:21'], messages: [/container web has no memory limit/] },
  { name: 'memory utilization with limits', text: hpa(`  maxReplicas: 10\n${memory}`), files: { 'deploy.yaml': deploy('', '          resources:\n            requests:\n              memory: 256Mi\n            limits:\n              memory: 512Mi\n') }, expect: [] },
  { name: 'a well-tuned HPA', text: hpa(`  maxReplicas: 10\n${cpu}  behavior:\n    scaleDown:\n      stabilizationWindowSeconds: 120\n`), files: { 'deploy.yaml': deploy('  replicas: 3\n', '') }, expect: [] },
]);
