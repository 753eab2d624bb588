import { isMap } from 'yaml';
import { mapAt, nodeAt, pairOf, scalarAt, stringMapAt } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { workspaceIndex } from '../../core/k8s/workspace-index';
import { relocate } from '../../core/k8s/relocate';
import { addEntry } from '../../core/k8s/yaml-edit';

const INGRESS = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\nCLASS  rules:\n    - host: example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: 80\n';

export const ingressNoClass: ManifestRule = {
  id: 'ingress-no-class',
  aliases: [],
  severity: 'info',
  category: 'networking',
  docs: {
    summary: 'An Ingress that names no IngressClass.',
    why: "Without `spec.ingressClassName` (or the older `kubernetes.io/ingress.class` annotation) the Ingress is served only if the cluster marks a default IngressClass; otherwise no controller picks it up, or with several controllers the wrong one does. Not reported when the workspace defines a default IngressClass.",
    bad: INGRESS.replace('CLASS', ''),
    good: INGRESS.replace('CLASS', '  ingressClassName: nginx\n'),
  },
  check({ file, workspace }) {
    // A default IngressClass (is-default-class: "true") in the manifests serves class-less Ingresses.
    if (workspaceIndex(workspace).ofKind('IngressClass').some((o) => stringMapAt(o.root, ['metadata', 'annotations'])?.['ingressclass.kubernetes.io/is-default-class'] === 'true')) return [];
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      if (obj.kind !== 'Ingress') continue;
      if (scalarAt(obj.root, ['spec', 'ingressClassName']) || stringMapAt(obj.root, ['metadata', 'annotations'])?.['kubernetes.io/ingress.class']) continue;
      const at = pairOf(obj.root, 'spec')?.key ?? nodeAt(obj.root, ['kind'])!;
      hits.push({
        message: `Ingress ${obj.name ?? '(unnamed)'} sets no spec.ingressClassName, so it is served only by a default IngressClass; name the class of your ingress controller.`,
        range: file.nodeRange(obj.doc, at),
        data: { doc: obj.doc.index },
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'add-class',
      title: () => 'Add ingressClassName: nginx (adjust to your ingress controller)',
      safe: false,
      apply(input, finding) {
        const found = relocate(input, finding);
        if (!found) return null;
        const { file, obj } = found;
        const spec = mapAt(obj.root, ['spec']);
        if (!isMap(spec) || pairOf(spec, 'ingressClassName')) return null;
        const edit = addEntry(file, obj.doc, spec, 'ingressClassName', 'nginx');
        return edit && { edits: [edit] };
      },
    },
  ],
};
