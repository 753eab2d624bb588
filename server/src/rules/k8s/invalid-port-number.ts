import { isMap, isScalar, type Node } from 'yaml';
import { fieldPath, ianaSvcName } from '../../core/k8s/api-validation';
import { containers, scalarAt, seqAt } from '../../core/k8s/object';
import type { K8sObject } from '../../core/k8s/parse';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

export const invalidPortNumber: ManifestRule = {
  id: 'invalid-port-number',
  aliases: [],
  severity: 'error',
  category: 'networking',
  scope: 'object',
  docs: {
    summary: 'A port number outside 1–65535, a nodePort outside 30000–32767 or on a Service type without node ports, a targetPort that is neither, or an unknown protocol.',
    why: 'The API server checks every port: container, host and Service ports are 1–65535; a `targetPort` is such a number or a port name; `nodePort` must fall in the cluster\'s node-port range (30000–32767 by default) and only NodePort and LoadBalancer Services have one; protocols are `TCP`, `UDP` or `SCTP` in capitals. Each mistake makes `kubectl apply` fail.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: 8080\n      nodePort: 8080\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: 8080\n      nodePort: 30080\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    const at = (obj: K8sObject, node: Node) => file.nodeRange(obj.doc, node);
    const port = (obj: K8sObject, map: Node, key: string, where: (string | number)[]) => {
      const node = isMap(map) ? map.get(key, true) : undefined;
      if (!isScalar(node) || typeof node.value !== 'number') return;
      if (node.value < 1 || node.value > 65535 || !Number.isInteger(node.value)) hits.push({ message: `${fieldPath([...where, key])}: Invalid value: ${node.value}: must be between 1 and 65535, inclusive`, range: at(obj, node) });
    };
    const protocol = (obj: K8sObject, map: Node, where: (string | number)[]) => {
      const node = isMap(map) ? map.get('protocol', true) : undefined;
      if (isScalar(node) && typeof node.value === 'string' && !PROTOCOLS.includes(node.value)) {
        hits.push({ message: `${fieldPath([...where, 'protocol'])}: Unsupported value: ${JSON.stringify(node.value)}: supported values: "SCTP", "TCP", "UDP"`, range: at(obj, node) });
      }
    };
    for (const obj of file.objects) {
      for (const c of containers(obj, true)) {
        seqAt(c.map, ['ports']).forEach((p, i) => {
          const where = [...c.path, 'ports', i];
          port(obj, p, 'containerPort', where);
          port(obj, p, 'hostPort', where);
          protocol(obj, p, where);
        });
      }
      if (obj.kind !== 'Service') continue;
      const type = String(scalarAt(obj.root, ['spec', 'type']) ?? 'ClusterIP');
      seqAt(obj.root, ['spec', 'ports']).forEach((p, i) => {
        if (!isMap(p)) return;
        const where = ['spec', 'ports', i];
        port(obj, p, 'port', where);
        protocol(obj, p, where);
        const target = p.get('targetPort', true);
        if (isScalar(target) && typeof target.value === 'number') port(obj, p, 'targetPort', where);
        else if (isScalar(target) && typeof target.value === 'string' && !/^\d+$/.test(target.value) && !target.value.includes('{{')) {
          const errors = ianaSvcName(target.value);
          if (errors.length) hits.push({ message: `${fieldPath([...where, 'targetPort'])}: Invalid value: ${JSON.stringify(target.value)}: ${errors.join('; ')}`, range: at(obj, target) });
        }
        const nodePort = p.get('nodePort', true);
        if (!isScalar(nodePort) || typeof nodePort.value !== 'number') return;
        if (type !== 'NodePort' && type !== 'LoadBalancer') {
          hits.push({ message: `${fieldPath([...where, 'nodePort'])}: Forbidden: may not be used when \`type\` is '${type}'`, range: at(obj, nodePort) });
        } else if (nodePort.value !== 0 && (nodePort.value < 30000 || nodePort.value > 32767)) {
          hits.push({ message: `${fieldPath([...where, 'nodePort'])}: Invalid value: ${nodePort.value}: provided port is not in the valid range. The range of valid ports is 30000-32767`, range: at(obj, nodePort) });
        }
      });
    }
    return hits;
  },
};
