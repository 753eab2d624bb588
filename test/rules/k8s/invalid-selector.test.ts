import { invalidSelector } from '../../../server/src/rules/k8s/invalid-selector';
import { ruleTable } from '../../helpers/ruleTable';

const pdb = (selector: string) => `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n${selector}`;
ruleTable(invalidSelector, [
  { name: 'an operator in the wrong case', text: pdb('    matchExpressions:\n      - key: app\n        operator: in\n        values: [web]\n'), expect: ['10:19-10:21'], messages: [/^spec\.selector\.matchExpressions\[0\]\.operator: Unsupported value: "in": supported values: "In", "NotIn", "Exists", "DoesNotExist"/] },
  { name: 'In without values', text: pdb('    matchExpressions:\n      - key: app\n        operator: In\n'), expect: ['10:19-10:21'], messages: [/values: Required value: must be specified when `operator` is 'In' or 'NotIn'/] },
  { name: 'Exists with values', text: pdb('    matchExpressions:\n      - key: app\n        operator: Exists\n        values: [web]\n'), expect: ['11:17-11:22'], messages: [/Forbidden: may not be specified/] },
  { name: 'a bad value in values and a bad key', text: pdb('    matchExpressions:\n      - key: "my app"\n        operator: NotIn\n        values: ["a b"]\n'), expect: ['9:14-9:22', '11:18-11:23'] },
  { name: 'matchLabels value with a slash', text: pdb('    matchLabels:\n      app: web/v1\n'), expect: ['9:12-9:18'], messages: [/^spec\.selector\.matchLabels\[app\]/] },
  { name: 'a Service selector map', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: "web app"\n  ports:\n    - port: 80\n', expect: ['7:10-7:19'] },
  { name: 'a NetworkPolicy podSelector', text: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\nspec:\n  podSelector:\n    matchExpressions:\n      - key: tier\n        operator: Equals\n        values: [db]\n', expect: ['9:19-9:25'] },
  { name: 'valid selectors', text: pdb('    matchLabels:\n      app: web\n    matchExpressions:\n      - key: tier\n        operator: In\n        values: [front, back]\n      - key: canary\n        operator: DoesNotExist\n'), expect: [] },
]);
