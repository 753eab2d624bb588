import { kedaZeroBehindService } from '../../../server/src/rules/k8s/keda-zero-behind-service';
import { ruleTable } from '../../helpers/ruleTable';

const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: web:1.2\n';
const SVC = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n';
const so = (min: string, extra = '') => `apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    name: web\n${min}  triggers:\n    - type: prometheus\n      metadata:\n        serverAddress: http://prom:9090\n        query: sum(rate(x[2m]))\n        threshold: "100"\n${extra}`;
ruleTable(kedaZeroBehindService, [
  { name: 'explicit zero behind a Service', text: so('  minReplicaCount: 0\n'), files: { 'deploy.yaml': `${DEPLOY}---\n${SVC}` }, expect: ['8:20-8:21'], messages: [/scales Deployment web to zero, but Service web sends it traffic/] },
  { name: 'zero by default', text: so(''), files: { 'deploy.yaml': `${DEPLOY}---\n${SVC}` }, expect: ['7:11-7:14'], messages: [/minReplicaCount defaults to 0/] },
  { name: 'with an activation threshold', text: so('  minReplicaCount: 0\n', '        activationThreshold: "5"\n'), files: { 'deploy.yaml': `${DEPLOY}---\n${SVC}` }, expect: [] },
  { name: 'minReplicaCount 1', text: so('  minReplicaCount: 1\n'), files: { 'deploy.yaml': `${DEPLOY}---\n${SVC}` }, expect: [] },
  { name: 'a worker no Service selects', text: so('  minReplicaCount: 0\n'), files: { 'deploy.yaml': DEPLOY }, expect: [] },
]);
