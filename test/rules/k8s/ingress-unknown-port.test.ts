import { ingressUnknownPort } from '../../../server/src/rules/k8s/ingress-unknown-port';
import { ingress as ingressOf, service as serviceOf } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const ingress = (port: string, namespace?: string) => ingressOf({ port, namespace });
const service = (ports: string, namespace?: string) => serviceOf({ ports, namespace });
const ONE = service('    - name: http\n      port: 80\n      targetPort: 8080\n');
const TWO = service('    - name: http\n      port: 80\n    - name: https\n      port: 443\n');

ruleTable(ingressUnknownPort, [
  {
    name: 'container port instead of the Service port, single port fixed',
    text: `${ingress('number: 8080')}---\n${ONE}`,
    expect: ['17:27-17:31'],
    messages: [/routes to port 8080 of Service web, which defines ports 80; use one of them/],
    fixed: `${ingress('number: 80')}---\n${ONE}`,
  },
  {
    name: 'unknown port name, single named port fixed',
    text: ingress('name: web'),
    files: { 'svc.yaml': ONE },
    expect: ['17:25-17:28'],
    messages: [/port name "web" of Service web, which defines port names http/],
    fixed: ingress('name: http'),
  },
  {
    name: 'several ports: no fix',
    text: `${ingress('number: 8080')}---\n${TWO}`,
    expect: ['17:27-17:31'],
    messages: [/defines ports 80, 443/],
    noFix: true,
  },
  {
    name: 'name on a Service whose only port is unnamed: no fix',
    text: `${ingress('name: http')}---\n${service('    - port: 80\n')}`,
    expect: ['17:25-17:29'],
    messages: [/defines port names none/],
    noFix: true,
  },
  { name: 'matching number', text: `${ingress('number: 443')}---\n${TWO}`, expect: [] },
  { name: 'matching name', text: `${ingress('name: https')}---\n${TWO}`, expect: [] },
  { name: 'unknown Service is left to ingress-unknown-service', text: ingress('number: 8080'), expect: [] },
  {
    name: 'the Service of the Ingress namespace is used',
    text: ingress('number: 443', 'shop'),
    files: { 'a.yaml': TWO, 'b.yaml': service('    - port: 80\n', 'shop') },
    expect: ['18:27-18:30'],
    fixed: ingress('number: 80', 'shop'),
  },
  {
    name: 'defaultBackend port',
    text: `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\nspec:\n  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 8080\n---\n${TWO}`,
    expect: ['10:17-10:21'],
  },
  { name: 'Helm templates are skipped', text: `${ingress('number: {{ .Values.port }}')}---\n${ONE}`, expect: [] },
]);
