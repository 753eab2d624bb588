// priority-class-name (off by default): a class neither built in nor defined in the workspace.
import { priorityClassName } from '../../../server/src/rules/k8s/priority-class-name';
import { deployment } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const pod = (cls: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  priorityClassName: ${cls}\n  containers:\n    - name: web\n      image: nginx:1.27\n`;
const CLASS = 'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: batch-low\nvalue: 100\n';

ruleTable(priorityClassName, [
  { name: 'an undefined class', text: pod('batch-high'), files: { 'pc.yaml': CLASS }, expect: ['6:22-6:32'], messages: [/batch-high is neither a built-in class .* nor a PriorityClass in the workspace\. Pods/] },
  { name: 'a near miss of a built-in class', text: pod('system-node-critcal'), expect: ['6:22-6:41'], messages: [/did you mean system-node-critical\?/] },
  { name: 'a Deployment template', text: deployment({ podSpec: '      priorityClassName: urgent\n' }), expect: ['14:26-14:32'] },
  { name: 'a built-in class', text: pod('system-cluster-critical'), expect: [] },
  { name: 'a class defined in another file', text: pod('batch-low'), files: { 'pc.yaml': CLASS }, expect: [] },
  { name: 'no priorityClassName', text: deployment(), expect: [] },
]);
