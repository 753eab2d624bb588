// cluster-admin-role-binding: ClusterRoleBindings to cluster-admin, at roleRef.name, naming the subjects; no fix.
import { clusterAdminRoleBinding } from '../../../server/src/rules/k8s/cluster-admin-role-binding';
import { ruleTable } from '../../helpers/ruleTable';

const binding = (kind: string, ref: string, subjects = 'subjects:\n  - kind: ServiceAccount\n    name: deployer\n    namespace: ci\n  - kind: Group\n    name: ops\n') =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: deployer\n${subjects}roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: ${ref}\n`;

ruleTable(clusterAdminRoleBinding, [
  {
    name: 'cluster-admin bound to a service account and a group',
    text: binding('ClusterRoleBinding', 'cluster-admin'),
    expect: ['14:9-14:22'],
    messages: [/^ClusterRoleBinding deployer gives cluster-admin, every action on every resource, to ServiceAccount ci\/deployer, Group ops;/],
    noFix: true,
  },
  { name: 'no subjects', text: binding('ClusterRoleBinding', 'cluster-admin', ''), expect: ['8:9-8:22'], messages: [/to no subjects yet;/] },
  { name: 'another ClusterRole', text: binding('ClusterRoleBinding', 'view'), expect: [] },
  { name: 'a RoleBinding to cluster-admin is limited to its namespace (not this check)', text: binding('RoleBinding', 'cluster-admin'), expect: [] },
]);
