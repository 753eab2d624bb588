import { probeHandlerCount } from '../../../server/src/rules/k8s/probe-handler-count';
import { ruleTable } from '../../helpers/ruleTable';

const pod = (c: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n${c}`;
ruleTable(probeHandlerCount, [
  { name: 'two handlers', text: pod('      readinessProbe:\n        httpGet:\n          path: /ready\n          port: 80\n        tcpSocket:\n          port: 80\n'), expect: ['13:9-13:18'], messages: [/^spec\.containers\[0\]\.readinessProbe\.tcpSocket: Forbidden: may not specify more than 1 handler type \(it has httpGet and tcpSocket\)/] },
  { name: 'no handler, a misspelt key', text: pod('      livenessProbe:\n        httpget:\n          path: /live\n        periodSeconds: 10\n'), expect: ['9:7-9:20'], messages: [/Required value: must specify a handler type/] },
  { name: 'a preStop hook without an action', text: pod('      lifecycle:\n        preStop:\n          timeoutSeconds: 5\n'), expect: ['10:9-10:16'] },
  { name: 'one handler each', text: pod('      livenessProbe:\n        grpc:\n          port: 9000\n      lifecycle:\n        preStop:\n          sleep:\n            seconds: 5\n'), expect: [] },
]);
