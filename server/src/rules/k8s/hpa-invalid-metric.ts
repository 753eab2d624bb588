import { isMap, isScalar, type YAMLMap } from 'yaml';
import { fieldPath } from '../../core/k8s/api-validation';
import { nodeAt, pairOf, seqAt } from '../../core/k8s/object';
import { isHpa } from '../../core/k8s/workspace-index';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

/** Each metric type and the block that must hold its source. */
const SOURCE: Record<string, string> = { Resource: 'resource', Pods: 'pods', Object: 'object', External: 'external', ContainerResource: 'containerResource' };
/** Each target type and the field that carries its number. */
const TARGET: Record<string, string> = { Utilization: 'averageUtilization', Value: 'value', AverageValue: 'averageValue' };

export const hpaInvalidMetric: ManifestRule = {
  id: 'hpa-invalid-metric',
  aliases: [],
  severity: 'error',
  category: 'autoscaling',
  scope: 'object',
  docs: {
    summary: 'An autoscaling/v2 HPA metric whose block does not match its type, a target without its number, or minReplicas 0 without an Object or External metric.',
    why: 'Each metric names its type and carries exactly that source: `type: Resource` with a `resource:` block, `type: Pods` with `pods:`, and so on; its target type needs its number (`Utilization` → `averageUtilization`, `Value` → `value`, `AverageValue` → `averageValue`), and utilization only exists for resource metrics. Scaling to zero replicas needs a metric that still exists with no pods (Object or External). The API server refuses each of these.',
    bad: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 2\n  maxReplicas: 10\n  metrics:\n    - type: Resource\n      pods:\n        metric:\n          name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 70\n',
    good: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 2\n  maxReplicas: 10\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 70\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      if (!isHpa(obj) || obj.apiVersion !== 'autoscaling/v2') continue;
      const metrics = seqAt(obj.root, ['spec', 'metrics']);
      const types: string[] = [];
      metrics.forEach((m, i) => {
        if (!isMap(m)) return;
        const where = ['spec', 'metrics', i];
        const typeNode = m.get('type', true);
        const type = isScalar(typeNode) ? String(typeNode.value) : undefined;
        if (!type || !isScalar(typeNode)) return;
        types.push(type);
        if (!(type in SOURCE)) {
          hits.push({ message: `${fieldPath([...where, 'type'])}: Unsupported value: ${JSON.stringify(type)}: supported values: ${Object.keys(SOURCE).map((t) => `"${t}"`).join(', ')}`, range: file.nodeRange(obj.doc, typeNode) });
          return;
        }
        const wanted = SOURCE[type];
        const present = Object.values(SOURCE).filter((k) => m.has(k));
        if (!present.includes(wanted)) {
          hits.push({ message: `${fieldPath([...where, wanted])}: Required value: must populate information for the given metric source${present.length ? ` (it has ${present.join(', ')}, which belongs to another type)` : ''}`, range: file.nodeRange(obj.doc, typeNode) });
          return;
        }
        for (const other of present.filter((k) => k !== wanted)) {
          hits.push({ message: `${fieldPath([...where, other])}: Forbidden: must populate the given metric source only`, range: file.nodeRange(obj.doc, (pairOf(m, other)?.key ?? m) as never) });
        }
        const target = nodeAt(m, [wanted, 'target']);
        if (!isMap(target)) return;
        const tType = (target as YAMLMap).get('type', true);
        if (!isScalar(tType)) return;
        const t = String(tType.value);
        const at = fieldPath([...where, wanted, 'target']);
        if (!(t in TARGET)) hits.push({ message: `${at}.type: Unsupported value: ${JSON.stringify(t)}: supported values: "AverageValue", "Utilization", "Value"`, range: file.nodeRange(obj.doc, tType) });
        else if (t === 'Utilization' && type !== 'Resource' && type !== 'ContainerResource') hits.push({ message: `${at}.type: Invalid value: "Utilization": only Resource and ContainerResource metrics have a utilization target`, range: file.nodeRange(obj.doc, tType) });
        else if (!(target as YAMLMap).has(TARGET[t])) hits.push({ message: `${at}.${TARGET[t]}: Required value: must set ${TARGET[t]} when type is '${t}'`, range: file.nodeRange(obj.doc, tType) });
      });
      const min = nodeAt(obj.root, ['spec', 'minReplicas']);
      if (isScalar(min) && min.value === 0 && !types.some((t) => t === 'Object' || t === 'External')) {
        hits.push({ message: 'spec.minReplicas: Invalid value: 0: must be greater than or equal to 1 (scaling to zero needs an Object or External metric and the HPAScaleToZero feature gate)', range: file.nodeRange(obj.doc, min) });
      }
    }
    return hits;
  },
};
