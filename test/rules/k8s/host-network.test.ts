// host-network: hostNetwork: true on any pod-bearing kind, reported at the value; false or absent is fine.
import { hostNetwork } from '../../../server/src/rules/k8s/host-network';
import { deployment, pod } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(hostNetwork, [
  {
    name: 'a Deployment sharing the node network',
    text: deployment({ podSpec: '      hostNetwork: true\n' }),
    expect: ['14:20-14:24'],
    messages: [/^Deployment web shares the node's network namespace \(hostNetwork: true\)/],
  },
  { name: 'a bare Pod', text: pod({ podSpec: '  hostNetwork: true\n' }), expect: ['6:16-6:20'] },
  { name: 'a DaemonSet node agent is still reported (suppress it there)', text: deployment({ kind: 'DaemonSet', podSpec: '      hostNetwork: true\n' }), expect: ['14:20-14:24'] },
  { name: 'hostNetwork: false', text: deployment({ podSpec: '      hostNetwork: false\n' }), expect: [] },
  { name: 'absent', text: deployment(), expect: [] },
  { name: 'the string "true" is not the boolean', text: deployment({ podSpec: '      hostNetwork: "true"\n' }), expect: [] },
  { name: 'hostPID is another rule', text: deployment({ podSpec: '      hostPID: true\n' }), expect: [] },
  {
    name: 'a CronJob job template',
    text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: sync\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          hostNetwork: true\n          restartPolicy: OnFailure\n          containers:\n            - name: sync\n              image: busybox:1.36\n',
    expect: ['11:24-11:28'],
    messages: [/^CronJob sync/],
  },
]);
