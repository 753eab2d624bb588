import { isMap, isScalar } from 'yaml';
import { dns1123Label, ianaSvcName, invalidValue, isTemplated } from '../../core/k8s/api-validation';
import { containers, seqAt } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const invalidPortName: ManifestRule = {
  id: 'invalid-port-name',
  aliases: [],
  severity: 'error',
  category: 'correctness',
  scope: 'object',
  docs: {
    summary: 'A container port name that is not an IANA service name, or a Service port name that is not an RFC 1123 label.',
    why: 'Container port names are IANA service names: at most 15 characters, lower case letters, digits and single `-`, at least one letter — `metrics-endpoint` (16) or `http_alt` is refused. Service port names are RFC 1123 labels. Probes and Services refer to ports by these names, so a name that cannot exist breaks them too.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      ports:\n        - name: metrics-endpoint\n          containerPort: 9090\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      ports:\n        - name: metrics\n          containerPort: 9090\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    const check = (obj: (typeof file.objects)[number], node: unknown, where: string, errorsOf: (v: string) => string[]) => {
      if (!isScalar(node) || typeof node.value !== 'string' || isTemplated(node.value)) return;
      const errors = errorsOf(node.value);
      if (errors.length) hits.push({ message: invalidValue(where, node.value, errors.join('; ')), range: file.nodeRange(obj.doc, node) });
    };
    for (const obj of file.objects) {
      for (const c of containers(obj, true)) {
        seqAt(c.map, ['ports']).forEach((p, i) => isMap(p) && check(obj, p.get('name', true), `${c.path.join('.')}.ports[${i}].name`, ianaSvcName));
      }
      if (obj.kind === 'Service') seqAt(obj.root, ['spec', 'ports']).forEach((p, i) => isMap(p) && check(obj, p.get('name', true), `spec.ports[${i}].name`, dns1123Label));
    }
    return hits;
  },
};
