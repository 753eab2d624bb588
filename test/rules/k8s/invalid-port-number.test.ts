import { invalidPortNumber } from '../../../server/src/rules/k8s/invalid-port-number';
import { ruleTable } from '../../helpers/ruleTable';

const svc = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n${spec}`;
const pod = (ports: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      ports:\n${ports}`;
ruleTable(invalidPortNumber, [
  { name: 'a nodePort outside the range', text: svc('  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 8080\n'), expect: ['9:17-9:21'], messages: [/^spec\.ports\[0\]\.nodePort: Invalid value: 8080: provided port is not in the valid range\. The range of valid ports is 30000-32767/] },
  { name: 'a nodePort on a ClusterIP Service', text: svc('  ports:\n    - port: 80\n      nodePort: 30080\n'), expect: ['8:17-8:22'], messages: [/Forbidden: may not be used when `type` is 'ClusterIP'/] },
  { name: 'port 0 and 70000', text: svc('  ports:\n    - port: 0\n      targetPort: 70000\n'), expect: ['7:13-7:14', '8:19-8:24'], messages: [/must be between 1 and 65535/, /targetPort/] },
  { name: 'a targetPort name that is not an IANA name', text: svc('  ports:\n    - port: 80\n      targetPort: http_alt\n'), expect: ['8:19-8:27'] },
  { name: 'lower-case protocol', text: svc('  ports:\n    - port: 53\n      protocol: udp\n'), expect: ['8:17-8:20'], messages: [/Unsupported value: "udp": supported values: "SCTP", "TCP", "UDP"/] },
  { name: 'containerPort and hostPort out of range', text: pod('        - containerPort: 80800\n        - containerPort: 8080\n          hostPort: -1\n'), expect: ['10:26-10:31', '12:21-12:23'] },
  { name: 'valid ports', text: svc('  type: LoadBalancer\n  ports:\n    - port: 443\n      targetPort: https\n      nodePort: 30443\n      protocol: TCP\n'), expect: [] },
  { name: 'a string targetPort with digits', text: svc('  ports:\n    - port: 80\n      targetPort: "8080"\n'), expect: [] },
]);
