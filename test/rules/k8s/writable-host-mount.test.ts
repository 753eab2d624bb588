// writable-host-mount: hostPath volumes mounted without readOnly: true, at the mount's name; the fix sets it.
import { writableHostMount } from '../../../server/src/rules/k8s/writable-host-mount';
import { deployment, pod } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const VOLUMES = '  volumes:\n    - name: logs\n      hostPath:\n        path: /var/log\n    - name: cache\n      emptyDir: {}\n';
const withMounts = (mounts: string) => pod({ podSpec: VOLUMES, containers: [{ extra: mounts }] });

ruleTable(writableHostMount, [
  {
    name: 'a writable host mount gets readOnly: true',
    text: withMounts('      volumeMounts:\n        - name: logs\n          mountPath: /var/log\n'),
    expect: ['16:17-16:21'],
    messages: [/^Container "web" mounts the host path \/var\/log writable/],
    fixed: withMounts('      volumeMounts:\n        - name: logs\n          mountPath: /var/log\n          readOnly: true\n'),
  },
  {
    name: 'readOnly: false is turned to true',
    text: withMounts('      volumeMounts:\n        - name: cache\n          mountPath: /cache\n        - name: logs\n          readOnly: false # for now\n          mountPath: /var/log\n'),
    expect: ['18:17-18:21'],
    fixed: withMounts('      volumeMounts:\n        - name: cache\n          mountPath: /cache\n        - name: logs\n          readOnly: true # for now\n          mountPath: /var/log\n'),
  },
  {
    name: 'a flow-style mount',
    text: withMounts('      volumeMounts: [{name: logs, mountPath: /var/log}]\n'),
    expect: ['15:29-15:33'],
    fixed: withMounts('      volumeMounts: [{name: logs, mountPath: /var/log, readOnly: true}]\n'),
  },
  {
    name: 'a DaemonSet init container',
    text: deployment({
      kind: 'DaemonSet',
      podSpec: '      volumes:\n        - name: host\n          hostPath:\n            path: /opt/cni/bin\n      initContainers:\n        - name: install\n          image: cni:1.0\n          volumeMounts:\n            - name: host\n              mountPath: /host/opt/cni/bin\n',
    }),
    expect: ['22:21-22:25'],
    messages: [/^Init container "install" mounts the host path \/opt\/cni\/bin writable/],
  },
  { name: 'readOnly: true', text: withMounts('      volumeMounts:\n        - name: logs\n          mountPath: /var/log\n          readOnly: true\n'), expect: [] },
  { name: 'an emptyDir mount is not a host path', text: withMounts('      volumeMounts:\n        - name: cache\n          mountPath: /cache\n'), expect: [] },
]);
