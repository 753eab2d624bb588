import { nodeportService } from '../../../server/src/rules/k8s/nodeport-service';
import { ruleTable } from '../../helpers/ruleTable';

const svc = (type: string, port: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n${type}  selector:\n    app: web\n  ports:\n    - port: 80\n${port}`;
const INGRESS = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: site\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n';
ruleTable(nodeportService, [
  { name: 'a fixed nodePort', text: svc('  type: NodePort\n', '      nodePort: 30080\n'), expect: ['6:9-6:17'], messages: [/exposes port 30080 on every node/], fixed: svc('', '') },
  { name: 'behind an Ingress in another file', text: svc('  type: NodePort\n', ''), files: { 'ingress.yaml': INGRESS }, expect: ['6:9-6:17'], messages: [/behind Ingress site and, as a NodePort, also exposes a port on every node/], fixed: svc('', '') },
  { name: 'a NodePort with no Ingress and no fixed port (a test setup)', text: svc('  type: NodePort\n', ''), expect: [] },
  { name: 'ClusterIP behind an Ingress', text: svc('', ''), files: { 'ingress.yaml': INGRESS }, expect: [] },
]);
