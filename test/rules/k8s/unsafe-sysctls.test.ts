// unsafe-sysctls: pod sysctls in kube-linter's unsafe groups, at the name; the kubelet's safe sysctls are fine.
import { unsafeSysctls } from '../../../server/src/rules/k8s/unsafe-sysctls';
import { deployment, pod } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const withSysctls = (...names: string[]) => pod({ podSpec: `  securityContext:\n    sysctls:\n${names.map((n) => `      - name: ${n}\n        value: "1"\n`).join('')}` });

ruleTable(unsafeSysctls, [
  {
    name: 'kernel.shmmax',
    text: withSysctls('kernel.shmmax'),
    expect: ['8:15-8:28'],
    messages: [/^Pod web sets the unsafe sysctl kernel.shmmax, shared with every pod on the node/],
  },
  {
    name: 'each unsafe group; the safe ones in between are not reported',
    text: withSysctls('net.core.somaxconn', 'net.ipv4.ip_local_port_range', 'kernel.msgmax', 'kernel.shm_rmid_forced', 'kernel.sem', 'fs.mqueue.msg_max', 'net.ipv4.tcp_syncookies'),
    expect: ['8:15-8:33', '12:15-12:28', '16:15-16:25', '18:15-18:32'],
  },
  { name: 'slash-separated names are read like dotted ones', text: withSysctls('net/ipv4/tcp_max_syn_backlog', 'net/ipv4/ip_local_port_range'), expect: ['8:15-8:43'] },
  {
    name: 'a Deployment pod template',
    text: deployment({ podSpec: '      securityContext:\n        sysctls: [{name: net.ipv4.ip_forward, value: "1"}]\n' }),
    expect: ['15:26-15:45'],
    messages: [/^Deployment web/],
  },
  { name: 'sysctls outside the unsafe groups (vm.*) are another matter', text: withSysctls('vm.swappiness'), expect: [] },
  { name: 'no sysctls', text: pod(), expect: [] },
]);
