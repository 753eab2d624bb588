// dangling-servicemonitor (off by default): a ServiceMonitor selecting no Service by its labels.
import { danglingServicemonitor } from '../../../server/src/rules/k8s/dangling-servicemonitor';
import { ruleTable } from '../../helpers/ruleTable';

const sm = (selector: string, extra = '') =>
  `apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: api\nspec:\n  selector:${selector}\n${extra}  endpoints:\n    - port: metrics\n`;
const svc = (labels: string, namespace?: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n${namespace ? `  namespace: ${namespace}\n` : ''}  labels:\n${labels}spec:\n  selector:\n    app: api\n  ports:\n    - name: metrics\n      port: 9090\n`;
const LABELED = svc('    app: api\n');

ruleTable(danglingServicemonitor, [
  { name: 'a typo in matchLabels', text: `${sm('\n    matchLabels:\n      app: apj')}---\n${LABELED}`, expect: ['6:3-6:11'], messages: [/ServiceMonitor api selects no Service in namespace default: its selector is matched against the Services' own labels/], noFix: true },
  {
    name: 'the Service\'s pod selector matches but its own labels do not',
    text: `${sm('\n    matchLabels:\n      app: api')}---\n${svc('    team: core\n')}`,
    expect: ['6:3-6:11'],
  },
  {
    name: 'matchNames listing namespaces without the Service',
    text: sm('\n    matchLabels:\n      app: api', '  namespaceSelector:\n    matchNames: [staging, prod]\n'),
    files: { 's.yaml': svc('    app: api\n', 'prod').replace('app: api\n', 'app: other\n') + '---\n' + svc('    app: api\n', 'dev') },
    expect: ['6:3-6:11'],
    messages: [/in namespaces staging, prod:/],
  },
  { name: 'a match in the same namespace', text: `${sm('\n    matchLabels:\n      app: api')}---\n${LABELED}`, expect: [] },
  { name: 'a match in a namespace of matchNames', text: sm('\n    matchLabels:\n      app: api', '  namespaceSelector:\n    matchNames: [prod]\n'), files: { 's.yaml': svc('    app: api\n', 'prod') }, expect: [] },
  { name: 'any: true finds it anywhere', text: sm('\n    matchLabels:\n      app: api', '  namespaceSelector:\n    any: true\n'), files: { 's.yaml': svc('    app: api\n', 'monitoring') }, expect: [] },
  { name: 'no Services in the workspace: silent', text: sm('\n    matchLabels:\n      app: api'), expect: [] },
  { name: 'an empty selector selects every Service', text: `${sm(' {}')}---\n${svc('    team: core\n')}`, expect: [] },
]);
