// non-isolated-pod: a workload that no NetworkPolicy of its namespace selects, at its name; policies in other files
// count, `{}` and a missing podSelector select everything, matchExpressions are evaluated.
import { nonIsolatedPod } from '../../../server/src/rules/k8s/non-isolated-pod';
import { deployment, pod, service } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const LABELS = { app: 'web', tier: 'frontend' };
const web = (namespace?: string) => deployment({ labels: LABELS, namespace });
const policy = (selector: string, namespace?: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n${selector}  policyTypes: [Ingress]\n`;

ruleTable(nonIsolatedPod, [
  {
    name: 'no NetworkPolicy at all',
    text: web(),
    expect: ['4:9-4:12'],
    messages: [/^No NetworkPolicy in namespace default selects the pods of Deployment web, so they accept traffic from any pod/],
  },
  { name: 'a default-deny policy in another file', text: web(), files: { 'netpol.yaml': policy('  podSelector: {}\n') }, expect: [] },
  { name: 'a policy without podSelector selects every pod', text: web(), files: { 'netpol.yaml': policy('') }, expect: [] },
  { name: 'matchLabels that match, in the same file', text: `${web()}---\n${policy('  podSelector:\n    matchLabels:\n      app: web\n')}`, expect: [] },
  { name: 'matchLabels for other pods', text: web(), files: { 'netpol.yaml': policy('  podSelector:\n    matchLabels:\n      app: api\n') }, expect: ['4:9-4:12'] },
  { name: 'a policy in another namespace', text: web('shop'), files: { 'netpol.yaml': policy('  podSelector: {}\n', 'payments') }, expect: ['4:9-4:12'], messages: [/namespace shop/] },
  {
    name: 'matchExpressions In and Exists',
    text: web(),
    files: { 'netpol.yaml': policy('  podSelector:\n    matchExpressions:\n      - {key: tier, operator: In, values: [frontend, backend]}\n      - {key: app, operator: Exists}\n') },
    expect: [],
  },
  {
    name: 'matchExpressions NotIn excludes these pods',
    text: web(),
    files: { 'netpol.yaml': policy('  podSelector:\n    matchExpressions:\n      - {key: tier, operator: NotIn, values: [frontend]}\n') },
    expect: ['4:9-4:12'],
  },
  { name: 'a bare Pod', text: pod(), expect: ['4:9-4:12'], messages: [/Pod web/] },
  { name: 'objects without pods are not checked', text: service({ selector: { app: 'web' }, ports: '    - port: 80\n' }), expect: [] },
]);
