// wildcard-in-rules (kube-linter:wildcard-in-rules, off by default): a Role or ClusterRole rule whose resources or
// verbs hold "*" (CIS Benchmark 5.1.3). At each "*"; no fix (the resources and verbs needed are not knowable).
import { policyRules } from '../../core/k8s/rbac';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

const ROLE = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: app\nrules:\n  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [VERBS]\n';

export const wildcardInRules: ManifestRule = {
  id: 'wildcard-in-rules',
  aliases: ['kube-linter:wildcard-in-rules'],
  severity: 'warning',
  category: 'security',
  scope: 'object',
  offByDefault: true,
  docs: {
    summary: 'A Role or ClusterRole rule with `*` among its resources or verbs (CIS Benchmark 5.1.3).',
    why: 'A wildcard grants more than was reviewed: every resource includes Secrets and the custom resources a future operator installs, every verb includes `delete`, `escalate` and `impersonate`. List the resources and verbs the subject needs.',
    bad: ROLE.replace('VERBS', '"*"'),
    good: ROLE.replace('VERBS', 'get, list, watch'),
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      if ((obj.kind !== 'Role' && obj.kind !== 'ClusterRole') || !obj.apiVersion.startsWith('rbac.authorization.k8s.io/')) continue;
      policyRules(obj).forEach((rule, i) => {
        const at = (nodes: typeof rule.resourceNodes, values: string[], what: string, advice: string) =>
          values.forEach((v, j) => {
            if (v === '*') hits.push({ message: `${obj.kind} ${obj.name ?? '(unnamed)'} grants ${what} ("*") in rule #${i + 1}; ${advice}`, range: file.nodeRange(obj.doc, nodes[j]) });
          });
        at(rule.resourceNodes, rule.resources, 'every resource', 'list the resources it needs.');
        at(rule.verbNodes, rule.verbs, 'every verb', 'list the verbs it needs.');
      });
    }
    return hits;
  },
};
