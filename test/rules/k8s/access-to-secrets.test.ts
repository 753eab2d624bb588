// access-to-secrets: bindings whose Role, ClusterRole (aggregated ones too) or built-in ClusterRole reads or writes
// Secrets, at roleRef.name; no fix.
import { accessToSecrets } from '../../../server/src/rules/k8s/access-to-secrets';
import { ruleTable } from '../../helpers/ruleTable';

const RBAC = 'apiVersion: rbac.authorization.k8s.io/v1\n';
const role = (kind: string, name: string, rules: string, extra = '') => `${RBAC}kind: ${kind}\nmetadata:\n  name: ${name}\n${extra}rules:\n${rules}`;
const binding = (kind: string, refKind: string, ref: string, ns = '') =>
  `${RBAC}kind: ${kind}\nmetadata:\n  name: app\n${ns}subjects:\n  - kind: ServiceAccount\n    name: app\n    namespace: shop\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ${refKind}\n  name: ${ref}\n`;
const SECRETS = '  - apiGroups: [""]\n    resources: [configmaps, secrets]\n    verbs: [get, list, update]\n';

ruleTable(accessToSecrets, [
  {
    name: 'a RoleBinding to a Role that lists Secrets',
    text: binding('RoleBinding', 'Role', 'reader'),
    files: { 'role.yaml': role('Role', 'reader', SECRETS) },
    expect: ['12:9-12:15'],
    messages: [/^RoleBinding app grants Role reader get, list on secrets; grant access to Secrets only/],
    noFix: true,
  },
  { name: 'a wildcard resource and verb', text: binding('ClusterRoleBinding', 'ClusterRole', 'all'), files: { 'role.yaml': role('ClusterRole', 'all', '  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n') }, expect: ['12:9-12:12'], messages: [/ClusterRole all \* on \*/] },
  { name: 'the built-in edit ClusterRole', text: binding('RoleBinding', 'ClusterRole', 'edit'), expect: ['12:9-12:13'], messages: [/ClusterRole edit \(built in\) get, list, watch, create, delete on secrets/] },
  {
    name: 'a ClusterRole that aggregates one with Secrets',
    text: binding('ClusterRoleBinding', 'ClusterRole', 'monitoring'),
    files: {
      'roles.yaml': `${RBAC}kind: ClusterRole\nmetadata:\n  name: monitoring\naggregationRule:\n  clusterRoleSelectors:\n    - matchLabels:\n        rbac.example.com/aggregate-to-monitoring: "true"\nrules: []\n---\n${role('ClusterRole', 'secret-reader', SECRETS, '  labels:\n    rbac.example.com/aggregate-to-monitoring: "true"\n')}`,
    },
    expect: ['12:9-12:19'],
    messages: [/grants ClusterRole secret-reader \(aggregated into monitoring\) get, list on secrets/],
  },
  { name: 'the Role must be in the binding’s namespace', text: binding('RoleBinding', 'Role', 'reader', '  namespace: shop\n'), files: { 'role.yaml': role('Role', 'reader', SECRETS) }, expect: [] },
  { name: 'update and patch are not reading', text: binding('RoleBinding', 'Role', 'reader'), files: { 'role.yaml': role('Role', 'reader', '  - apiGroups: [""]\n    resources: [secrets]\n    verbs: [update, patch]\n') }, expect: [] },
  { name: 'configmaps only', text: binding('RoleBinding', 'Role', 'reader'), files: { 'role.yaml': role('Role', 'reader', '  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: ["*"]\n') }, expect: [] },
  { name: 'the built-in view ClusterRole', text: binding('RoleBinding', 'ClusterRole', 'view'), expect: [] },
  { name: 'a role the workspace does not hold', text: binding('RoleBinding', 'Role', 'elsewhere'), expect: [] },
  { name: 'a ClusterRoleBinding cannot reference a Role', text: binding('ClusterRoleBinding', 'Role', 'reader'), files: { 'role.yaml': role('Role', 'reader', SECRETS) }, expect: [] },
]);
