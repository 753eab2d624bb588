// default-service-account (kube-linter:default-service-account, off by default): a pod that runs as its
// namespace's `default` service account, by naming it or by naming none.
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { podSpecString, podSpecs } from '../../core/k8s/pod-spec';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\nSA  containers:\n    - name: web\n      image: nginx:1.27\n';

export const defaultServiceAccount: ManifestRule = {
  id: 'default-service-account',
  aliases: ['kube-linter:default-service-account'],
  severity: 'warning',
  category: 'security',
  scope: 'object',
  offByDefault: true,
  docs: {
    summary: "A pod that runs as its namespace's `default` service account.",
    why: "Every pod of the namespace without its own account shares `default`, so a permission granted to one of them (a RoleBinding to `default`) is granted to all, and the audit log cannot tell them apart. Give each workload a ServiceAccount of its own with only the permissions it needs.",
    bad: POD.replace('SA', ''),
    good: `${POD.replace('SA', '  serviceAccountName: web\n')}---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n`,
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const p of podSpecs(file)) {
      // serviceAccountName wins; the deprecated serviceAccount counts only without it.
      const named = podSpecString(p, 'serviceAccountName') ?? podSpecString(p, 'serviceAccount');
      if (named && named.value !== '' && named.value !== 'default') continue;
      const name = p.obj.name ?? '(unnamed)';
      hits.push({
        message: named
          ? `${p.obj.kind} ${name} runs as the namespace's default service account; create a ServiceAccount for it and name that one.`
          : `${p.obj.kind} ${name} names no service account, so it runs as the namespace's default one; create a ServiceAccount for it and set serviceAccountName.`,
        range: p.obj.file.nodeRange(p.obj.doc, named?.node ?? p.key),
      });
    }
    return hits;
  },
};
