// default-service-account (off by default): pods that run as the namespace's default account.
import { defaultServiceAccount } from '../../../server/src/rules/k8s/default-service-account';
import { deployment } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const pod = (lines: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${lines}  containers:\n    - name: web\n      image: nginx:1.27\n`;

ruleTable(defaultServiceAccount, [
  { name: 'no service account named: at the pod spec', text: pod(''), expect: ['5:1-5:5'], messages: [/Pod web names no service account/], noFix: true },
  { name: 'serviceAccountName: default', text: pod('  serviceAccountName: default\n'), expect: ['6:23-6:30'], messages: [/runs as the namespace's default service account/] },
  { name: 'the deprecated serviceAccount: default', text: pod('  serviceAccount: default\n'), expect: ['6:19-6:26'] },
  { name: 'a Deployment without one: at its template spec', text: deployment(), expect: ['13:5-13:9'], messages: [/Deployment web names no/] },
  { name: 'its own account', text: pod('  serviceAccountName: web\n'), expect: [] },
  { name: 'serviceAccountName wins over a deprecated default', text: pod('  serviceAccountName: web\n  serviceAccount: default\n'), expect: [] },
  { name: 'objects without pods are not checked', text: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\n', expect: [] },
]);
