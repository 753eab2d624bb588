// host-pid: hostPID: true on any pod-bearing kind, reported at the value; false or absent is fine.
import { hostPid } from '../../../server/src/rules/k8s/host-pid';
import { deployment, pod } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(hostPid, [
  {
    name: 'a bare Pod sharing the node processes',
    text: pod({ podSpec: '  hostPID: true # debug\n' }),
    expect: ['6:12-6:16'],
    messages: [/^Pod web shares the node's process namespace \(hostPID: true\)/],
  },
  { name: 'a StatefulSet', text: deployment({ kind: 'StatefulSet', podSpec: '      hostPID: true\n' }), expect: ['14:16-14:20'] },
  { name: 'hostPID: false', text: pod({ podSpec: '  hostPID: false\n' }), expect: [] },
  { name: 'shareProcessNamespace shares only the pod\'s own processes', text: pod({ podSpec: '  shareProcessNamespace: true\n' }), expect: [] },
  { name: 'hostPID on a non-pod kind is not a pod spec', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nspec:\n  hostPID: true\n', expect: [] },
]);
