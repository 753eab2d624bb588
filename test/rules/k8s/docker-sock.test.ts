// docker-sock: a container mounting a hostPath volume whose path ends in docker.sock, reported at the mount's name.
import { dockerSock } from '../../../server/src/rules/k8s/docker-sock';
import { deployment, pod } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const volume = (path: string, name = 'sock') => `  volumes:\n    - name: ${name}\n      hostPath:\n        path: ${path}\n`;
const MOUNT = '      volumeMounts:\n        - name: sock\n          mountPath: /var/run/docker.sock\n';
const withSock = (path: string, mounts = MOUNT) => pod({ podSpec: volume(path), containers: [{ extra: mounts }] });

ruleTable(dockerSock, [
  {
    name: 'the Docker socket mounted into a container',
    text: withSock('/var/run/docker.sock'),
    expect: ['14:17-14:21'],
    messages: [/^Container "web" mounts the node's Docker socket \(\/var\/run\/docker.sock\)/],
  },
  { name: '/run/docker.sock, read-only is no better', text: withSock('/run/docker.sock', `${MOUNT}          readOnly: true\n`), expect: ['14:17-14:21'] },
  {
    name: 'every container mounting it, init containers too, in a Deployment',
    text: deployment({
      podSpec: '      volumes:\n        - name: sock\n          hostPath: {path: /var/run/docker.sock, type: Socket}\n      initContainers:\n        - name: wait\n          image: busybox:1.36\n          volumeMounts: [{name: sock, mountPath: /s}]\n',
      containers: [{ extra: '          volumeMounts:\n            - name: sock\n              mountPath: /var/run/docker.sock\n' }],
    }),
    expect: ['20:33-20:37', '25:21-25:25'],
    messages: [/^Init container "wait"/, /^Container "web"/],
  },
  { name: 'a volume that is declared but not mounted', text: withSock('/var/run/docker.sock', '      volumeMounts:\n        - name: other\n          mountPath: /x\n'), expect: [] },
  { name: 'the containerd socket is another path', text: withSock('/run/containerd/containerd.sock'), expect: [] },
  { name: 'a docker.sock file that is not a hostPath (emptyDir)', text: pod({ podSpec: '  volumes:\n    - name: sock\n      emptyDir: {}\n', containers: [{ extra: MOUNT }] }), expect: [] },
  { name: 'a path that only contains docker.sock', text: withSock('/var/run/docker.sock.d/x'), expect: [] },
]);
