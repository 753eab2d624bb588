// access-to-create-pods: bindings whose role may create pods or workloads, at roleRef.name; no fix.
import { accessToCreatePods } from '../../../server/src/rules/k8s/access-to-create-pods';
import { ruleTable } from '../../helpers/ruleTable';

const RBAC = 'apiVersion: rbac.authorization.k8s.io/v1\n';
const role = (resources: string, verbs: string) => `${RBAC}kind: Role\nmetadata:\n  name: ci\nrules:\n  - apiGroups: ["", apps, batch]\n    resources: [${resources}]\n    verbs: [${verbs}]\n`;
const binding = (refKind = 'Role', ref = 'ci') => `${RBAC}kind: RoleBinding\nmetadata:\n  name: ci\nsubjects:\n  - kind: User\n    name: jane\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ${refKind}\n  name: ${ref}\n`;

ruleTable(accessToCreatePods, [
  { name: 'create pods', text: binding(), files: { 'role.yaml': role('pods', 'get, create') }, expect: ['11:9-11:11'], messages: [/^RoleBinding ci grants Role ci create on pods; restrict creating pods/], noFix: true },
  { name: 'create CronJobs and Jobs', text: binding(), files: { 'role.yaml': role('configmaps, cronjobs, jobs', 'create') }, expect: ['11:9-11:11'], messages: [/create on cronjobs, jobs;/] },
  { name: 'every verb on DaemonSets', text: binding(), files: { 'role.yaml': role('daemonsets', '"*"') }, expect: ['11:9-11:11'] },
  { name: 'the built-in admin ClusterRole', text: binding('ClusterRole', 'admin'), expect: ['11:9-11:14'], messages: [/ClusterRole admin \(built in\) create on pods, deployments/] },
  { name: 'a Role and its binding in one file', text: `${role('deployments', 'create')}---\n${binding()}`, expect: ['20:9-20:11'] },
  { name: 'only reading pods', text: binding(), files: { 'role.yaml': role('pods, pods/log', 'get, list, watch') }, expect: [] },
  { name: 'pods/exec is not pods', text: binding(), files: { 'role.yaml': role('pods/exec', 'create') }, expect: [] },
  { name: 'creating Services', text: binding(), files: { 'role.yaml': role('services', 'create') }, expect: [] },
]);
