import { hpaInvalidMetric } from '../../../server/src/rules/k8s/hpa-invalid-metric';
import { ruleTable } from '../../helpers/ruleTable';

const hpa = (spec: string, apiVersion = 'autoscaling/v2') => `apiVersion: ${apiVersion}\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  maxReplicas: 10\n${spec}`;
const cpu = '      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 70\n';
ruleTable(hpaInvalidMetric, [
  { name: 'a Resource metric with a pods block', text: hpa('  metrics:\n    - type: Resource\n      pods:\n        metric:\n          name: cpu\n        target:\n          type: AverageValue\n          averageValue: "1"\n'), expect: ['12:13-12:21'], messages: [/^spec\.metrics\[0\]\.resource: Required value: must populate information for the given metric source \(it has pods/] },
  { name: 'two source blocks', text: hpa(`  metrics:\n    - type: Resource\n${cpu}      pods:\n        metric:\n          name: x\n`), expect: ['18:7-18:11'], messages: [/pods: Forbidden: must populate the given metric source only/] },
  { name: 'an unknown type', text: hpa('  metrics:\n    - type: Memory\n'), expect: ['12:13-12:19'], messages: [/Unsupported value: "Memory"/] },
  { name: 'Utilization without averageUtilization', text: hpa('  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageValue: 500m\n'), expect: ['16:17-16:28'], messages: [/averageUtilization: Required value/] },
  { name: 'Utilization on a Pods metric', text: hpa('  metrics:\n    - type: Pods\n      pods:\n        metric:\n          name: rps\n        target:\n          type: Utilization\n          averageUtilization: 50\n'), expect: ['17:17-17:28'], messages: [/only Resource and ContainerResource/] },
  { name: 'minReplicas 0 with a resource metric', text: hpa(`  minReplicas: 0\n  metrics:\n    - type: Resource\n${cpu}`), expect: ['11:16-11:17'], messages: [/must be greater than or equal to 1/] },
  { name: 'valid', text: hpa(`  minReplicas: 2\n  metrics:\n    - type: Resource\n${cpu}    - type: External\n      external:\n        metric:\n          name: queue_depth\n        target:\n          type: AverageValue\n          averageValue: "30"\n`), expect: [] },
  { name: 'minReplicas 0 with an External metric', text: hpa('  minReplicas: 0\n  metrics:\n    - type: External\n      external:\n        metric:\n          name: q\n        target:\n          type: Value\n          value: "5"\n'), expect: [] },
  { name: 'autoscaling/v1 is left to the schema', text: hpa('  targetCPUUtilizationPercentage: 80\n', 'autoscaling/v1'), expect: [] },
]);
