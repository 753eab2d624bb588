import { hpaMinReplicas } from '../../../server/src/rules/k8s/hpa-min-replicas';
import { hpa as hpaOf } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const hpa = (replicas: string, apiVersion = 'autoscaling/v2') => hpaOf({ apiVersion, spec: replicas });

ruleTable(hpaMinReplicas, [
  {
    name: 'minReplicas 1 is replaced',
    text: hpa('  minReplicas: 1 # start small\n  maxReplicas: 10\n'),
    expect: ['10:16-10:17'],
    messages: [/HorizontalPodAutoscaler web has minReplicas 1, so a rollout or node drain leaves no pod serving/],
    fixed: hpa('  minReplicas: 2 # start small\n  maxReplicas: 10\n'),
  },
  {
    name: 'unset: added before maxReplicas',
    text: hpa('  maxReplicas: 10\n'),
    expect: ['5:1-5:5'],
    messages: [/sets no minReplicas \(defaults to 1\)/],
    fixed: hpa('  minReplicas: 2\n  maxReplicas: 10\n'),
  },
  {
    name: 'unset and no maxReplicas: appended to spec',
    text: hpa(''),
    expect: ['5:1-5:5'],
    fixed: hpa('  minReplicas: 2\n'),
  },
  {
    name: 'autoscaling/v1 with CRLF',
    text: hpa('  maxReplicas: 4\n  targetCPUUtilizationPercentage: 80\n', 'autoscaling/v1').replace(/\n/g, '\r\n'),
    expect: ['5:1-5:5'],
    fixed: hpa('  minReplicas: 2\n  maxReplicas: 4\n  targetCPUUtilizationPercentage: 80\n', 'autoscaling/v1').replace(/\n/g, '\r\n'),
  },
  { name: 'maxReplicas 1: reported without a fix', text: hpa('  minReplicas: 1\n  maxReplicas: 1\n'), expect: ['10:16-10:17'], noFix: true },
  { name: 'minReplicas 2', text: hpa('  minReplicas: 2\n  maxReplicas: 10\n'), expect: [] },
  { name: 'scale to zero is deliberate', text: hpa('  minReplicas: 0\n  maxReplicas: 10\n'), expect: [] },
  { name: 'KEDA ScaledObject is not an HPA', text: 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    name: web\n  triggers: []\n', expect: [] },
  { name: 'Helm templates are skipped', text: hpa('  minReplicas: {{ .Values.min }}\n  maxReplicas: 10\n'), expect: [] },
]);
