import { serviceSelectsNothing } from '../../../server/src/rules/k8s/service-selects-nothing';
import { deployment, service } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const svc = (selector: Record<string, string> | string, namespace?: string) => service({ namespace, selector, ports: '    - port: 80\n      targetPort: 8080\n' });
const deploy = (labels: Record<string, string>, namespace?: string) => deployment({ labels, namespace });
const LABELS = { app: 'web', tier: 'frontend' };

ruleTable(serviceSelectsNothing, [
  {
    name: 'selector with a typo in a label value, closest workload named',
    text: `${svc('    app: webb\n')}---\n${deploy(LABELS)}`,
    expect: ['6:3-6:11'],
    messages: [/selects app=webb .*closest is Deployment web with app=web, tier=frontend/],
    noFix: true,
  },
  { name: 'selector matches a Deployment in the same file', text: `${svc(LABELS)}---\n${deploy(LABELS)}`, expect: [] },
  { name: 'selector matches a subset of the pod labels', text: `${svc('    app: web\n')}---\n${deploy(LABELS)}`, expect: [] },
  { name: 'workload in another file', text: svc('    app: web\n'), files: { 'deploy.yaml': deploy(LABELS) }, expect: [] },
  {
    name: 'workload only in another namespace',
    text: svc('    app: web\n'),
    files: { 'deploy.yaml': deploy(LABELS, 'prod') },
    expect: ['6:3-6:11'],
    messages: [/no pod template in namespace default has these labels; fix/],
  },
  {
    name: 'Service in its namespace matches a workload there',
    text: svc('    app: web\n', 'prod'),
    files: { 'deploy.yaml': deploy(LABELS, 'prod') },
    expect: [],
  },
  { name: 'no workloads at all, no closest hint', text: svc('    app: web\n'), expect: ['6:3-6:11'], messages: [/has these labels; fix the selector/] },
  {
    name: 'StatefulSet pod template labels',
    text: `${svc('    app: db\n')}---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels:\n      app: db\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n        - name: db\n          image: postgres:16\n`,
    expect: [],
  },
  {
    name: 'a bare Pod\'s own labels',
    text: `${svc('    app: web\n')}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n`,
    expect: [],
  },
  {
    name: 'Service without selector (manual Endpoints) is skipped',
    text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ext-db\nspec:\n  ports:\n    - port: 5432\n',
    expect: [],
  },
  {
    name: 'ExternalName Service is skipped',
    text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: ExternalName\n  externalName: db.example.com\n  selector:\n    app: db\n',
    expect: [],
  },
  { name: 'Helm templates are skipped', text: svc('    app: {{ .Values.app }}\n'), expect: [] },
]);
