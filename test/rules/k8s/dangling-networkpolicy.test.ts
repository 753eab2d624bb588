// dangling-networkpolicy (off by default): a podSelector that matches no pod template.
import { danglingNetworkpolicy } from '../../../server/src/rules/k8s/dangling-networkpolicy';
import { deployment } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const np = (selector: string, namespace?: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  podSelector:${selector}\n  policyTypes: [Ingress]\n`;
const WEB = deployment({ labels: { app: 'web', tier: 'frontend' } });

ruleTable(danglingNetworkpolicy, [
  { name: 'matchLabels with a typo', text: `${np('\n    matchLabels:\n      app: wbe')}---\n${WEB}`, expect: ['6:3-6:14'], messages: [/NetworkPolicy web selects no pod template in namespace default, so it applies to nothing/], noFix: true },
  { name: 'the workload only in another namespace', text: np('\n    matchLabels:\n      app: web', 'prod'), files: { 'd.yaml': WEB }, expect: ['7:3-7:14'] },
  { name: 'matchExpressions NotIn every value', text: `${np('\n    matchExpressions:\n      - {key: tier, operator: NotIn, values: [frontend]}')}---\n${WEB}`, expect: ['6:3-6:14'] },
  { name: 'matchLabels that match', text: `${np('\n    matchLabels:\n      app: web')}---\n${WEB}`, expect: [] },
  { name: 'matchExpressions In that match, workload in another file', text: np('\n    matchExpressions:\n      - key: tier\n        operator: In\n        values: [frontend, backend]'), files: { 'd.yaml': WEB }, expect: [] },
  { name: 'podSelector {} selects every pod', text: `${np(' {}')}---\n${WEB}`, expect: [] },
  { name: 'no workloads in the workspace: silent', text: np('\n    matchLabels:\n      app: web'), expect: [] },
]);
