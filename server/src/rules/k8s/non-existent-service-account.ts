// non-existent-service-account (kube-linter:non-existent-service-account): a pod naming a service account that no
// ServiceAccount in the workspace defines. Only where the workspace could define it: when it holds ServiceAccounts
// or the Namespace the pod runs in; otherwise the accounts are likely created elsewhere and the check stays silent.
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { podSpecString, podSpecs } from '../../core/k8s/pod-spec';
import { closestName } from '../../core/k8s/references';
import { workspaceIndex } from '../../core/k8s/workspace-index';
import { relocate } from '../../core/k8s/relocate';
import { replaceNode } from '../../core/k8s/yaml-edit';
import { isScalar } from 'yaml';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  serviceAccountName: SA\n  containers:\n    - name: web\n      image: nginx:1.27\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web-app\n';

export const nonExistentServiceAccount: ManifestRule = {
  id: 'non-existent-service-account',
  aliases: ['kube-linter:non-existent-service-account'],
  severity: 'warning',
  category: 'correctness',
  docs: {
    summary: 'A pod whose `serviceAccountName` names a ServiceAccount the workspace does not define.',
    why: "The API server refuses to create a pod whose service account does not exist (`error looking up service account`): a Deployment then shows no pods at all, only a FailedCreate event on its ReplicaSet. Checked only when the workspace holds ServiceAccounts or the pod's Namespace, so accounts created by other tools do not raise noise.",
    bad: POD.replace('SA', 'webapp'),
    good: POD.replace('SA', 'web-app'),
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    const index = workspaceIndex(workspace);
    const accounts = index.ofKind('ServiceAccount');
    const namespaces = index.memo('non-existent-service-account', 'namespaces', () => new Set(index.ofKind('Namespace').map((n) => n.name)));
    for (const p of podSpecs(file)) {
      const named = podSpecString(p, 'serviceAccountName') ?? podSpecString(p, 'serviceAccount');
      const ns = p.obj.namespace;
      if (!named || named.value === '' || named.value === 'default') continue;
      if (!accounts.length && !namespaces.has(ns)) continue;
      if (index.find('ServiceAccount', named.value, ns)) continue;
      const here = index.of('ServiceAccount', ns).map((a) => a.name).filter((n): n is string => !!n);
      const near = closestName(named.value, here);
      const elsewhere = accounts.find((a) => a.name === named.value);
      const hint = near ? `; did you mean ${near}?` : elsewhere ? ` (one is defined in namespace ${elsewhere.namespace})` : '';
      hits.push({
        message: `ServiceAccount ${named.value} is not defined in namespace ${ns}${hint}; the API server refuses pods whose service account does not exist. Create it or name an existing one.`,
        range: file.nodeRange(p.obj.doc, named.node),
        data: { doc: p.obj.doc.index, path: [...p.path, p.spec.has('serviceAccountName') ? 'serviceAccountName' : 'serviceAccount'], name: named.value, near },
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'use-closest-service-account',
      title: (f) => `Use ServiceAccount ${String(f.data?.near)}`,
      // The account may be missing rather than misspelt: a reviewer decides.
      safe: false,
      apply(input, finding) {
        const near = finding.data?.near;
        const found = relocate(input, finding);
        if (typeof near !== 'string' || !found || !isScalar(found.node) || found.node.value !== finding.data!.name) return null;
        return { edits: [replaceNode(found.file, found.obj.doc, found.node, near)] };
      },
    },
  ],
};
