import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { isHpa, scaleTargetRef } from '../../core/k8s/workspace-index';
import { closestName, findScaleTarget, objectsOf } from '../../core/k8s/references';

const HPA = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: NAME\n  minReplicas: 2\n  maxReplicas: 10\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n';

export const hpaUnknownTarget: ManifestRule = {
  id: 'hpa-unknown-target',
  aliases: ['kube-linter:dangling-horizontalpodautoscaler'],
  severity: 'warning',
  category: 'autoscaling',
  docs: {
    summary: 'A HorizontalPodAutoscaler whose scaleTargetRef names no workload in the workspace.',
    why: 'An HPA pointing at a missing object only reports `FailedGetScale` and scales nothing, while the real workload runs with a fixed replica count. Kind, name and namespace must all match.',
    bad: HPA.replace('NAME', 'web-app'),
    good: HPA.replace('NAME', 'web'),
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const ref = isHpa(obj) ? scaleTargetRef(obj) : undefined;
      if (!ref || findScaleTarget(workspace, obj)) continue;
      const near = closestName(ref.name, objectsOf(workspace, ref.kind, obj.namespace).flatMap((o) => (o.name ? [o.name] : [])));
      hits.push({
        message: `HorizontalPodAutoscaler ${obj.name ?? '(unnamed)'} targets ${ref.kind} ${ref.name}, which does not exist in namespace ${obj.namespace}${near ? `; did you mean ${near}?` : '; fix scaleTargetRef.'}`,
        range: file.nodeRange(obj.doc, ref.nameNode),
        data: { doc: obj.doc.index },
      });
    }
    return hits;
  },
};
