import { scalarAt, stringMapAt } from '../../core/k8s/object';
import type { K8sObject } from '../../core/k8s/parse';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { isHpa, isScaledObject, scaleTargetRef, workspaceIndex } from '../../core/k8s/workspace-index';

const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n';
const HPA = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 2\n  maxReplicas: 10\n';
const SCALED = 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    name: web\n  triggers:\n    - type: prometheus\n      metadata:\n        serverAddress: http://prometheus.monitoring:9090\n        query: sum(rate(http_requests_total{app="web"}[2m]))\n        threshold: "100"\n';

/** KEDA taking over an existing HPA on purpose (transfer-hpa-ownership naming that HPA) is not a conflict. */
function adopts(scaled: K8sObject, hpa: K8sObject): boolean {
  return (
    isScaledObject(scaled) &&
    isHpa(hpa) &&
    stringMapAt(scaled.root, ['metadata', 'annotations'])?.['scaledobject.keda.sh/transfer-hpa-ownership'] === 'true' &&
    scalarAt(scaled.root, ['spec', 'advanced', 'horizontalPodAutoscalerConfig', 'name']) === hpa.name
  );
}

const label = (o: K8sObject) => `${isHpa(o) ? 'HorizontalPodAutoscaler' : 'ScaledObject'} ${o.name ?? '(unnamed)'}`;

export const autoscalerConflict: ManifestRule = {
  id: 'autoscaler-conflict',
  aliases: [],
  severity: 'error',
  category: 'autoscaling',
  docs: {
    summary: 'Two autoscalers (HPAs or KEDA ScaledObjects) scale the same workload.',
    why: 'Each autoscaler overwrites the replica count the other one set, so the workload flaps between their decisions. KEDA already creates its own HPA for a ScaledObject: remove the separate HPA, or let KEDA adopt it with `scaledobject.keda.sh/transfer-hpa-ownership`.',
    bad: `${DEPLOY}---\n${HPA}---\n${SCALED}`,
    good: `${DEPLOY}---\n${SCALED}`,
  },
  check({ file, workspace }) {
    const index = workspaceIndex(workspace);
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const ref = isHpa(obj) || isScaledObject(obj) ? scaleTargetRef(obj) : undefined;
      if (!ref) continue;
      // The index groups autoscalers by namespace and target, so only those scaling the same workload are compared.
      const others = index.scalersOf(ref.kind, ref.name, obj.namespace).filter((o) => o !== obj && !adopts(o, obj) && !adopts(obj, o));
      if (!others.length) continue;
      hits.push({
        message: `${label(obj)} and ${others.map(label).join(', ')} scale the same ${ref.kind} ${ref.name}, so they overwrite each other's replica counts; keep one autoscaler.`,
        range: file.nodeRange(obj.doc, ref.nameNode),
        data: { doc: obj.doc.index },
      });
    }
    return hits;
  },
};
