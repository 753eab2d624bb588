import { hpaTargetWithoutReadiness } from '../../../server/src/rules/k8s/hpa-target-without-readiness';
import { ruleTable } from '../../helpers/ruleTable';

const hpa = (kind = 'Deployment', ns = '') =>
  `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\n${ns}spec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: ${kind}\n    name: web\n  minReplicas: 2\n  maxReplicas: 10\n`;
const workload = (containers: string, kind = 'Deployment', ns = '') =>
  `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: web\n${ns}spec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n${containers}`;
const READY = '      containers:\n        - name: web\n          image: nginx:1.27\n          readinessProbe:\n            httpGet:\n              path: /healthz\n              port: 8080\n';
const BARE = '      containers:\n        - name: web\n          image: nginx:1.27\n';

ruleTable(hpaTargetWithoutReadiness, [
  {
    name: 'target container without readinessProbe',
    text: `${hpa()}---\n${workload(BARE)}`,
    expect: ['9:11-9:14'],
    messages: [/HorizontalPodAutoscaler web scales Deployment web, whose container web has no readinessProbe/],
    noFix: true,
  },
  {
    name: 'a sidecar without a probe',
    text: hpa(),
    files: { 'deploy.yaml': workload(`${READY}        - name: proxy\n          image: envoyproxy/envoy:v1.31.0\n`) },
    expect: ['9:11-9:14'],
    messages: [/whose container proxy has no readinessProbe/],
  },
  { name: 'StatefulSet target in another file', text: hpa('StatefulSet'), files: { 'sts.yaml': workload(BARE, 'StatefulSet') }, expect: ['9:11-9:14'] },
  { name: 'every container has a probe', text: `${hpa()}---\n${workload(READY)}`, expect: [] },
  { name: 'init containers need no probe', text: `${hpa()}---\n${workload(`      initContainers:\n        - name: migrate\n          image: migrate:1\n${READY}`)}`, expect: [] },
  { name: 'unknown target: nothing to say', text: hpa(), expect: [] },
  { name: 'target in another namespace is not the target', text: hpa(), files: { 'deploy.yaml': workload(BARE, 'Deployment', '  namespace: prod\n') }, expect: [] },
  { name: 'same namespace', text: hpa('Deployment', '  namespace: prod\n'), files: { 'deploy.yaml': workload(BARE, 'Deployment', '  namespace: prod\n') }, expect: ['10:11-10:14'] },
  { name: 'Helm templates are skipped', text: `${hpa().replace('name: web\n  min', 'name: {{ .Values.name }}\n  min')}---\n${workload(BARE)}`, expect: [] },
]);
