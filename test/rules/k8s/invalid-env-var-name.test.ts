import { invalidEnvVarName } from '../../../server/src/rules/k8s/invalid-env-var-name';
import { ruleTable } from '../../helpers/ruleTable';

const pod = (env: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n${env}`;
const env = (...names: string[]) => '      env:\n' + names.map((n) => `        - name: ${n}\n          value: "1"\n`).join('');

ruleTable(invalidEnvVarName, [
  { name: 'a leading digit (1.31: strict)', text: pod(env('1ST_PORT')), expect: ['10:17-10:25'], messages: [/^spec\.containers\[0\]\.env\[0\]\.name: Invalid value: "1ST_PORT": a valid environment variable name must consist of alphabetic characters/] },
  { name: 'a space and a colon', text: pod(env('"MY VAR"', 'A:B')), expect: ['10:17-10:25', '12:17-12:20'] },
  { name: "'..' and a '..' prefix", text: pod(env('..', '..x')), expect: ['10:17-10:19', '12:17-12:20'], messages: [/must not be '\.\.'/, /must not start with '\.\.'/] },
  { name: 'dots, dashes and underscores are fine', text: pod(env('my.env-name', 'MY_ENV.NAME', '_x', '.x')), expect: [] },
  { name: 'an envFrom prefix is checked; an empty one is none', text: pod('      envFrom:\n        - prefix: 9_\n          configMapRef:\n            name: cfg\n        - prefix: ""\n          configMapRef:\n            name: cfg2\n'), expect: ['10:19-10:21'], messages: [/envFrom\[0\]\.prefix: Invalid value: "9_"/] },
  { name: 'init containers too', text: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  initContainers:\n    - name: init\n      image: busybox:1.36\n${env('A=B')}  containers:\n    - name: web\n      image: nginx:1.27\n`, expect: ['10:17-10:20'] },
  { name: 'from 1.32: a leading digit is an info (older clusters refuse it)', text: pod(env('1ST_PORT')), kubernetesVersion: '1.32', expect: ['10:17-10:25'], severities: ['info'], messages: [/accepted from Kubernetes 1\.32 on/] },
  { name: 'from 1.32: = is still refused', text: pod(env('A=B')), kubernetesVersion: '1.33', expect: ['10:17-10:20'], severities: ['error'], messages: [/printable ASCII characters other than '='/] },
  { name: 'templated names are left to the template engine', text: pod(env('"{{ .Values.name }}"')), expect: [] },
  { name: 'a Deployment template', text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: w\nspec:\n  selector:\n    matchLabels: {app: w}\n  template:\n    metadata:\n      labels: {app: w}\n    spec:\n      containers:\n        - name: w\n          image: w:1\n          env:\n            - name: 2X\n`, expect: ['16:21-16:23'] },
]);
