// ssh-port: containerPort 22 over TCP (the default protocol), at the number.
import { sshPort } from '../../../server/src/rules/k8s/ssh-port';
import { deployment, pod } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(sshPort, [
  {
    name: 'port 22',
    text: pod({ containers: [{ ports: [{ containerPort: 22 }] }] }),
    expect: ['10:26-10:28'],
    messages: [/^Container "web" exposes port 22 \(SSH\)/],
  },
  {
    name: 'named, protocol TCP, in a Deployment',
    text: deployment({ containers: [{ extra: '          ports:\n            - name: ssh\n              containerPort: 22\n              protocol: TCP\n' }] }),
    expect: ['19:30-19:32'],
  },
  { name: 'UDP 22 is not SSH', text: pod({ containers: [{ extra: '      ports:\n        - containerPort: 22\n          protocol: UDP\n' }] }), expect: [] },
  { name: 'port 2222', text: pod({ containers: [{ ports: [{ containerPort: 2222 }] }] }), expect: [] },
  { name: 'a hostPort 22 mapped to another container port', text: pod({ containers: [{ extra: '      ports:\n        - containerPort: 2222\n          hostPort: 22\n' }] }), expect: [] },
]);
