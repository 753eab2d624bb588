import { mapAt, pairOf } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { workspaceIndex, type Workload } from '../../core/k8s/workspace-index';
import { serviceSelector } from '../../core/k8s/references';

const fmt = (labels: Record<string, string>) => Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ');

/** The workload whose pod labels agree most with the selector, among those sharing at least one key with it. */
function closest(workloads: readonly Workload[], selector: Record<string, string>): Workload | undefined {
  let best: [number, Workload] | undefined;
  for (const w of workloads) {
    const labels = w.labels;
    const keys = Object.keys(selector).filter((k) => k in labels);
    if (!keys.length) continue;
    const score = keys.length * 2 + keys.filter((k) => labels[k] === selector[k]).length;
    if (!best || score > best[0]) best = [score, w];
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
    const index = workspaceIndex(workspace);
    for (const obj of file.objects) {
      if (obj.kind !== 'Service' || obj.apiVersion !== 'v1') continue;
      const selector = serviceSelector(obj);
      const spec = mapAt(obj.root, ['spec']);
      const key = spec && pairOf(spec, 'selector')?.key;
      if (!selector || !key || spec.get('type') === 'ExternalName' || index.selected(selector, obj.namespace).length) continue;
      const near = closest(index.workloads(obj.namespace), selector);
      const hint = near ? `; the closest is ${near.obj.kind} ${near.obj.name ?? '(unnamed)'} with ${fmt(near.labels)}` : '';
      hits.push({
        message: `Service ${obj.name ?? '(unnamed)'} selects ${fmt(selector)} but no pod template in namespace ${obj.namespace} has these labels${hint}; fix the selector or the pod labels.`,
        range: file.nodeRange(obj.doc, key),
        data: { doc: obj.doc.index },
      });
    }
    return hits;
  },
};
