// no-anti-affinity: workloads with 2+ replicas (or an autoscaler minimum of 2+) without a pod anti-affinity term
// spreading them over nodes; the fix adds a preferred term on the selector's labels.
import { noAntiAffinity } from '../../../server/src/rules/k8s/no-anti-affinity';
import { deployment, hpa } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const TERM = (selector: string, key = 'kubernetes.io/hostname') =>
  `      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n            - weight: 100\n              podAffinityTerm:\n                labelSelector:\n${selector}                topologyKey: ${key}\n`;
const WEB = '                  matchLabels:\n                    app: web\n';
const web = (podSpec = '', replicas: number | null = 3) => deployment({ replicas: replicas ?? undefined, podSpec });

ruleTable(noAntiAffinity, [
  {
    name: 'three replicas, no affinity: a preferred term is added',
    text: web(),
    expect: ['14:5-14:9'],
    messages: [/^Deployment web has 3 replicas but no pod anti-affinity, so they may all run on one node/],
    fixed: `${web()}${TERM(WEB)}`,
  },
  {
    name: 'an affinity with only node affinity: podAntiAffinity is added to it',
    text: web('      affinity:\n        nodeAffinity: {}\n'),
    expect: ['15:7-15:15'],
    fixed: web('      affinity:\n        nodeAffinity: {}\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n            - weight: 100\n              podAffinityTerm:\n                labelSelector:\n                  matchLabels:\n                    app: web\n                topologyKey: kubernetes.io/hostname\n'),
  },
  { name: 'a zone term does not spread over nodes (kube-linter wants the hostname)', text: web(TERM(WEB, 'topology.kubernetes.io/zone')), expect: ['23:30-23:57'], messages: [/this anti-affinity term does not spread them over nodes: its topologyKey is not kubernetes.io\/hostname/], noFix: true },
  { name: 'a selector for other pods', text: web(TERM('                  matchLabels:\n                    app: api\n')), expect: ['20:17-20:30'], messages: [/its labelSelector does not match/] },
  { name: 'an empty podAntiAffinity', text: web('      affinity:\n        podAntiAffinity: {}\n'), expect: ['16:9-16:24'], messages: [/has no preferred or required term/] },
  { name: 'an autoscaler minimum of 2 counts', text: web('', null), files: { 'hpa.yaml': hpa() }, expect: ['13:5-13:9'], messages: [/scales down to 2 replicas/] },
  { name: 'a matching term', text: web(TERM(WEB)), expect: [] },
  { name: 'a required term with matchExpressions', text: web('      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            - labelSelector:\n                matchExpressions: [{key: app, operator: In, values: [web]}]\n              topologyKey: kubernetes.io/hostname\n'), expect: [] },
  { name: 'one replica', text: web('', 1), expect: [] },
  { name: 'replicas unset', text: web('', null), expect: [] },
  { name: 'a DaemonSet runs one pod per node anyway', text: deployment({ kind: 'DaemonSet' }), expect: [] },
]);
