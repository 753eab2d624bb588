import { mapAt, pairOf, podLabels, WORKLOAD_KINDS } from '../../core/k8s/object';
import type { K8sObject } from '../../core/k8s/parse';
import type { Workspace } from '../../core/k8s/workspace';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { selectedWorkloads, serviceSelector } from './refs-shared';

const fmt = (labels: Record<string, string>) => Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ');

/** The workload whose pod labels agree most with the selector, among those sharing at least one key with it. */
function closest(workspace: Workspace, service: K8sObject, selector: Record<string, string>): K8sObject | undefined {
  let best: [number, K8sObject] | undefined;
  for (const o of workspace.objects()) {
    if (!WORKLOAD_KINDS.has(o.kind) || o.namespace !== service.namespace) continue;
    const labels = podLabels(o);
    const keys = Object.keys(selector).filter((k) => k in labels);
    if (!keys.length) continue;
    const score = keys.length * 2 + keys.filter((k) => labels[k] === selector[k]).length;
    if (!best || score > best[0]) best = [score, o];
  }
  return best?.[1];
}

export const serviceSelectsNothing: ManifestRule = {
  id: 'service-selects-nothing',
  aliases: ['kube-linter:dangling-service'],
  severity: 'warning',
  category: 'networking',
  docs: {
    summary: 'A Service whose selector matches no pod template in the workspace.',
    why: 'A Service without matching pods has no endpoints: connections to it are refused or time out, usually because of a typo in a label or a label changed on only one side. Services without a selector (manual Endpoints, ExternalName) are not checked.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web-frontend\n  ports:\n    - port: 80\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      if (obj.kind !== 'Service' || obj.apiVersion !== 'v1') continue;
      const selector = serviceSelector(obj);
      const spec = mapAt(obj.root, ['spec']);
      const key = spec && pairOf(spec, 'selector')?.key;
      if (!selector || !key || spec.get('type') === 'ExternalName' || selectedWorkloads(workspace, obj).length) continue;
      const near = closest(workspace, obj, selector);
      const hint = near ? `; the closest is ${near.kind} ${near.name ?? '(unnamed)'} with ${fmt(podLabels(near))}` : '';
      hits.push({
        message: `Service ${obj.name ?? '(unnamed)'} selects ${fmt(selector)} but no pod template in namespace ${obj.namespace} has these labels${hint}; fix the selector or the pod labels.`,
        range: file.nodeRange(obj.doc, key),
        data: { doc: obj.doc.index },
      });
    }
    return hits;
  },
};
