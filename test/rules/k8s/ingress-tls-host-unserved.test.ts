import { hostServes, ingressTlsHostUnserved } from '../../../server/src/rules/k8s/ingress-tls-host-unserved';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ruleTable } from '../../helpers/ruleTable';

const backend = '      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n';
const ingress = (tlsHosts: string[], ruleHosts: (string | null)[], extra = '') =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n${extra}  tls:\n    - hosts:\n${tlsHosts.map((h) => `        - ${h}\n`).join('')}      secretName: web-tls\n  rules:\n${ruleHosts.map((h) => (h === null ? '    - ' + backend.slice(6) : `    - host: ${h}\n${backend}`)).join('')}`;

ruleTable(ingressTlsHostUnserved, [
  { name: 'a renamed host', text: ingress(['shop.example.com'], ['store.example.com']), expect: ['8:11-8:27'], messages: [/^TLS host "shop\.example\.com" is served by no rule of Ingress web \(its rules serve "store\.example\.com"\)/] },
  { name: 'only the unserved one of two', text: ingress(['a.example.com', 'b.example.com'], ['a.example.com']), expect: ['9:11-9:24'] },
  { name: 'a wildcard certificate covers a rule host', text: ingress(['"*.example.com"'], ['api.example.com']), expect: [] },
  { name: 'a wildcard rule serves a TLS host one label down', text: ingress(['api.example.com'], ['"*.example.com"']), expect: [] },
  { name: 'a wildcard covers only one label', text: ingress(['a.b.example.com'], ['"*.example.com"']), expect: ['8:11-8:26'] },
  { name: 'a rule without a host takes every host', text: ingress(['shop.example.com'], ['api.example.com', null]), expect: [] },
  { name: 'a default backend takes every host', text: ingress(['shop.example.com'], ['api.example.com'], '  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 80\n'), expect: [] },
  { name: 'served', text: ingress(['shop.example.com'], ['shop.example.com']), expect: [] },
]);

it('hostServes: exact, wildcards one label deep either way', () => {
  assert.equal(hostServes('a.example.com', 'a.example.com'), true);
  assert.equal(hostServes('*.example.com', 'a.example.com'), true);
  assert.equal(hostServes('a.example.com', '*.example.com'), true);
  assert.equal(hostServes('*.example.com', 'example.com'), false);
  assert.equal(hostServes('*.example.com', 'a.b.example.com'), false);
  assert.equal(hostServes('b.example.com', 'a.example.com'), false);
});
