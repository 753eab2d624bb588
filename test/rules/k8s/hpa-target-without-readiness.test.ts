import { hpaTargetWithoutReadiness } from '../../../server/src/rules/k8s/hpa-target-without-readiness';
import { type ContainerOptions, deployment, hpa as hpaOf } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const hpa = (kind = 'Deployment', namespace?: string) => hpaOf({ namespace, target: { kind } });
const workload = (containers: ContainerOptions[], kind = 'Deployment', namespace?: string, podSpec?: string) => deployment({ kind, namespace, containers, podSpec });
const READY: ContainerOptions[] = [{ readinessProbe: { path: '/healthz', port: 8080 } }];
const BARE: ContainerOptions[] = [{}];

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
    files: { 'deploy.yaml': workload([...READY, { name: 'proxy', image: 'envoyproxy/envoy:v1.31.0' }]) },
    expect: ['9:11-9:14'],
    messages: [/whose container proxy has no readinessProbe/],
  },
  { name: 'StatefulSet target in another file', text: hpa('StatefulSet'), files: { 'sts.yaml': workload(BARE, 'StatefulSet') }, expect: ['9:11-9:14'] },
  { name: 'every container has a probe', text: `${hpa()}---\n${workload(READY)}`, expect: [] },
  { name: 'init containers need no probe', text: `${hpa()}---\n${workload(READY, 'Deployment', undefined, '      initContainers:\n        - name: migrate\n          image: migrate:1\n')}`, expect: [] },
  { name: 'unknown target: nothing to say', text: hpa(), expect: [] },
  { name: 'target in another namespace is not the target', text: hpa(), files: { 'deploy.yaml': workload(BARE, 'Deployment', 'prod') }, expect: [] },
  { name: 'same namespace', text: hpa('Deployment', 'prod'), files: { 'deploy.yaml': workload(BARE, 'Deployment', 'prod') }, expect: ['10:11-10:14'] },
  { name: 'Helm templates are skipped', text: `${hpa().replace('name: web\n  min', 'name: {{ .Values.name }}\n  min')}---\n${workload(BARE)}`, expect: [] },
]);
