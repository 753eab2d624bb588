import { autoscalerConflict } from '../../../server/src/rules/k8s/autoscaler-conflict';
import { hpa as hpaOf, scaledObject } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const hpa = (name: string, target = 'web', kind = 'Deployment', namespace?: string) => hpaOf({ name, namespace, target: { kind, name: target } });
const scaled = (name: string, target = '    name: web\n', metadata = '', spec = '') => scaledObject({ name, target, metadata, spec });

ruleTable(autoscalerConflict, [
  {
    name: 'HPA and ScaledObject in one file: both reported',
    text: `${hpa('web-hpa')}---\n${scaled('web-keda')}`,
    expect: ['9:11-9:14', '19:11-19:14'],
    messages: [/HorizontalPodAutoscaler web-hpa and ScaledObject web-keda scale the same Deployment web/, /ScaledObject web-keda and HorizontalPodAutoscaler web-hpa scale/],
    noFix: true,
  },
  { name: 'the other autoscaler in another file', text: scaled('web-keda'), files: { 'hpa.yaml': hpa('web-hpa') }, expect: ['7:11-7:14'] },
  { name: 'two HPAs', text: hpa('web-cpu'), files: { 'hpa.yaml': hpa('web-memory') }, expect: ['9:11-9:14'], messages: [/HorizontalPodAutoscaler web-cpu and HorizontalPodAutoscaler web-memory/] },
  {
    name: 'ScaledObject kind defaults to Deployment',
    text: scaled('web-keda', '    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n'),
    files: { 'a.yaml': scaled('other') },
    expect: ['9:11-9:14'],
  },
  { name: 'different workloads', text: `${hpa('web')}---\n${scaled('api', '    name: api\n')}`, expect: [] },
  { name: 'same name, different kinds', text: hpa('web', 'web', 'StatefulSet'), files: { 'keda.yaml': scaled('web-keda') }, expect: [] },
  { name: 'different namespaces', text: hpa('web', 'web', 'Deployment', 'prod'), files: { 'keda.yaml': scaled('web-keda') }, expect: [] },
  {
    name: 'KEDA adopting the HPA on purpose',
    text: `${hpa('web-hpa')}---\n${scaled('web-keda', '    name: web\n', '  annotations:\n    scaledobject.keda.sh/transfer-hpa-ownership: "true"\n', '  advanced:\n    horizontalPodAutoscalerConfig:\n      name: web-hpa\n')}`,
    expect: [],
  },
  { name: 'a single HPA', text: hpa('web'), expect: [] },
  { name: 'Helm templates are skipped', text: `${hpa('{{ .Release.Name }}')}---\n${scaled('web-keda')}`, expect: [] },
]);
