// privileged-ports: containerPort 1-1023 in any container, at the number; 0, 1024 and up are not reported.
import { privilegedPorts } from '../../../server/src/rules/k8s/privileged-ports';
import { pod } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const withPorts = (...ports: number[]) => pod({ containers: [{ ports: ports.map((containerPort) => ({ containerPort })) }] });

ruleTable(privilegedPorts, [
  {
    name: 'port 80',
    text: withPorts(80),
    expect: ['10:26-10:28'],
    messages: [/^Container "web" listens on the privileged port 80, which needs root or NET_BIND_SERVICE/],
  },
  { name: 'the edges: 1 and 1023 are reported, 1024 is not', text: withPorts(1, 1023, 1024), expect: ['10:26-10:27', '11:26-11:30'] },
  { name: 'port 8080', text: withPorts(8080), expect: [] },
  { name: 'a named port above 1023', text: pod({ containers: [{ ports: [{ name: 'http', containerPort: 8080 }] }] }), expect: [] },
  {
    name: 'a hostPort alone does not count; the containerPort does',
    text: pod({ containers: [{ extra: '      ports:\n        - containerPort: 8443\n          hostPort: 443\n' }] }),
    expect: [],
  },
]);
