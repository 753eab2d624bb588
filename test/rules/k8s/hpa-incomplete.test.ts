import { hpaIncomplete } from '../../../server/src/rules/k8s/hpa-incomplete';
import { CPU_METRICS as METRICS, hpa as hpaOf } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const hpa = (spec: string, apiVersion = 'autoscaling/v2') => hpaOf({ apiVersion, spec });
const BEHAVIOR = '  behavior:\n    scaleDown:\n      stabilizationWindowSeconds: 300\n';

ruleTable(hpaIncomplete, [
  {
    name: 'only maxReplicas: everything else filled in',
    text: hpa('  maxReplicas: 5\n'),
    expect: ['5:1-5:5'],
    messages: [/HorizontalPodAutoscaler web has no metrics \(it scales on 80% cpu by default\) and no scale-down behavior/],
    fixed: hpa(`  minReplicas: 2\n  maxReplicas: 5\n${METRICS}${BEHAVIOR}`),
  },
  {
    name: 'no replicas either: min and max added first, in order',
    text: hpa(''),
    expect: ['5:1-5:5'],
    fixed: hpa(`  minReplicas: 2\n  maxReplicas: 10\n${METRICS}${BEHAVIOR}`),
  },
  {
    name: 'metrics present: only behavior added, existing values kept',
    text: hpa(`  minReplicas: 3\n  maxReplicas: 20\n${METRICS.replace('70', '55')}`),
    expect: ['5:1-5:5'],
    messages: [/has no scale-down behavior;/],
    fixed: hpa(`  minReplicas: 3\n  maxReplicas: 20\n${METRICS.replace('70', '55')}${BEHAVIOR}`),
  },
  {
    name: 'behavior with scaleUp only: scaleDown merged into it, before the next key',
    text: hpa(`  behavior:\n    scaleUp:\n      stabilizationWindowSeconds: 0\n  maxReplicas: 5\n${METRICS}`),
    expect: ['5:1-5:5'],
    fixed: hpa(`  behavior:\n    scaleUp:\n      stabilizationWindowSeconds: 0\n    scaleDown:\n      stabilizationWindowSeconds: 300\n  minReplicas: 2\n  maxReplicas: 5\n${METRICS}`),
  },
  {
    name: 'metrics: [] is filled in place',
    text: hpa(`  minReplicas: 2\n  maxReplicas: 5\n  metrics: []\n${BEHAVIOR}`),
    expect: ['5:1-5:5'],
    messages: [/has no metrics \(it scales on 80% cpu by default\);/],
    fixed: hpa(`  minReplicas: 2\n  maxReplicas: 5\n${METRICS}${BEHAVIOR}`),
  },
  {
    name: "4-space indentation with flush sequences is the file's style",
    text: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n    name: web\n    labels:\n    - ignored\nspec:\n    scaleTargetRef:\n        kind: Deployment\n        name: web\n    minReplicas: 2\n    maxReplicas: 5\n',
    expect: ['7:1-7:5'],
    fixed:
      'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n    name: web\n    labels:\n    - ignored\nspec:\n    scaleTargetRef:\n        kind: Deployment\n        name: web\n    minReplicas: 2\n    maxReplicas: 5\n    metrics:\n    - type: Resource\n      resource:\n          name: cpu\n          target:\n              type: Utilization\n              averageUtilization: 70\n    behavior:\n        scaleDown:\n            stabilizationWindowSeconds: 300\n',
  },
  {
    name: 'CRLF without a final newline, second document',
    text: `apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: cfg\r\n---\r\n${hpa(`  minReplicas: 2\n  maxReplicas: 5\n${METRICS}`).replace(/\n/g, '\r\n').trimEnd()}`,
    expect: ['10:1-10:5'],
    fixed: `apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: cfg\r\n---\r\n${hpa(`  minReplicas: 2\n  maxReplicas: 5\n${METRICS}${BEHAVIOR}`).replace(/\n/g, '\r\n')}`,
  },
  { name: 'complete HPA', text: hpa(`  minReplicas: 2\n  maxReplicas: 5\n${METRICS}${BEHAVIOR}`), expect: [] },
  { name: 'scaleDown with policies only counts as behavior', text: hpa(`  maxReplicas: 5\n${METRICS}  behavior:\n    scaleDown:\n      policies:\n        - type: Pods\n          value: 1\n          periodSeconds: 60\n`), expect: [] },
  { name: 'autoscaling/v1 has no behavior field', text: hpa('  maxReplicas: 5\n  targetCPUUtilizationPercentage: 60\n', 'autoscaling/v1'), expect: [] },
  { name: 'Helm templates are skipped', text: hpa('  maxReplicas: {{ .Values.max }}\n'), expect: [] },
]);
