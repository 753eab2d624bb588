import { kedaScalingIntervals } from '../../../server/src/rules/k8s/keda-scaling-intervals';
import { ruleTable } from '../../helpers/ruleTable';

const so = (spec: string) => `apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: worker\nspec:\n  scaleTargetRef:\n    name: worker\n${spec}  triggers:\n    - type: cpu\n      metricType: Utilization\n      metadata:\n        value: "60"\n`;
ruleTable(kedaScalingIntervals, [
  { name: 'polling every 5 s', text: so('  pollingInterval: 5\n'), expect: ['8:20-8:21'], messages: [/pollingInterval 5 s queries every trigger's source 12 times a minute/] },
  { name: 'cooldown under the default window', text: so('  cooldownPeriod: 60\n'), expect: ['8:19-8:21'], messages: [/shorter than the HPA's scale-down window \(300 s\)/] },
  { name: 'cooldown under a configured window', text: so('  cooldownPeriod: 120\n  advanced:\n    horizontalPodAutoscalerConfig:\n      behavior:\n        scaleDown:\n          stabilizationWindowSeconds: 600\n'), expect: ['8:19-8:22'], messages: [/\(600 s\)/] },
  { name: 'cooldown above a short configured window', text: so('  cooldownPeriod: 120\n  advanced:\n    horizontalPodAutoscalerConfig:\n      behavior:\n        scaleDown:\n          stabilizationWindowSeconds: 60\n'), expect: [] },
  { name: 'defaults', text: so(''), expect: [] },
  { name: 'polling every 15 s', text: so('  pollingInterval: 15\n  cooldownPeriod: 300\n'), expect: [] },
]);
