// no-node-affinity: pod templates without affinity.nodeAffinity, at `affinity:` or the pod spec's `spec:`; no fix.
import { noNodeAffinity } from '../../../server/src/rules/k8s/no-node-affinity';
import { deployment, pod } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const NODE = '      affinity:\n        nodeAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n            - weight: 1\n              preference:\n                matchExpressions: [{key: pool, operator: In, values: [web]}]\n';

ruleTable(noNodeAffinity, [
  { name: 'no affinity at all', text: deployment(), expect: ['13:5-13:9'], messages: [/^Deployment web defines no node affinity, so its pods may run on any node/], noFix: true },
  { name: 'only pod anti-affinity', text: deployment({ podSpec: '      affinity:\n        podAntiAffinity: {}\n' }), expect: ['14:7-14:15'] },
  { name: 'a Pod', text: pod(), expect: ['5:1-5:5'], messages: [/^Pod web/] },
  { name: 'a nodeSelector is not node affinity (as in kube-linter)', text: deployment({ podSpec: '      nodeSelector:\n        pool: web\n' }), expect: ['13:5-13:9'] },
  { name: 'node affinity', text: deployment({ podSpec: NODE }), expect: [] },
  { name: 'a DaemonSet with node affinity', text: deployment({ kind: 'DaemonSet', podSpec: NODE }), expect: [] },
  { name: 'a Service', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}]\n', expect: [] },
]);
