import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { mapAt, nodeAt, pairOf, seqAt } from '../../core/k8s/object';
import { relocate } from '../../core/k8s/relocate';
import { addEntry, replaceNode } from '../../core/k8s/yaml-edit';
import { yamlScalar } from '../../core/k8s/yaml-write';
import type { K8sObject } from '../../core/k8s/parse';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit, TextEdit } from '../../core/types';

const REWRITE = 'nginx.ingress.kubernetes.io/rewrite-target';
const USE_REGEX = 'nginx.ingress.kubernetes.io/use-regex';

/** The non-root plain paths of an Ingress (its path nodes and pathType nodes) that a `rewrite-target: /` flattens. */
function flattenedPaths(obj: K8sObject): Array<{ path: Node & { value: string }; type?: Node }> {
  const found: Array<{ path: Node & { value: string }; type?: Node }> = [];
  for (const rule of seqAt(obj.root, ['spec', 'rules'])) {
    for (const p of seqAt(rule, ['http', 'paths'])) {
      if (!isMap(p)) continue;
      const path = p.get('path', true);
      const type = p.get('pathType', true);
      if (!isScalar(path) || typeof path.value !== 'string') continue;
      // A regex path (capture groups) already says what to keep; `/` has nothing to drop.
      if (path.value === '/' || /[()[\]*+?|^$\\]/.test(path.value)) continue;
      found.push({ path: path as Node & { value: string }, type: isScalar(type) ? type : undefined });
    }
  }
  return found;
}

function rewriteNode(obj: K8sObject): Node | undefined {
  const node = nodeAt(obj.root, ['metadata', 'annotations', REWRITE]);
  return isScalar(node) && node.value === '/' ? node : undefined;
}

export const ingressRewriteDropsPath: ManifestRule = {
  id: 'ingress-rewrite-drops-path',
  aliases: [],
  severity: 'warning',
  category: 'networking',
  scope: 'object',
  docs: {
    summary: 'An ingress-nginx `rewrite-target: /` on an Ingress with a non-root path: every request under the path reaches the backend as `/`.',
    why: 'With `nginx.ingress.kubernetes.io/rewrite-target: /`, ingress-nginx replaces the whole matched URI with `/`: a request for `/v1/users/7` on a `/v1` path reaches the backend as `/`, so every page of the service answers as its home page — a classic surprise when moving an app under a path prefix. Keep the rest of the path with a capture group: `use-regex: "true"`, path `/v1(/|$)(.*)` with pathType ImplementationSpecific, and `rewrite-target: /$2`.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: api\n  annotations:\n    nginx.ingress.kubernetes.io/rewrite-target: /\nspec:\n  ingressClassName: nginx\n  rules:\n    - http:\n        paths:\n          - path: /v1\n            pathType: Prefix\n            backend:\n              service:\n                name: api\n                port:\n                  number: 80\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: api\n  annotations:\n    nginx.ingress.kubernetes.io/use-regex: "true"\n    nginx.ingress.kubernetes.io/rewrite-target: /$2\nspec:\n  ingressClassName: nginx\n  rules:\n    - http:\n        paths:\n          - path: /v1(/|$)(.*)\n            pathType: ImplementationSpecific\n            backend:\n              service:\n                name: api\n                port:\n                  number: 80\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      if (obj.kind !== 'Ingress') continue;
      const rewrite = rewriteNode(obj);
      if (!rewrite) continue;
      const paths = flattenedPaths(obj);
      if (!paths.length) continue;
      const example = paths[0].path.value.replace(/\/$/, '');
      hits.push({
        message: `rewrite-target "/" replaces the whole path: a request for ${example}/users/7 reaches the backend as "/" (${paths.map((p) => p.path.value).join(', ')}); capture the rest of the path and rewrite to /$2`,
        range: file.nodeRange(obj.doc, rewrite),
        data: { doc: obj.doc.index },
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'capture-rest-of-path',
      title: () => 'Keep the rest of the path: regex paths with a capture group, rewrite-target /$2',
      safe: false,
      preferred: true,
      apply(input, finding) {
        const found = relocate(input, finding);
        if (!found) return null;
        const { file, obj } = found;
        const rewrite = rewriteNode(obj);
        const annotations = mapAt(obj.root, ['metadata', 'annotations']);
        if (!rewrite || !isMap(annotations)) return null;
        const edits: TextEdit[] = [replaceNode(file, obj.doc, rewrite, '/$2')];
        const useRegex = pairOf(annotations as YAMLMap, USE_REGEX);
        if (!useRegex) {
          const add = addEntry(file, obj.doc, annotations, USE_REGEX, '"true"');
          if (!add) return null;
          edits.push(add);
        } else if (isScalar(useRegex.value) && String(useRegex.value.value) !== 'true') edits.push(replaceNode(file, obj.doc, useRegex.value, '"true"'));
        for (const { path, type } of flattenedPaths(obj)) {
          edits.push(replaceNode(file, obj.doc, path, yamlScalar(`${path.value.replace(/\/$/, '')}(/|$)(.*)`)));
          if (type) edits.push(replaceNode(file, obj.doc, type, 'ImplementationSpecific'));
        }
        return { edits };
      },
    },
  ],
};
