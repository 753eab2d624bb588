import { isMap, isScalar } from 'yaml';
import { nodeAt, seqAt } from '../../core/k8s/object';
import { findScaleTarget, servicesSelecting } from '../../core/k8s/references';
import { isScaledObject } from '../../core/k8s/workspace-index';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const kedaZeroBehindService: ManifestRule = {
  id: 'keda-zero-behind-service',
  aliases: [],
  severity: 'warning',
  category: 'autoscaling',
  docs: {
    summary: 'A ScaledObject that scales a Service-fronted workload to zero without an activation threshold.',
    why: 'At zero replicas the Service has no endpoints: requests fail until a trigger activates and a pod starts. That is a deliberate trade for queue workers, rarely for something a Service fronts. If it is meant, set an `activationThreshold` (KEDA\'s activation value) so the decision to wake up is explicit and tuned; otherwise keep `minReplicaCount` at 1 or more.',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: web:1.2\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n---\napiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    name: web\n  minReplicaCount: 0\n  triggers:\n    - type: prometheus\n      metadata:\n        serverAddress: http://prometheus.monitoring:9090\n        query: sum(rate(http_requests_total{app="web"}[2m]))\n        threshold: "100"\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: web:1.2\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n---\napiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    name: web\n  minReplicaCount: 0\n  triggers:\n    - type: prometheus\n      metadata:\n        serverAddress: http://prometheus.monitoring:9090\n        query: sum(rate(http_requests_total{app="web"}[2m]))\n        threshold: "100"\n        activationThreshold: "5"\n',
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      if (!isScaledObject(obj)) continue;
      const min = nodeAt(obj.root, ['spec', 'minReplicaCount']);
      // KEDA's minReplicaCount defaults to 0.
      if (isScalar(min) && min.value !== 0) continue;
      const activated = seqAt(obj.root, ['spec', 'triggers']).some((t) => {
        const meta = nodeAt(t, ['metadata']);
        return isMap(meta) && meta.items.some((p) => isScalar(p.key) && /^activation/i.test(String(p.key.value)));
      });
      if (activated) continue;
      const target = findScaleTarget(workspace, obj);
      const service = target && servicesSelecting(workspace, target)[0];
      if (!service) continue;
      hits.push({
        message: `${obj.kind} ${obj.name} scales ${target.kind} ${target.name} to zero${min ? '' : ' (minReplicaCount defaults to 0)'}, but Service ${service.name} sends it traffic: requests fail until a trigger wakes it; set minReplicaCount: 1, or an activationThreshold if scaling to zero is meant`,
        range: file.nodeRange(obj.doc, min ?? nodeAt(obj.root, ['spec', 'scaleTargetRef', 'name'])!),
      });
    }
    return hits;
  },
};
