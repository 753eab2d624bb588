// dangling-networkpolicypeer-podselector (off by default): ingress/egress peers whose podSelector matches nothing.
import { danglingNetworkpolicypeerPodselector } from '../../../server/src/rules/k8s/dangling-networkpolicypeer-podselector';
import { deployment } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const np = (rules: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: db\nspec:\n  podSelector:\n    matchLabels:\n      app: db\n${rules}`;
const API = deployment({ name: 'api' });
const peer = (dir: string, key: string, app: string) => `  ${dir}:\n    - ${key}:\n        - podSelector:\n            matchLabels:\n              app: ${app}\n`;

ruleTable(danglingNetworkpolicypeerPodselector, [
  { name: 'an ingress peer matching nothing', text: `${np(peer('ingress', 'from', 'backend'))}---\n${API}`, expect: ['11:11-11:22'], messages: [/This ingress peer of NetworkPolicy db selects no pod template in namespace default, so the traffic from/], noFix: true },
  { name: 'an egress peer matching nothing', text: np(peer('egress', 'to', 'cache')), files: { 'api.yaml': API }, expect: ['11:11-11:22'], messages: [/egress peer .* traffic to/] },
  {
    name: 'two peers, one matching',
    text: `${np('  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n              app: api\n        - podSelector:\n            matchLabels:\n              app: apii\n')}---\n${API}`,
    expect: ['14:11-14:22'],
  },
  { name: 'a matching peer', text: `${np(peer('ingress', 'from', 'api'))}---\n${API}`, expect: [] },
  {
    name: 'a peer with a namespaceSelector selects pods elsewhere',
    text: `${np('  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels:\n              team: ops\n          podSelector:\n            matchLabels:\n              app: prometheus\n')}---\n${API}`,
    expect: [],
  },
  { name: 'an empty peer podSelector (all pods of the namespace)', text: `${np('  ingress:\n    - from:\n        - podSelector: {}\n')}---\n${API}`, expect: [] },
  { name: 'ipBlock peers', text: `${np('  egress:\n    - to:\n        - ipBlock:\n            cidr: 10.0.0.0/8\n')}---\n${API}`, expect: [] },
]);
