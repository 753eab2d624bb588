import { replicasWithAutoscaler } from '../../../server/src/rules/k8s/replicas-with-autoscaler';
import { deployment, hpa as hpaOf, scaledObject } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const workload = (kind = 'Deployment', namespace?: string, replicas: string | null = '3 # baseline') => deployment({ kind, namespace, replicas: replicas ?? undefined });
const hpa = (kind = 'Deployment', namespace?: string, apiVersion = 'autoscaling/v2') => hpaOf({ name: 'web-hpa', namespace, apiVersion, target: { kind } });
const KEDA = scaledObject({ name: 'web-scaler', triggers: '    - type: cpu\n      metricMetadata:\n        value: "60"\n' });

ruleTable(replicasWithAutoscaler, [
  {
    name: 'an HPA in the same file: the replicas key is reported and removed with its comment',
    text: `${workload()}---\n${hpa()}`,
    expect: ['6:3-6:11'],
    messages: [/Deployment web sets spec.replicas while HorizontalPodAutoscaler web-hpa scales it/],
    fixed: `${workload('Deployment', '', null)}---\n${hpa()}`,
  },
  {
    name: 'an HPA in another file of the workspace (autoscaling/v1)',
    text: workload(),
    files: { 'hpa.yaml': hpa('Deployment', '', 'autoscaling/v1') },
    expect: ['6:3-6:11'],
    fixed: workload('Deployment', '', null),
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
    text: workload('StatefulSet', 'shop'),
    files: { 'hpa.yaml': hpa('StatefulSet', 'shop') },
    expect: ['7:3-7:11'],
  },
  { name: 'an HPA in another namespace does not count', text: workload(), files: { 'hpa.yaml': hpa('Deployment', 'other') }, expect: [] },
  { name: 'an HPA for another kind does not count', text: workload(), files: { 'hpa.yaml': hpa('StatefulSet') }, expect: [] },
  { name: 'without an autoscaler replicas are fine', text: workload(), expect: [] },
  { name: 'an autoscaled Deployment without replicas is fine', text: `${workload('Deployment', '', null)}---\n${hpa()}`, expect: [] },
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
    fixed: `${hpa()}---\n${workload('Deployment', '', null)}`.replace(/\n/g, '\r\n').replace(/\r\n$/, ''),
  },
  { name: 'Helm templates are skipped', text: workload('Deployment', '', '{{ .Values.replicas }}'), files: { 'hpa.yaml': hpa() }, expect: [] },
]);
