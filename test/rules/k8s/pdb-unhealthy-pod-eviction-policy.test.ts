// pdb-unhealthy-pod-eviction-policy: policy/v1 budgets without unhealthyPodEvictionPolicy, at `spec:`; the fix
// adds AlwaysAllow.
import { pdbUnhealthyPodEvictionPolicy } from '../../../server/src/rules/k8s/pdb-unhealthy-pod-eviction-policy';
import { ruleTable } from '../../helpers/ruleTable';

const pdb = (spec: string, apiVersion = 'policy/v1') => `apiVersion: ${apiVersion}\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: web\n${spec}`;

ruleTable(pdbUnhealthyPodEvictionPolicy, [
  {
    name: 'unset: AlwaysAllow is added',
    text: pdb(''),
    expect: ['5:1-5:5'],
    messages: [/^PodDisruptionBudget web does not set unhealthyPodEvictionPolicy/],
    fixed: pdb('  unhealthyPodEvictionPolicy: AlwaysAllow\n'),
  },
  {
    name: 'flow-style spec',
    text: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}\n',
    expect: ['4:1-4:5'],
    fixed: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}, unhealthyPodEvictionPolicy: AlwaysAllow}\n',
  },
  { name: 'no spec at all: at metadata, no fix', text: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\n', expect: ['3:1-3:9'], noFix: true },
  { name: 'IfHealthyBudget set explicitly', text: pdb('  unhealthyPodEvictionPolicy: IfHealthyBudget\n'), expect: [] },
  { name: 'AlwaysAllow', text: pdb('  unhealthyPodEvictionPolicy: AlwaysAllow\n'), expect: [] },
  { name: 'policy/v1beta1 has no such field', text: pdb('', 'policy/v1beta1'), expect: [] },
]);
