// access-to-secrets (kube-linter:access-to-secrets, off by default): a RoleBinding or ClusterRoleBinding whose role
// lets its subjects get, list, watch, create or delete Secrets (CIS Benchmark 5.1.2). At the roleRef's name; no fix.
import { bindingAccessHits } from '../../core/k8s/rbac';
import type { ManifestRule } from '../../core/rule';

const RESOURCES = new Set(['secrets']);
const VERBS = new Set(['get', 'list', 'watch', 'create', 'delete']);
const ROLE = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: app\nrules:\n  - apiGroups: [""]\n    resources: [RES]\n    verbs: [get, list]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: app\nsubjects:\n  - kind: ServiceAccount\n    name: app\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: app\n';

export const accessToSecrets: ManifestRule = {
  id: 'access-to-secrets',
  aliases: ['kube-linter:access-to-secrets'],
  severity: 'warning',
  category: 'security',
  offByDefault: true,
  docs: {
    summary: 'A RoleBinding or ClusterRoleBinding that lets its subjects read or change Secrets (CIS Benchmark 5.1.2).',
    why: "Secrets hold credentials and tokens, among them service account tokens that carry their own permissions: whoever can list them can often act as someone more privileged. Grant Secret access to as few subjects as possible, by name (`resourceNames`) where you can. The built-in `admin` and `edit` ClusterRoles include it.",
    bad: ROLE.replace('RES', 'secrets'),
    good: ROLE.replace('RES', 'configmaps'),
  },
  check: ({ file, workspace }) => bindingAccessHits(file, workspace, RESOURCES, VERBS, 'grant access to Secrets only to the subjects that need it.'),
};
