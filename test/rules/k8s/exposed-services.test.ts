// exposed-services (off by default): NodePort and LoadBalancer Services.
import { exposedServices } from '../../../server/src/rules/k8s/exposed-services';
import { ruleTable } from '../../helpers/ruleTable';

const svc = (type: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n${type}  selector:\n    app: web\n  ports:\n    - port: 80\n`;

ruleTable(exposedServices, [
  { name: 'LoadBalancer', text: svc('  type: LoadBalancer\n'), expect: ['6:9-6:21'], messages: [/Service web is of type LoadBalancer: it gets an address outside the cluster/], noFix: true },
  { name: 'NodePort with a fixed port', text: svc('  type: NodePort\n').replace('- port: 80\n', '- port: 80\n      nodePort: 30080\n'), expect: ['6:9-6:17'], messages: [/opens its ports on every node/] },
  { name: 'ClusterIP', text: svc('  type: ClusterIP\n'), expect: [] },
  { name: 'no type (ClusterIP)', text: svc(''), expect: [] },
  { name: 'ExternalName', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: ExternalName\n  externalName: db.example.com\n', expect: [] },
  { name: 'a type field of another kind', text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ntype: NodePort\n', expect: [] },
]);
