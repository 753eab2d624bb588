// cluster-admin-role-binding (kube-linter:cluster-admin-role-binding, off by default): a ClusterRoleBinding to the
// cluster-admin ClusterRole (CIS Benchmark 5.1.1). At the roleRef's name, naming the subjects; no fix.
import { seqAt, scalarAt } from '../../core/k8s/object';
import { roleRef } from '../../core/k8s/rbac';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

const BINDING = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: deployer\nsubjects:\n  - kind: ServiceAccount\n    name: deployer\n    namespace: ci\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: ROLE\n';

export const clusterAdminRoleBinding: ManifestRule = {
  id: 'cluster-admin-role-binding',
  aliases: ['kube-linter:cluster-admin-role-binding'],
  severity: 'warning',
  category: 'security',
  scope: 'object',
  offByDefault: true,
  docs: {
    summary: 'A ClusterRoleBinding that grants the `cluster-admin` ClusterRole (CIS Benchmark 5.1.1).',
    why: '`cluster-admin` allows every action on every resource in every namespace. A subject bound to it — a CI service account, a controller, a group — can read every Secret and take over every node, so a leaked token is a lost cluster. Bind a role that lists only the resources and verbs the subject needs.',
    bad: BINDING.replace('ROLE', 'cluster-admin'),
    good: BINDING.replace('ROLE', 'deployer'),
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const ref = obj.kind === 'ClusterRoleBinding' ? roleRef(obj) : undefined;
      if (!ref || ref.name !== 'cluster-admin') continue;
      const subjects = seqAt(obj.root, ['subjects']).map((s) => {
        const ns = scalarAt(s, ['namespace']);
        return `${scalarAt(s, ['kind']) ?? 'subject'} ${typeof ns === 'string' ? `${ns}/` : ''}${scalarAt(s, ['name']) ?? '(unnamed)'}`;
      });
      hits.push({
        message: `ClusterRoleBinding ${obj.name ?? '(unnamed)'} gives cluster-admin, every action on every resource, to ${subjects.join(', ') || 'no subjects yet'}; bind a role with only the permissions needed.`,
        range: file.nodeRange(obj.doc, ref.nameNode),
      });
    }
    return hits;
  },
};
