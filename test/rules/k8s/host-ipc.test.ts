// host-ipc: hostIPC: true on any pod-bearing kind, reported at the value; false or absent is fine.
import { hostIpc } from '../../../server/src/rules/k8s/host-ipc';
import { deployment, pod } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(hostIpc, [
  {
    name: 'a Deployment sharing the node IPC namespace',
    text: deployment({ podSpec: '      hostIPC: true\n' }),
    expect: ['14:16-14:20'],
    messages: [/^Deployment web shares the node's IPC namespace \(hostIPC: true\)/],
  },
  { name: 'a Job, YAML 1.2 True', text: deployment({ kind: 'Job', apiVersion: 'batch/v1', podSpec: '      hostIPC: True\n      restartPolicy: Never\n' }), expect: ['14:16-14:20'] },
  { name: 'hostIPC: false', text: pod({ podSpec: '  hostIPC: false\n' }), expect: [] },
  { name: 'absent', text: pod(), expect: [] },
]);
