import { invalidPortName } from '../../../server/src/rules/k8s/invalid-port-name';
import { ruleTable } from '../../helpers/ruleTable';

const pod = (ports: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      ports:\n${ports}`;
ruleTable(invalidPortName, [
  { name: 'a container port name over 15 characters', text: pod('        - name: metrics-endpoint\n          containerPort: 9090\n'), expect: ['10:17-10:33'], messages: [/^spec\.containers\.0\.ports\[0\]\.name: Invalid value: "metrics-endpoint": must be no more than 15 characters/] },
  { name: 'underscore, double hyphen, digits only', text: pod('        - name: http_alt\n          containerPort: 8080\n        - name: a--b\n          containerPort: 8081\n        - name: "8080"\n          containerPort: 8082\n'), expect: ['10:17-10:25', '12:17-12:21', '14:17-14:23'], messages: [/only alpha-numeric/, /consecutive hyphens/, /at least one letter/] },
  { name: 'a Service port name that is not an RFC 1123 label', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - name: HTTP\n      port: 80\n', expect: ['7:13-7:17'], messages: [/^spec\.ports\[0\]\.name: Invalid value: "HTTP": a lowercase RFC 1123 label/] },
  { name: 'valid names', text: pod('        - name: http\n          containerPort: 8080\n        - name: grpc-web\n          containerPort: 9000\n'), expect: [] },
  { name: 'a Service port name of 20 characters is fine (a label, not an IANA name)', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - name: prometheus-metrics-1\n      port: 9090\n', expect: [] },
]);
