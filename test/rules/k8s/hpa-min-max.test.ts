import assert from 'node:assert/strict';
import { it } from 'node:test';
import { hpaMinMax } from '../../../server/src/rules/k8s/hpa-min-max';
import { hpa as hpaOf } from '../../helpers/k8s';
import { ruleTable, runRule } from '../../helpers/ruleTable';

const hpa = (replicas: string, apiVersion = 'autoscaling/v2') => hpaOf({ apiVersion, spec: replicas });

ruleTable(hpaMinMax, [
  { name: 'min above max', text: hpa('  minReplicas: 5\n  maxReplicas: 3\n'), expect: ['10:16-10:17'], messages: [/minReplicas 5 above maxReplicas 3/], noFix: true },
  { name: 'min equals max', text: hpa('  minReplicas: 4\n  maxReplicas: 4\n'), expect: ['10:16-10:17'], messages: [/equal to maxReplicas \(4\), so it never scales/] },
  { name: 'unset min (1) equals max 1: reported on maxReplicas', text: hpa('  maxReplicas: 1\n'), expect: ['10:16-10:17'] },
  { name: 'autoscaling/v1', text: hpa('  minReplicas: 3\n  maxReplicas: 2\n  targetCPUUtilizationPercentage: 80\n', 'autoscaling/v1'), expect: ['10:16-10:17'] },
  { name: 'second document of a file', text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n---\n${hpa('  maxReplicas: 10\n  minReplicas: 20\n')}`, expect: ['16:16-16:18'] },
  { name: 'min below max', text: hpa('  minReplicas: 2\n  maxReplicas: 10\n'), expect: [] },
  { name: 'unset min below max', text: hpa('  maxReplicas: 5\n'), expect: [] },
  { name: 'not an HPA', text: 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    name: web\n  minReplicaCount: 5\n  maxReplicaCount: 2\n  triggers: []\n', expect: [] },
  { name: 'Helm templates are skipped', text: hpa('  minReplicas: {{ .Values.min }}\n  maxReplicas: 1\n'), expect: [] },
]);

it('hpa-min-max: above is an error, equal a warning', () => {
  const sev = (r: string) => runRule(hpaMinMax, { text: hpa(r) }).map((f) => f.severity);
  assert.deepEqual([...sev('  minReplicas: 5\n  maxReplicas: 3\n'), ...sev('  minReplicas: 3\n  maxReplicas: 3\n')], ['error', 'warning']);
});
