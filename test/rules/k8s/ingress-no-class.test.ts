import { ingressNoClass } from '../../../server/src/rules/k8s/ingress-no-class';
import { ingressRules } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const ingress = (spec: string, meta = '') => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\n${meta}spec:\n${spec}`;
const RULES = ingressRules();
const DEFAULT_CLASS = 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\n  annotations:\n    ingressclass.kubernetes.io/is-default-class: "true"\nspec:\n  controller: k8s.io/ingress-nginx\n';

ruleTable(ingressNoClass, [
  {
    name: 'no class: the class is added to spec',
    text: ingress(RULES),
    expect: ['5:1-5:5'],
    messages: [/Ingress shop sets no spec.ingressClassName/],
    fixed: ingress(`${RULES}  ingressClassName: nginx\n`),
  },
  {
    name: 'CRLF and no final newline',
    text: 'apiVersion: networking.k8s.io/v1\r\nkind: Ingress\r\nmetadata:\r\n  name: shop\r\nspec:\r\n  defaultBackend:\r\n    service:\r\n      name: web\r\n      port:\r\n        number: 80',
    expect: ['5:1-5:5'],
    fixed: 'apiVersion: networking.k8s.io/v1\r\nkind: Ingress\r\nmetadata:\r\n  name: shop\r\nspec:\r\n  defaultBackend:\r\n    service:\r\n      name: web\r\n      port:\r\n        number: 80\r\n  ingressClassName: nginx\r\n',
  },
  {
    name: 'second document of a file, 4-space indentation',
    text: `apiVersion: v1\nkind: Service\nmetadata:\n    name: web\nspec:\n    ports:\n        - port: 80\n---\n${ingress(RULES.replace(/^ {2}/gm, '    '))}`,
    expect: ['13:1-13:5'],
    fixed: `apiVersion: v1\nkind: Service\nmetadata:\n    name: web\nspec:\n    ports:\n        - port: 80\n---\n${ingress(`${RULES.replace(/^ {2}/gm, '    ')}    ingressClassName: nginx\n`)}`,
  },
  { name: 'without spec the kind value is reported', text: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: empty\n', expect: ['2:7-2:14'], noFix: true },
  { name: 'ingressClassName set', text: ingress(`  ingressClassName: nginx\n${RULES}`), expect: [] },
  { name: 'legacy annotation', text: ingress(RULES, '  annotations:\n    kubernetes.io/ingress.class: nginx\n'), expect: [] },
  { name: 'a default IngressClass in another file', text: ingress(RULES), files: { 'class.yaml': DEFAULT_CLASS }, expect: [] },
  { name: 'a non-default IngressClass does not count', text: ingress(RULES), files: { 'class.yaml': DEFAULT_CLASS.replace('"true"', '"false"') }, expect: ['5:1-5:5'] },
  { name: 'not an Ingress', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n', expect: [] },
  { name: 'Helm templates are skipped', text: ingress(`  ingressClassName: {{ .Values.class }}\n${RULES}`), expect: [] },
]);
