// An Ingress TLS host that none of its rules serves (issue 13 §1): the certificate is requested and the TLS secret
// mounted for a host whose requests then match no rule — usually a typo or a host renamed in one place only.
import { isScalar, type Scalar } from 'yaml';
import { nodeAt, scalarAt, seqAt } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

/** True when rule host `rule` serves requests for TLS host `tls` (either may be a `*.` wildcard of one label). */
export function hostServes(rule: string, tls: string): boolean {
  if (rule === tls) return true;
  const wildcardCovers = (wild: string, host: string) => wild.startsWith('*.') && host.endsWith(wild.slice(1)) && !host.slice(0, -wild.length + 1).includes('.');
  return wildcardCovers(rule, tls) || wildcardCovers(tls, rule);
}

export const ingressTlsHostUnserved: ManifestRule = {
  id: 'ingress-tls-host-unserved',
  aliases: [],
  severity: 'warning',
  category: 'networking',
  scope: 'object',
  docs: {
    summary: 'An Ingress `tls` host that no rule of the Ingress serves.',
    why: 'The controller (and cert-manager) gets a certificate for each `tls` host, but requests are routed by `rules[].host`: a TLS host with no matching rule answers 404 over HTTPS, and a rule host missing from `tls` is served over plain HTTP or with the default certificate. The two lists usually drift apart when a host is renamed in one of them.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  tls:\n    - hosts:\n        - shop.example.com\n      secretName: shop-tls\n  rules:\n    - host: store.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  tls:\n    - hosts:\n        - shop.example.com\n      secretName: shop-tls\n  rules:\n    - host: shop.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      if (obj.kind !== 'Ingress' || !obj.apiVersion.startsWith('networking.k8s.io/')) continue;
      // A default backend or a rule without a host takes every host.
      if (nodeAt(obj.root, ['spec', 'defaultBackend']) || nodeAt(obj.root, ['spec', 'backend'])) continue;
      const rules = seqAt(obj.root, ['spec', 'rules']);
      if (rules.some((r) => scalarAt(r, ['host']) === undefined)) continue;
      const ruleHosts = rules.map((r) => scalarAt(r, ['host'])).filter((h): h is string => typeof h === 'string');
      for (const tls of seqAt(obj.root, ['spec', 'tls'])) {
        for (const node of seqAt(tls, ['hosts'])) {
          if (!isScalar(node) || typeof node.value !== 'string') continue;
          const host = (node as Scalar<string>).value;
          if (host.includes('{{') || host.includes('${') || ruleHosts.some((r) => hostServes(r, host))) continue;
          const near = ruleHosts.length ? ` (its rules serve ${ruleHosts.map((h) => JSON.stringify(h)).join(', ')})` : '';
          hits.push({ message: `TLS host ${JSON.stringify(host)} is served by no rule of ${obj.name ? `Ingress ${obj.name}` : 'this Ingress'}${near}: HTTPS requests for it match nothing.`, range: file.nodeRange(obj.doc, node) });
        }
      }
    }
    return hits;
  },
};
