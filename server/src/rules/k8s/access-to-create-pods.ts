// access-to-create-pods (kube-linter:access-to-create-pods, off by default): a RoleBinding or ClusterRoleBinding
// whose role lets its subjects create pods or the workloads that create them (CIS Benchmark 5.1.4). At the
// roleRef's name; no fix. kube-linter's list names "cronjob"; the resource is "cronjobs", which is checked here.
import { bindingAccessHits } from '../../core/k8s/rbac';
import type { ManifestRule } from '../../core/rule';

const RESOURCES = new Set(['pods', 'deployments', 'statefulsets', 'replicasets', 'cronjobs', 'jobs', 'daemonsets']);
const VERBS = new Set(['create']);
const ROLE = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: ci\nrules:\n  - apiGroups: [apps]\n    resources: [deployments]\n    verbs: [VERBS]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: ci\nsubjects:\n  - kind: ServiceAccount\n    name: ci\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: ci\n';

export const accessToCreatePods: ManifestRule = {
  id: 'access-to-create-pods',
  aliases: ['kube-linter:access-to-create-pods'],
  severity: 'warning',
  category: 'security',
  offByDefault: true,
  docs: {
    summary: 'A RoleBinding or ClusterRoleBinding that lets its subjects create pods or workloads (CIS Benchmark 5.1.4).',
    why: "Whoever can create a pod chooses what it runs and which service account, Secrets and volumes it mounts in that namespace, so they can act with any of those permissions: creating pods is an escalation path. Restrict `create` on pods, Deployments, StatefulSets, ReplicaSets, DaemonSets, Jobs and CronJobs to the subjects that deploy. The built-in `admin` and `edit` ClusterRoles include it.",
    bad: ROLE.replace('VERBS', 'get, list, create, update'),
    good: ROLE.replace('VERBS', 'get, list, update'),
  },
  check: ({ file, workspace }) => bindingAccessHits(file, workspace, RESOURCES, VERBS, 'restrict creating pods and workloads to the subjects that deploy.'),
};
