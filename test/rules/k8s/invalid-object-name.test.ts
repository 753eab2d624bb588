import { invalidObjectName } from '../../../server/src/rules/k8s/invalid-object-name';
import { ruleTable } from '../../helpers/ruleTable';

const cm = (meta: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n${meta}data:\n  a: b\n`;
const svc = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n    - port: 80\n`;
ruleTable(invalidObjectName, [
  { name: 'upper case and underscore in a ConfigMap name', text: cm('  name: My_Config\n'), expect: ['4:9-4:18'], messages: [/^metadata\.name: Invalid value: "My_Config": a lowercase RFC 1123 subdomain must consist of/] },
  { name: 'a Service name starting with a digit (DNS-1035)', text: svc('1st-api'), expect: ['4:9-4:16'], messages: [/a DNS-1035 label must consist of/] },
  { name: 'a Service name with a dot', text: svc('api.v1'), expect: ['4:9-4:15'] },
  { name: 'a Namespace name with a dot (RFC 1123 label)', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team.a\n', expect: ['4:9-4:15'], messages: [/RFC 1123 label/] },
  { name: 'a name over 253 characters', text: cm(`  name: ${'a'.repeat(254)}\n`), expect: ['4:9-4:263'], messages: [/must be no more than 253 characters/] },
  { name: 'metadata.namespace with upper case', text: cm('  name: cfg\n  namespace: Prod\n'), expect: ['5:14-5:18'], messages: [/^metadata\.namespace: Invalid value: "Prod"/] },
  { name: 'generateName with an underscore', text: cm('  generateName: job_\n'), expect: ['4:17-4:21'] },
  { name: 'generateName ending in a dash is a prefix', text: cm('  generateName: job-run-\n'), expect: [] },
  { name: 'valid names, dots allowed in ConfigMaps', text: cm('  name: app.config-v2\n  namespace: team-a\n'), expect: [] },
  { name: 'a Service named like a label', text: svc('api-v1'), expect: [] },
  { name: 'templated names are left alone', text: cm('  name: ${APP}-config\n'), expect: [] },
]);
