import { mapAt, pairOf } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { workspaceIndex } from '../../core/k8s/workspace-index';
import { removeFromMap } from '../../core/k8s/yaml-edit';
import { relocate } from '../../core/k8s/relocate';

const SCALED_KINDS = new Set(['Deployment', 'StatefulSet']);

export const replicasWithAutoscaler: ManifestRule = {
  id: 'replicas-with-autoscaler',
  aliases: [],
  severity: 'warning',
  category: 'autoscaling',
  docs: {
    summary: 'A Deployment or StatefulSet sets `spec.replicas` while an autoscaler (HPA or KEDA ScaledObject) scales it.',
    why: "Each `kubectl apply` (or GitOps sync) writes the manifest's replica count back, undoing the autoscaler until it reacts again: a deploy during peak load scales the workload down. Leave `replicas` out and let the autoscaler own it. When removing it from a live workload, first drop it from the last-applied configuration (`kubectl apply edit-last-applied`), or the next client-side apply resets it to 1.",
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 3\n  maxReplicas: 10\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 70\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 3\n  maxReplicas: 10\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 70\n',
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    const index = workspaceIndex(workspace);
    for (const obj of file.objects) {
      if (!SCALED_KINDS.has(obj.kind) || !obj.name) continue;
      const spec = mapAt(obj.root, ['spec']);
      const pair = spec && pairOf(spec, 'replicas');
      if (!pair) continue;
      // The first HPA (any autoscaling/ version) or KEDA ScaledObject (whose kind defaults to Deployment) scaling it.
      const scaler = index.scalersOf(obj.kind, obj.name, obj.namespace)[0];
      if (!scaler) continue;
      hits.push({
        message: `${obj.kind} ${obj.name} sets spec.replicas while ${scaler.kind} ${scaler.name ?? '(unnamed)'} scales it, so every apply resets the replica count; remove replicas.`,
        range: file.nodeRange(obj.doc, pair.key),
        data: { doc: obj.doc.index, path: ['spec'] },
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'remove-replicas',
      title: () => 'Remove spec.replicas (the autoscaler owns it)',
      // Not unattended: the next client-side `kubectl apply` without replicas scales the workload to 1 until the
      // autoscaler reacts (see the rule's docs for `kubectl apply edit-last-applied`).
      safe: false,
      preferred: true,
      apply(input, finding) {
        const found = relocate(input, finding);
        const spec = found && mapAt(found.obj.root, ['spec']);
        const edit = spec && removeFromMap(found.file, found.obj.doc, spec, 'replicas');
        return edit ? { edits: [edit] } : null;
      },
    },
  ],
};
