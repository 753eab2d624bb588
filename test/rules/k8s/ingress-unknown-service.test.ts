import { ingressUnknownService } from '../../../server/src/rules/k8s/ingress-unknown-service';
import { ingress as ingressOf, service as serviceOf } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const ingress = (name: string, namespace?: string) => ingressOf({ service: name, namespace });
const service = (name: string, namespace?: string) => serviceOf({ name, namespace });

ruleTable(ingressUnknownService, [
  {
    name: 'typo in the Service name, fixed to the closest',
    text: `${ingress('frontnd')}---\n${service('frontend')}`,
    expect: ['15:23-15:30'],
    messages: [/routes to Service frontnd, which does not exist in namespace default; did you mean frontend\?/],
    fixed: `${ingress('frontend')}---\n${service('frontend')}`,
  },
  {
    name: 'quoted name in another file gets the closest Service',
    text: ingress('"api-v1"'),
    files: { 'svc.yaml': `${service('api-v2')}---\n${service('web')}` },
    expect: ['15:23-15:31'],
    fixed: ingress('api-v2'),
  },
  {
    name: 'no Service close enough: no fix',
    text: `${ingress('payments')}---\n${service('frontend')}`,
    expect: ['15:23-15:31'],
    messages: [/create it or fix the name/],
    noFix: true,
  },
  { name: 'Service exists in the same file', text: `${ingress('frontend')}---\n${service('frontend')}`, expect: [] },
  { name: 'Service exists in another file', text: ingress('frontend'), files: { 'svc.yaml': service('frontend') }, expect: [] },
  {
    name: 'Service only in another namespace',
    text: ingress('frontend'),
    files: { 'svc.yaml': service('frontend', 'shop') },
    expect: ['15:23-15:31'],
    messages: [/namespace default; create it/],
  },
  { name: 'both in the same non-default namespace', text: ingress('frontend', 'shop'), files: { 'svc.yaml': service('frontend', 'shop') }, expect: [] },
  {
    name: 'defaultBackend is checked too',
    text: `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\nspec:\n  ingressClassName: nginx\n  defaultBackend:\n    service:\n      name: fallbak\n      port:\n        number: 80\n---\n${service('fallback')}`,
    expect: ['9:13-9:20'],
    fixed: `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\nspec:\n  ingressClassName: nginx\n  defaultBackend:\n    service:\n      name: fallback\n      port:\n        number: 80\n---\n${service('fallback')}`,
  },
  {
    name: 'resource backends are not Services',
    text: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: static\nspec:\n  defaultBackend:\n    resource:\n      apiGroup: k8s.example.com\n      kind: StorageBucket\n      name: static-assets\n',
    expect: [],
  },
  { name: 'legacy extensions/v1beta1 Ingress is not checked', text: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: old\nspec:\n  backend:\n    serviceName: gone\n    servicePort: 80\n', expect: [] },
  { name: 'Helm templates are skipped', text: ingress('{{ .Values.service }}'), expect: [] },
]);
