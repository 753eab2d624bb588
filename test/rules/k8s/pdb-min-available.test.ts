// pdb-min-available: minAvailable 100% or not below the replicas (or autoscaler minimum) of a selected workload,
// at the value; no fix.
import { pdbMinAvailable } from '../../../server/src/rules/k8s/pdb-min-available';
import { deployment, hpa } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const pdb = (min: string, selector = '    matchLabels:\n      app: web\n', ns = '') => `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\n${ns}spec:\n  minAvailable: ${min}\n  selector:\n${selector}`;
const web = (replicas?: number | string) => deployment({ replicas });

ruleTable(pdbMinAvailable, [
  {
    name: 'minAvailable equal to the replicas',
    text: pdb('3'),
    files: { 'web.yaml': web(3) },
    expect: ['6:17-6:18'],
    messages: [/^PodDisruptionBudget web requires 3 available but Deployment web runs 3 replicas, so none of its pods can be evicted/],
    noFix: true,
  },
  { name: 'above the replicas, in the same file', text: `${web(2)}---\n${pdb('5')}`, expect: ['24:17-24:18'] },
  { name: 'replicas unset means 1', text: pdb('1'), files: { 'web.yaml': web() }, expect: ['6:17-6:18'], messages: [/Deployment web runs 1 replica,/] },
  { name: '100% needs no workload', text: pdb('"100%"'), expect: ['6:17-6:23'], messages: [/requires 100% of its pods available/] },
  { name: 'a percentage that rounds up to every pod', text: pdb('50%'), files: { 'web.yaml': web(1) }, expect: ['6:17-6:20'] },
  { name: 'a percentage that leaves one', text: pdb('50%'), files: { 'web.yaml': web(3) }, expect: [] },
  {
    name: 'the HPA minimum counts, not replicas',
    text: pdb('2'),
    files: { 'web.yaml': web(), 'hpa.yaml': hpa({ spec: '  minReplicas: 2\n  maxReplicas: 10\n' }) },
    expect: ['6:17-6:18'],
    messages: [/Deployment web scales down to 2 \(HorizontalPodAutoscaler web\)/],
  },
  { name: 'an HPA minimum above the budget', text: pdb('2'), files: { 'web.yaml': web(), 'hpa.yaml': hpa({ spec: '  minReplicas: 3\n  maxReplicas: 10\n' }) }, expect: [] },
  { name: 'matchExpressions select the workload', text: pdb('3', '    matchExpressions:\n      - {key: app, operator: In, values: [web, api]}\n'), files: { 'web.yaml': web(3) }, expect: ['6:17-6:18'] },
  { name: 'below the replicas', text: pdb('2'), files: { 'web.yaml': web(3) }, expect: [] },
  { name: 'a workload in another namespace', text: pdb('3', undefined, '  namespace: shop\n'), files: { 'web.yaml': web(3) }, expect: [] },
  { name: 'labels that do not match', text: pdb('3', '    matchLabels:\n      app: api\n'), files: { 'web.yaml': web(3) }, expect: [] },
  { name: 'a DaemonSet has no replica count', text: pdb('1'), files: { 'web.yaml': deployment({ kind: 'DaemonSet' }) }, expect: [] },
  { name: 'scaled to zero: nothing to evict', text: pdb('1'), files: { 'web.yaml': web(0) }, expect: [] },
]);
