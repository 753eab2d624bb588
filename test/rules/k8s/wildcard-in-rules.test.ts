// wildcard-in-rules: "*" among a Role's or ClusterRole's resources or verbs, at each "*"; no fix.
import { wildcardInRules } from '../../../server/src/rules/k8s/wildcard-in-rules';
import { ruleTable } from '../../helpers/ruleTable';

const role = (rules: string, kind = 'ClusterRole') => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: ops\nrules:\n${rules}`;

ruleTable(wildcardInRules, [
  {
    name: 'every resource and every verb',
    text: role('  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n'),
    expect: ['7:17-7:20', '8:13-8:16'],
    messages: [/^ClusterRole ops grants every resource \("\*"\) in rule #1; list the resources/, /grants every verb \("\*"\) in rule #1; list the verbs/],
    noFix: true,
  },
  {
    name: 'a block list in the second rule of a Role',
    text: role('  - apiGroups: [""]\n    resources: [pods]\n    verbs: [get]\n  - apiGroups: [apps]\n    resources: [deployments]\n    verbs:\n      - get\n      - "*"\n', 'Role'),
    expect: ['13:9-13:12'],
    messages: [/^Role ops grants every verb \("\*"\) in rule #2/],
  },
  { name: 'a wildcard API group alone is not flagged (as in kube-linter)', text: role('  - apiGroups: ["*"]\n    resources: [pods]\n    verbs: [get]\n'), expect: [] },
  { name: 'subresources and names', text: role('  - apiGroups: [""]\n    resources: [pods/log]\n    resourceNames: [web]\n    verbs: [get]\n'), expect: [] },
  { name: 'not a role', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ops\nrules:\n  - resources: ["*"]\n', expect: [] },
]);
