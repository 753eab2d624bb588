import { isMap, isScalar } from 'yaml';
import { mapAt, nodeAt, pairOf, scalarAt, seqAt } from '../../core/k8s/object';
import { ingressBackends, objectsOf } from '../../core/k8s/references';
import { relocate } from '../../core/k8s/relocate';
import { removeFromMap, replaceNode } from '../../core/k8s/yaml-edit';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit, TextEdit } from '../../core/types';

export const nodeportService: ManifestRule = {
  id: 'nodeport-service',
  aliases: [],
  severity: 'info',
  category: 'networking',
  docs: {
    summary: 'A NodePort Service that an Ingress already fronts, or that pins a fixed nodePort: it also opens a port on every node.',
    why: 'A NodePort Service listens on a port of every node\'s IP, past the Ingress (its TLS, auth and rate limits) and usually past any firewall rule written for the load balancer. That is fine for a test cluster; behind an Ingress a ClusterIP Service is all the Ingress needs, and a pinned `nodePort` also collides with whatever else picked the same number.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n    - port: 80\n      nodePort: 30080\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n',
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      if (obj.kind !== 'Service' || scalarAt(obj.root, ['spec', 'type']) !== 'NodePort') continue;
      const type = nodeAt(obj.root, ['spec', 'type'])!;
      const fixed = seqAt(obj.root, ['spec', 'ports']).map((p) => (isMap(p) ? p.get('nodePort') : undefined)).filter((n): n is number => typeof n === 'number');
      const ingress = objectsOf(workspace, 'Ingress', obj.namespace).find((ing) => ingressBackends(ing).some((b) => b.service.get('name') === obj.name));
      if (!ingress && !fixed.length) continue;
      const exposes = fixed.length ? `port ${fixed.join(', ')} on every node` : 'a port on every node';
      hits.push({
        message: ingress
          ? `Service ${obj.name} is behind Ingress ${ingress.name} and, as a NodePort, also exposes ${exposes}, bypassing the Ingress; type ClusterIP is all the Ingress needs`
          : `Service ${obj.name} exposes ${exposes} (fixed nodePort): fine for a test cluster; in production put a ClusterIP Service behind an Ingress or use a LoadBalancer`,
        range: file.nodeRange(obj.doc, type),
        data: { doc: obj.doc.index },
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'cluster-ip',
      title: () => 'Make it a ClusterIP Service (drop type NodePort and its nodePorts)',
      safe: false,
      apply(input, finding) {
        const found = relocate(input, finding);
        if (!found) return null;
        const { file, obj } = found;
        const spec = mapAt(obj.root, ['spec']);
        const typePair = isMap(spec) ? pairOf(spec, 'type') : undefined;
        if (!spec || !typePair || !isScalar(typePair.value)) return null;
        const edits: TextEdit[] = [];
        const removeType = removeFromMap(file, obj.doc, spec, 'type');
        edits.push(removeType ?? replaceNode(file, obj.doc, typePair.value, 'ClusterIP'));
        for (const p of seqAt(obj.root, ['spec', 'ports'])) {
          if (!isMap(p) || !p.has('nodePort')) continue;
          const edit = removeFromMap(file, obj.doc, p, 'nodePort');
          if (!edit) return null;
          edits.push(edit);
        }
        return { edits };
      },
    },
  ],
};
