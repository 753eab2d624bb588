import { isMap, isScalar } from 'yaml';
import { fieldPath, isTemplated } from '../../core/k8s/api-validation';
import { nodeAt, seqAt } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

const PATH_TYPES = ['Exact', 'Prefix', 'ImplementationSpecific'];
// Sequences the API server refuses in Exact and Prefix paths.
const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];

export const ingressInvalidPath: ManifestRule = {
  id: 'ingress-invalid-path',
  aliases: [],
  severity: 'error',
  severityNote: 'warning for regex characters in an Exact or Prefix path, which the API server accepts and ingress-nginx refuses',
  category: 'networking',
  scope: 'object',
  docs: {
    summary: 'An Ingress path that does not start with `/`, a missing or unknown pathType, or an Exact/Prefix path with `//`, `/./`, `/../`, an encoded slash or regex characters.',
    why: 'In networking.k8s.io/v1 every path needs a `pathType` (`Exact`, `Prefix` or `ImplementationSpecific`) and must be absolute. `Exact` and `Prefix` paths are matched literally, so the API server refuses dot segments and encoded slashes in them, and controllers such as ingress-nginx refuse regex characters (`(`, `*`, `$` …): regex paths need `ImplementationSpecific` with the controller\'s regex annotation.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n    - http:\n        paths:\n          - path: api\n            pathType: Prefix\n            backend:\n              service:\n                name: api\n                port:\n                  number: 80\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /api\n            pathType: Prefix\n            backend:\n              service:\n                name: api\n                port:\n                  number: 80\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      if (obj.kind !== 'Ingress' || !obj.apiVersion.startsWith('networking.k8s.io/')) continue;
      seqAt(obj.root, ['spec', 'rules']).forEach((rule, r) => {
        seqAt(rule, ['http', 'paths']).forEach((p, i) => {
          if (!isMap(p)) return;
          const where = ['spec', 'rules', r, 'http', 'paths', i];
          const path = p.get('path', true);
          const type = p.get('pathType', true);
          const typeValue = isScalar(type) ? String(type.value) : undefined;
          if (type === undefined && obj.apiVersion === 'networking.k8s.io/v1') {
            hits.push({ message: `${fieldPath([...where, 'pathType'])}: Required value: pathType must be specified`, range: file.nodeRange(obj.doc, (path ?? nodeAt(p, ['backend']) ?? p) as never) });
          } else if (isScalar(type) && typeValue && !PATH_TYPES.includes(typeValue)) {
            hits.push({ message: `${fieldPath([...where, 'pathType'])}: Unsupported value: ${JSON.stringify(typeValue)}: supported values: "Exact", "ImplementationSpecific", "Prefix"`, range: file.nodeRange(obj.doc, type) });
          }
          if (!isScalar(path) || typeof path.value !== 'string' || isTemplated(path.value)) return;
          const value = path.value;
          const at = fieldPath([...where, 'path']);
          if (!value.startsWith('/') && (value !== '' || typeValue !== 'ImplementationSpecific')) {
            hits.push({ message: `${at}: Invalid value: ${JSON.stringify(value)}: must be an absolute path`, range: file.nodeRange(obj.doc, path) });
            return;
          }
          if (typeValue !== 'Exact' && typeValue !== 'Prefix') return;
          const bad = INVALID_SEQUENCES.find((s) => value.includes(s)) ?? (value.endsWith('/..') || value.endsWith('/.') ? value.slice(value.lastIndexOf('/')) : undefined);
          if (bad) hits.push({ message: `${at}: Invalid value: ${JSON.stringify(value)}: must not contain '${bad}'`, range: file.nodeRange(obj.doc, path) });
          else if (/[()[\]{}*+?|^$\\]/.test(value)) {
            hits.push({ message: `${at}: ${JSON.stringify(value)} has regex characters, which a ${typeValue} path matches literally (ingress-nginx refuses it); use pathType ImplementationSpecific with the controller's regex support`, range: file.nodeRange(obj.doc, path), severity: 'warning' });
          }
        });
      });
    }
    return hits;
  },
};
