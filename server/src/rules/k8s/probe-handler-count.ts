import { isMap, type YAMLMap } from 'yaml';
import { fieldPath } from '../../core/k8s/api-validation';
import { containers, mapAt, pairOf } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

export const probeHandlerCount: ManifestRule = {
  id: 'probe-handler-count',
  aliases: [],
  severity: 'error',
  category: 'reliability',
  scope: 'object',
  docs: {
    summary: 'A probe or lifecycle hook with no action, or with more than one (exec, httpGet, tcpSocket, grpc).',
    why: 'Each probe and each lifecycle hook runs exactly one action. One with none (only timing fields, or a misspelt `httpget:`) or with two (an `exec` left in when an `httpGet` was added) is refused by the API server: "must specify a handler type" / "may not specify more than 1 handler type".',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      readinessProbe:\n        httpGet:\n          path: /ready\n          port: 80\n        tcpSocket:\n          port: 80\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      readinessProbe:\n        httpGet:\n          path: /ready\n          port: 80\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    const count = (map: YAMLMap, handlers: string[]) => handlers.filter((h) => map.has(h));
    for (const obj of file.objects) {
      for (const c of containers(obj, true)) {
        const handlers: Array<[string[], string[]]> = [
          ...['livenessProbe', 'readinessProbe', 'startupProbe'].map((p): [string[], string[]] => [[p], PROBE_HANDLERS]),
          [['lifecycle', 'postStart'], LIFECYCLE_HANDLERS],
          [['lifecycle', 'preStop'], LIFECYCLE_HANDLERS],
        ];
        for (const [path, kinds] of handlers) {
          const map = mapAt(c.map, path);
          if (!isMap(map)) continue;
          const found = count(map, kinds);
          const keyNode = pairOf(mapAt(c.map, path.slice(0, -1)) ?? c.map, path[path.length - 1])?.key;
          const where = fieldPath([...c.path, ...path]);
          if (found.length === 0) hits.push({ message: `${where}: Required value: must specify a handler type (${kinds.join(', ')})`, range: file.nodeRange(obj.doc, (keyNode ?? map) as never) });
          else if (found.length > 1) hits.push({ message: `${where}.${found[1]}: Forbidden: may not specify more than 1 handler type (it has ${found.join(' and ')})`, range: file.nodeRange(obj.doc, (pairOf(map, found[1])?.key ?? map) as never) });
        }
      }
    }
    return hits;
  },
};
