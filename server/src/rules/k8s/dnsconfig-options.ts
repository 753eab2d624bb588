// dnsconfig-options (kube-linter:dnsconfig-options, off by default): a pod without `dnsConfig.options` setting
// ndots to 2, kube-linter's default expectation.
import { isMap, isScalar } from 'yaml';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { pairOf, seqAt } from '../../core/k8s/object';
import { podSpecs } from '../../core/k8s/pod-spec';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\nDNS  containers:\n    - name: web\n      image: nginx:1.27\n';

export const dnsconfigOptions: ManifestRule = {
  id: 'dnsconfig-options',
  aliases: ['kube-linter:dnsconfig-options'],
  severity: 'info',
  category: 'networking',
  scope: 'object',
  offByDefault: true,
  docs: {
    summary: 'A pod without a `dnsConfig` option `ndots: "2"`.',
    why: "Kubernetes gives pods `ndots:5`: any name with fewer than five dots, `api.example.com` included, is first tried against every search domain of the cluster (four or more failed lookups before the real one). Setting `ndots` lower in `dnsConfig.options` sends external names straight to their real lookup and cuts DNS load and latency.",
    bad: POD.replace('DNS', ''),
    good: POD.replace('DNS', '  dnsConfig:\n    options:\n      - name: ndots\n        value: "2"\n'),
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const { obj, spec, key } of podSpecs(file)) {
      const dns = pairOf(spec, 'dnsConfig');
      const options = isMap(dns?.value) ? pairOf(dns.value, 'options') : undefined;
      const items = options ? seqAt(options.value, []) : [];
      const ndots = items.find((o) => isMap(o) && o.get('name') === 'ndots');
      const value = isMap(ndots) ? ndots.get('value', true) : undefined;
      if (isScalar(value) && String(value.value) === '2') continue;
      const name = `${obj.kind} ${obj.name ?? '(unnamed)'}`;
      hits.push({
        message: !dns
          ? `${name} sets no dnsConfig; add dnsConfig.options with ndots: "2" so external names are not first tried against every search domain.`
          : !items.length
            ? `${name} has a dnsConfig without options; add ndots: "2".`
            : ndots
              ? `${name} sets ndots to ${isScalar(value) ? String(value.value) : 'no value'}, not 2.`
              : `${name} has dnsConfig options but not ndots: "2".`,
        range: file.nodeRange(obj.doc, isScalar(value) ? value : (ndots ?? options?.key ?? dns?.key ?? key)),
      });
    }
    return hits;
  },
};
