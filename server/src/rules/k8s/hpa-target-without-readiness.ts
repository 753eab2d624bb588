import { nodeAt } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { workspaceIndex, isHpa, scaleTargetRef } from '../../core/k8s/workspace-index';
import { findScaleTarget } from '../../core/k8s/references';

const EXAMPLE = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 2\n  maxReplicas: 10\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          resources:\n            requests:\n              cpu: 100m\nPROBE';

export const hpaTargetWithoutReadiness: ManifestRule = {
  id: 'hpa-target-without-readiness',
  aliases: [],
  severity: 'info',
  category: 'autoscaling',
  docs: {
    summary: "An HPA's target workload has a container without a readinessProbe.",
    why: 'Without a readiness probe a new pod counts as ready as soon as it starts, so the HPA includes still-warming pods in its load average and takes scaling decisions on misleading metrics, and the Service sends them traffic too early.',
    bad: EXAMPLE.replace('PROBE', ''),
    good: EXAMPLE.replace('PROBE', '          readinessProbe:\n            httpGet:\n              path: /\n              port: 80\n'),
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    const index = workspaceIndex(workspace);
    for (const obj of file.objects) {
      const ref = isHpa(obj) ? scaleTargetRef(obj) : undefined;
      const target = ref && findScaleTarget(workspace, obj);
      if (!ref || !target) continue;
      const missing = index.containersOf(target).filter((c) => nodeAt(c.map, ['readinessProbe']) === undefined);
      if (!missing.length) continue;
      const names = missing.map((c) => c.name ?? '(unnamed)').join(', ');
      hits.push({
        message: `HorizontalPodAutoscaler ${obj.name ?? '(unnamed)'} scales ${target.kind} ${target.name}, whose container${missing.length > 1 ? 's' : ''} ${names} ha${missing.length > 1 ? 've' : 's'} no readinessProbe, so starting pods count towards its load; add readiness probes.`,
        range: file.nodeRange(obj.doc, ref.nameNode),
        data: { doc: obj.doc.index },
      });
    }
    return hits;
  },
};
