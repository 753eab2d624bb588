import { hpaUnknownTarget } from '../../../server/src/rules/k8s/hpa-unknown-target';
import { deployment, hpa as hpaOf } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const hpa = (kind: string, name: string, namespace?: string, apiVersion = 'autoscaling/v2') => hpaOf({ namespace, apiVersion, target: { kind, name } });
const workload = (kind: string, name: string, namespace?: string) => deployment({ kind, name, namespace, containers: [{ name: 'app' }] });

ruleTable(hpaUnknownTarget, [
  {
    name: 'typo in the target name',
    text: `${hpa('Deployment', 'frontnd')}---\n${workload('Deployment', 'frontend')}`,
    expect: ['9:11-9:18'],
    messages: [/targets Deployment frontnd, which does not exist in namespace default; did you mean frontend\?/],
    noFix: true,
  },
  { name: 'no workload at all', text: hpa('Deployment', 'web'), expect: ['9:11-9:14'], messages: [/fix scaleTargetRef/] },
  { name: 'target in the same file', text: `${hpa('Deployment', 'web')}---\n${workload('Deployment', 'web')}`, expect: [] },
  { name: 'target in another file', text: hpa('Deployment', 'web'), files: { 'deploy.yaml': workload('Deployment', 'web') }, expect: [] },
  { name: 'StatefulSet target', text: hpa('StatefulSet', 'db'), files: { 'db.yaml': workload('StatefulSet', 'db') }, expect: [] },
  { name: 'same name but another kind', text: hpa('StatefulSet', 'web'), files: { 'deploy.yaml': workload('Deployment', 'web') }, expect: ['9:11-9:14'] },
  { name: 'target in another namespace', text: hpa('Deployment', 'web'), files: { 'deploy.yaml': workload('Deployment', 'web', 'prod') }, expect: ['9:11-9:14'] },
  { name: 'both in the same namespace', text: hpa('Deployment', 'web', 'prod'), files: { 'deploy.yaml': workload('Deployment', 'web', 'prod') }, expect: [] },
  { name: 'autoscaling/v1 is checked too', text: hpa('Deployment', 'api', '', 'autoscaling/v1'), expect: ['9:11-9:14'] },
  { name: 'Helm templates are skipped', text: hpa('Deployment', '{{ .Release.Name }}'), expect: [] },
]);
