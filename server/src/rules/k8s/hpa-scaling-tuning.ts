import { isScalar } from 'yaml';
import { containers, nodeAt, seqAt } from '../../core/k8s/object';
import { findScaleTarget } from '../../core/k8s/references';
import { isHpa } from '../../core/k8s/workspace-index';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const hpaScalingTuning: ManifestRule = {
  id: 'hpa-scaling-tuning',
  aliases: [],
  severity: 'warning',
  category: 'autoscaling',
  docs: {
    summary: 'HPA tuning that defeats itself: maxReplicas below the workload\'s replicas, scale-down without a stabilization window, a memory utilization target on pods without memory limits.',
    why: 'The scaling guide\'s gotchas: an HPA whose `maxReplicas` is below the Deployment\'s `replicas` scales it down on its first sync (the manifest\'s number never holds); `behavior.scaleDown.stabilizationWindowSeconds: 0` makes replicas follow every dip of the metric, so pods flap up and down; a memory utilization target on containers without memory limits scales on a number that can grow without bound, and memory rarely falls when load does.',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 6\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: web:1.2\n          resources:\n            requests:\n              cpu: 250m\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 2\n  maxReplicas: 4\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 70\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: web:1.2\n          resources:\n            requests:\n              cpu: 250m\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 2\n  maxReplicas: 10\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 70\n',
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      if (!isHpa(obj)) continue;
      const target = findScaleTarget(workspace, obj);
      const max = nodeAt(obj.root, ['spec', 'maxReplicas']);
      const replicas = target && nodeAt(target.root, ['spec', 'replicas']);
      if (isScalar(max) && typeof max.value === 'number' && isScalar(replicas) && typeof replicas.value === 'number' && replicas.value > max.value) {
        hits.push({ message: `maxReplicas ${max.value} is below ${target!.kind} ${target!.name}'s replicas (${replicas.value}): the HPA scales it down to ${max.value} on its first sync; raise maxReplicas or drop replicas from the ${target!.kind}`, range: file.nodeRange(obj.doc, max) });
      }
      const window = nodeAt(obj.root, ['spec', 'behavior', 'scaleDown', 'stabilizationWindowSeconds']);
      if (isScalar(window) && window.value === 0) {
        hits.push({ message: 'scaleDown.stabilizationWindowSeconds 0: replicas follow every dip of the metric and flap; keep a window (the default is 300 s)', range: file.nodeRange(obj.doc, window) });
      }
      if (!target) continue;
      seqAt(obj.root, ['spec', 'metrics']).forEach((m, i) => {
        const name = nodeAt(m, ['resource', 'name']);
        const type = nodeAt(m, ['resource', 'target', 'type']);
        if (!isScalar(name) || name.value !== 'memory' || !isScalar(type) || type.value !== 'Utilization') return;
        const unlimited = containers(target).filter((c) => !isScalar(nodeAt(c.map, ['resources', 'limits', 'memory']))).map((c) => c.name ?? '?');
        if (unlimited.length) hits.push({ message: `memory utilization target on ${target.kind} ${target.name}, whose container${unlimited.length > 1 ? 's' : ''} ${unlimited.join(', ')} ${unlimited.length > 1 ? 'have' : 'has'} no memory limit: memory can grow without bound and rarely falls with load; set memory limits or scale on CPU or a request-rate metric`, range: file.nodeRange(obj.doc, name), data: { metric: i } });
      });
    }
    return hits;
  },
};
