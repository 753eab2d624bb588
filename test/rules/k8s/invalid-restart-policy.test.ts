import { invalidRestartPolicy } from '../../../server/src/rules/k8s/invalid-restart-policy';
import { ruleTable } from '../../helpers/ruleTable';

const job = (policy: string) => `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n${policy}      containers:\n        - name: m\n          image: m:1\n`;
const deploy = (policy: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: w\nspec:\n  selector:\n    matchLabels: {app: w}\n  template:\n    metadata:\n      labels: {app: w}\n    spec:\n${policy}      containers:\n        - name: w\n          image: w:1\n`;
ruleTable(invalidRestartPolicy, [
  { name: 'a Job with Always', text: job('      restartPolicy: Always\n'), expect: ['8:22-8:28'], messages: [/^spec\.template\.spec\.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"/] },
  { name: 'a Job without one', text: job(''), expect: ['2:7-2:10'], messages: [/Required value: a Job needs restartPolicy "OnFailure" or "Never"/] },
  { name: 'a Deployment with OnFailure', text: deploy('      restartPolicy: OnFailure\n'), expect: ['12:22-12:31'], messages: [/supported values: "Always"/] },
  { name: 'valid', text: job('      restartPolicy: Never\n'), expect: [] },
  { name: 'a Deployment without one (defaults to Always)', text: deploy(''), expect: [] },
  { name: 'a Pod may use any', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  restartPolicy: Never\n  containers:\n    - name: p\n      image: p:1\n', expect: [] },
]);
