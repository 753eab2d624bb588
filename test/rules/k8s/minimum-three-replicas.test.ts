// minimum-three-replicas: replicated workloads below 3 replicas (unset is 1) that no autoscaler scales, at the value
// or `spec:`; the fix sets replicas: 3.
import { minimumThreeReplicas } from '../../../server/src/rules/k8s/minimum-three-replicas';
import { deployment, hpa } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(minimumThreeReplicas, [
  {
    name: 'two replicas',
    text: deployment({ replicas: '2 # for now' }),
    expect: ['6:13-6:14'],
    messages: [/^Deployment web has 2 replicas, fewer than 3: one failure during a rollout or drain can leave nothing serving/],
    fixed: deployment({ replicas: '3 # for now' }),
  },
  { name: 'unset: added before the selector', text: deployment(), expect: ['5:1-5:5'], messages: [/sets no replicas \(defaults to 1\)/], fixed: deployment({ replicas: 3 }) },
  { name: 'a StatefulSet with one', text: deployment({ kind: 'StatefulSet', replicas: 1 }), expect: ['6:13-6:14'], messages: [/StatefulSet web has 1 replica,/] },
  { name: 'zero (as in kube-linter)', text: deployment({ replicas: 0 }), expect: ['6:13-6:14'] },
  { name: 'three', text: deployment({ replicas: 3 }), expect: [] },
  { name: 'an autoscaler owns the count', text: deployment(), files: { 'hpa.yaml': hpa() }, expect: [] },
  { name: 'a DaemonSet has no replica count', text: deployment({ kind: 'DaemonSet' }), expect: [] },
  { name: 'Helm templates are skipped', text: deployment({ replicas: '{{ .Values.replicas }}' }), expect: [] },
]);
