// pdb-max-unavailable: maxUnavailable 0 or "0%" on a PodDisruptionBudget, at the value; no fix.
import { pdbMaxUnavailable } from '../../../server/src/rules/k8s/pdb-max-unavailable';
import { ruleTable } from '../../helpers/ruleTable';

const pdb = (spec: string, apiVersion = 'policy/v1') => `apiVersion: ${apiVersion}\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n${spec}  selector:\n    matchLabels:\n      app: web\n`;

ruleTable(pdbMaxUnavailable, [
  { name: 'maxUnavailable 0', text: pdb('  maxUnavailable: 0\n'), expect: ['6:19-6:20'], messages: [/^PodDisruptionBudget web has maxUnavailable 0, so none of its pods can ever be evicted/], noFix: true },
  { name: 'maxUnavailable "0%"', text: pdb('  maxUnavailable: "0%"\n'), expect: ['6:19-6:23'], messages: [/maxUnavailable 0%/] },
  { name: 'policy/v1beta1 too', text: pdb('  maxUnavailable: 0\n', 'policy/v1beta1'), expect: ['6:19-6:20'] },
  { name: 'maxUnavailable 1', text: pdb('  maxUnavailable: 1\n'), expect: [] },
  { name: 'maxUnavailable "10%"', text: pdb('  maxUnavailable: 10%\n'), expect: [] },
  { name: 'minAvailable 0 is another rule’s business (and allows everything)', text: pdb('  minAvailable: 0\n'), expect: [] },
  { name: 'a ConfigMap with maxUnavailable 0 is not a budget', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nspec:\n  maxUnavailable: 0\n', expect: [] },
  { name: 'Helm templates are skipped', text: pdb('  maxUnavailable: {{ .Values.max }}\n'), expect: [] },
]);
