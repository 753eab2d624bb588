import { isScalar } from 'yaml';
import { nodeAt } from '../../core/k8s/object';
import { isScaledObject } from '../../core/k8s/workspace-index';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

/** KEDA's defaults: polling every 30 s, scale to zero 300 s after the last activity; the HPA it creates waits 300 s. */
const MIN_POLLING = 15;
const HPA_SCALE_DOWN_WINDOW = 300;

export const kedaScalingIntervals: ManifestRule = {
  id: 'keda-scaling-intervals',
  aliases: [],
  severity: 'warning',
  category: 'autoscaling',
  scope: 'object',
  docs: {
    summary: 'A ScaledObject that polls its triggers more often than every 15 s, or whose cooldownPeriod is shorter than its HPA\'s scale-down window.',
    why: 'Every poll queries the trigger\'s source (Prometheus, a queue, a cloud API) for each ScaledObject: polling every few seconds loads it without making scaling better, since metrics sources themselves refresh every 15–30 s (the scaling guide: do not poll metrics too often). A `cooldownPeriod` shorter than the scale-down stabilization window of the HPA KEDA creates (300 s unless `advanced.horizontalPodAutoscalerConfig` says otherwise) lets KEDA drop to zero while the HPA would still hold replicas, so traffic that returns meets a cold start.',
    bad: 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: worker\nspec:\n  scaleTargetRef:\n    name: worker\n  pollingInterval: 5\n  triggers:\n    - type: cpu\n      metricType: Utilization\n      metadata:\n        value: "60"\n',
    good: 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: worker\nspec:\n  scaleTargetRef:\n    name: worker\n  pollingInterval: 30\n  triggers:\n    - type: cpu\n      metricType: Utilization\n      metadata:\n        value: "60"\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      if (!isScaledObject(obj)) continue;
      const polling = nodeAt(obj.root, ['spec', 'pollingInterval']);
      if (isScalar(polling) && typeof polling.value === 'number' && polling.value < MIN_POLLING) {
        hits.push({ message: `pollingInterval ${polling.value} s queries every trigger's source ${Math.round(60 / Math.max(polling.value, 1))} times a minute; metrics refresh every 15–30 s, so poll every ${MIN_POLLING}–30 s`, range: file.nodeRange(obj.doc, polling) });
      }
      const cooldown = nodeAt(obj.root, ['spec', 'cooldownPeriod']);
      const windowNode = nodeAt(obj.root, ['spec', 'advanced', 'horizontalPodAutoscalerConfig', 'behavior', 'scaleDown', 'stabilizationWindowSeconds']);
      const window = isScalar(windowNode) && typeof windowNode.value === 'number' ? windowNode.value : HPA_SCALE_DOWN_WINDOW;
      if (isScalar(cooldown) && typeof cooldown.value === 'number' && cooldown.value < window) {
        hits.push({ message: `cooldownPeriod ${cooldown.value} s is shorter than the HPA's scale-down window (${window} s): KEDA can scale to zero while the HPA would still keep replicas; use at least ${window}`, range: file.nodeRange(obj.doc, cooldown) });
      }
    }
    return hits;
  },
};
