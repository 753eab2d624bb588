import { ingressRewriteDropsPath } from '../../../server/src/rules/k8s/ingress-rewrite-drops-path';
import { ruleTable } from '../../helpers/ruleTable';

const ing = (annotations: string, paths: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: api\n  annotations:\n${annotations}spec:\n  rules:\n    - http:\n        paths:\n${paths}`;
const backend = '            backend:\n              service:\n                name: api\n                port:\n                  number: 80\n';
ruleTable(ingressRewriteDropsPath, [
  {
    name: 'rewrite to / on a /v1 Prefix path: fixed to the capture-group form',
    text: ing('    nginx.ingress.kubernetes.io/rewrite-target: /\n', `          - path: /v1\n            pathType: Prefix\n${backend}`),
    expect: ['6:49-6:50'],
    messages: [/a request for \/v1\/users\/7 reaches the backend as "\/" \(\/v1\)/],
    fixed: ing("    nginx.ingress.kubernetes.io/rewrite-target: /$2\n    nginx.ingress.kubernetes.io/use-regex: \"true\"\n", `          - path: /v1(/|$)(.*)\n            pathType: ImplementationSpecific\n${backend}`),
  },
  {
    name: 'two paths and a use-regex set to false',
    text: ing('    nginx.ingress.kubernetes.io/use-regex: "false"\n    nginx.ingress.kubernetes.io/rewrite-target: "/"\n', `          - path: /api/\n            pathType: Prefix\n${backend}          - path: /\n            pathType: Prefix\n${backend}`),
    expect: ['7:49-7:52'],
    fixed: ing('    nginx.ingress.kubernetes.io/use-regex: "true"\n    nginx.ingress.kubernetes.io/rewrite-target: /$2\n', `          - path: /api(/|$)(.*)\n            pathType: ImplementationSpecific\n${backend}          - path: /\n            pathType: Prefix\n${backend}`),
  },
  { name: 'only the root path', text: ing('    nginx.ingress.kubernetes.io/rewrite-target: /\n', `          - path: /\n            pathType: Prefix\n${backend}`), expect: [] },
  { name: 'already the capture-group form', text: ing('    nginx.ingress.kubernetes.io/use-regex: "true"\n    nginx.ingress.kubernetes.io/rewrite-target: /$2\n', `          - path: /v1(/|$)(.*)\n            pathType: ImplementationSpecific\n${backend}`), expect: [] },
  { name: 'a rewrite to another prefix is deliberate', text: ing('    nginx.ingress.kubernetes.io/rewrite-target: /internal\n', `          - path: /v1\n            pathType: Prefix\n${backend}`), expect: [] },
]);
