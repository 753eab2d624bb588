// hpa-minimum-three-replicas: HPAs whose minReplicas is below 3 (unset is 1), at the value or `spec:`; the fix sets
// minReplicas: 3 when maxReplicas allows it.
import { hpaMinimumThreeReplicas } from '../../../server/src/rules/k8s/hpa-minimum-three-replicas';
import { hpa as hpaOf } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const hpa = (spec: string) => hpaOf({ spec });

ruleTable(hpaMinimumThreeReplicas, [
  {
    name: 'minReplicas 2',
    text: hpa('  minReplicas: 2\n  maxReplicas: 10\n'),
    expect: ['10:16-10:17'],
    messages: [/^HorizontalPodAutoscaler web has minReplicas 2, fewer than 3; raise minReplicas to at least 3\./],
    fixed: hpa('  minReplicas: 3\n  maxReplicas: 10\n'),
  },
  { name: 'unset: added before maxReplicas', text: hpa('  maxReplicas: 10\n'), expect: ['5:1-5:5'], messages: [/sets no minReplicas \(defaults to 1\)/], fixed: hpa('  minReplicas: 3\n  maxReplicas: 10\n') },
  { name: 'zero (as in kube-linter)', text: hpa('  minReplicas: 0\n  maxReplicas: 10\n'), expect: ['10:16-10:17'] },
  { name: 'maxReplicas 2: reported without a fix', text: hpa('  minReplicas: 1\n  maxReplicas: 2\n'), expect: ['10:16-10:17'], noFix: true },
  { name: 'minReplicas 3', text: hpa('  minReplicas: 3\n  maxReplicas: 10\n'), expect: [] },
  { name: 'a KEDA ScaledObject is not an HPA', text: 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    name: web\n  minReplicaCount: 1\n  triggers: []\n', expect: [] },
]);
