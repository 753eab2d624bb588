import { isMap, isScalar } from 'yaml';
import { nodeAt, seqAt } from '../../core/k8s/object';
import type { K8sObject } from '../../core/k8s/parse';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { workspaceIndex, type WorkspaceIndex } from '../../core/k8s/workspace-index';
import { serviceSelector } from '../../core/k8s/references';

interface Exposed {
  numbers: Set<number>;
  names: Set<string>;
  /** Every selected workload declares at least one port (an undeclared port may still be listened on). */
  allDeclare: boolean;
}

interface DeclaredPorts {
  numbers: number[];
  names: string[];
  declares: boolean;
}

/** The ports one workload's containers declare, in order (read once per analysis: Services may share workloads). */
function declaredPorts(index: WorkspaceIndex, w: K8sObject): DeclaredPorts {
  return index.memo('service-target-port', w, () => {
    const out: DeclaredPorts = { numbers: [], names: [], declares: false };
    for (const c of index.containersOf(w)) {
      for (const p of seqAt(c.map, ['ports'])) {
        if (!isMap(p)) continue;
        const num = p.get('containerPort');
        const name = p.get('name');
        if (typeof num === 'number') out.numbers.push(num);
        if (typeof name === 'string') out.names.push(name);
        out.declares = true;
      }
    }
    return out;
  });
}

function exposedPorts(index: WorkspaceIndex, workloads: K8sObject[]): Exposed {
  const out: Exposed = { numbers: new Set(), names: new Set(), allDeclare: true };
  for (const w of workloads) {
    const d = declaredPorts(index, w);
    for (const n of d.numbers) out.numbers.add(n);
    for (const n of d.names) out.names.add(n);
    out.allDeclare &&= d.declares;
  }
  return out;
}

export const serviceTargetPort: ManifestRule = {
  id: 'service-target-port',
  aliases: ['kube-linter:invalid-target-ports'],
  severity: 'error',
  severityNote: 'warning when the targetPort is a number the pods do not declare',
  category: 'networking',
  docs: {
    summary: "A Service targetPort that no container of the selected workloads exposes.",
    why: "A named targetPort that no selected pod declares resolves to nothing, so the Service has no usable endpoints. A numeric targetPort missing from the containers' declared ports usually means traffic goes to a port nothing listens on (reported as a warning, since declaring ports is optional).",
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: http-web\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          ports:\n            - name: http\n              containerPort: 80\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: http\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          ports:\n            - name: http\n              containerPort: 80\n',
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    const index = workspaceIndex(workspace);
    for (const obj of file.objects) {
      if (obj.kind !== 'Service' || obj.apiVersion !== 'v1') continue;
      const workloads = index.selected(serviceSelector(obj), obj.namespace).map((w) => w.obj);
      if (!workloads.length) continue;
      const exposed = exposedPorts(index, workloads);
      const owners = workloads.map((w) => `${w.kind} ${w.name ?? '(unnamed)'}`).join(', ');
      const list = [...exposed.numbers, ...exposed.names].join(', ') || 'none';
      seqAt(obj.root, ['spec', 'ports']).forEach((port, i) => {
        const node = nodeAt(port, ['targetPort']) ?? nodeAt(port, ['port']);
        if (!isScalar(node)) return;
        const v = node.value;
        // A name always has to be declared by the pods to resolve; a number only when the pods declare their ports.
        const asNumber = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
        if (asNumber !== undefined ? !exposed.allDeclare || exposed.numbers.has(asNumber) : typeof v !== 'string' || exposed.names.has(v)) return;
        const what = asNumber !== undefined ? String(asNumber) : `"${v}"`;
        hits.push({
          message: `targetPort ${what} of Service ${obj.name ?? '(unnamed)'} is not declared by any container of ${owners} (declared: ${list}); use one of those ports or declare it.`,
          range: file.nodeRange(obj.doc, node),
          severity: asNumber !== undefined ? 'warning' : 'error',
          data: { doc: obj.doc.index, port: i },
        });
      });
    }
    return hits;
  },
};
