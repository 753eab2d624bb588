// sensitive-host-mounts: hostPath volumes of /, /boot, /dev, /etc, /lib, /proc, /sys, /usr mounted by a container,
// reported at the mount's name; subdirectories and other paths are not reported.
import { sensitiveHostMounts } from '../../../server/src/rules/k8s/sensitive-host-mounts';
import { pod } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const MOUNT = '      volumeMounts:\n        - name: host\n          mountPath: /host\n          readOnly: true\n';
const withHost = (path: string) => pod({ podSpec: `  volumes:\n    - name: host\n      hostPath:\n        path: ${path}\n`, containers: [{ extra: MOUNT }] });

ruleTable(sensitiveHostMounts, [
  {
    name: '/etc, even read-only',
    text: withHost('/etc'),
    expect: ['14:17-14:21'],
    messages: [/^Container "web" mounts the node's system directory \/etc;/],
  },
  { name: 'the root directory', text: withHost('/'), expect: ['14:17-14:21'], messages: [/directory \/;/] },
  { name: '/proc', text: withHost('/proc'), expect: ['14:17-14:21'] },
  { name: '/sys with a trailing slash names the same directory', text: withHost('/sys/'), expect: ['14:17-14:21'], messages: [/directory \/sys;/] },
  { name: 'quoted /usr', text: withHost('"/usr"'), expect: ['14:17-14:21'] },
  { name: 'a subdirectory (/var/log) is not in the list', text: withHost('/var/log'), expect: [] },
  { name: 'a file below /etc is not the directory', text: withHost('/etc/localtime'), expect: [] },
  { name: '/devices is not /dev', text: withHost('/devices'), expect: [] },
  { name: 'a declared but unmounted volume', text: pod({ podSpec: '  volumes:\n    - name: host\n      hostPath:\n        path: /etc\n' }), expect: [] },
]);
