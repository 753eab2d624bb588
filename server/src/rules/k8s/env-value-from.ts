// env-value-from (kube-linter:env-value-from, off by default): an env valueFrom.configMapKeyRef / secretKeyRef to
// a ConfigMap or Secret, or a key of one, that the workspace does not have. Sure when the object is in the
// workspace without the key, or only in another namespace; a hint (information) when the workspace holds other
// objects of that kind in the namespace but not this one, which may come from a generator or another tool.
import { isMap, isScalar, type Node } from 'yaml';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { mapAt, seqAt, type PathKey } from '../../core/k8s/object';
import type { K8sObject } from '../../core/k8s/parse';
import { allContainers, containerLabel } from '../../core/k8s/pod-containers';
import { closestName } from '../../core/k8s/references';
import { relocate } from '../../core/k8s/relocate';
import { replaceNode } from '../../core/k8s/yaml-edit';
import { workspaceIndex } from '../../core/k8s/workspace-index';

const REFS = { configMapKeyRef: { kind: 'ConfigMap', maps: ['data', 'binaryData'] }, secretKeyRef: { kind: 'Secret', maps: ['data', 'stringData'] } } as const;

/** The keys a ConfigMap or Secret defines. */
function keysOf(obj: K8sObject, maps: readonly string[]): string[] {
  return maps.flatMap((m) => mapAt(obj.root, [m])?.items.flatMap((p) => (isScalar(p.key) ? [String(p.key.value)] : [])) ?? []);
}

/** The first object of each name (any namespace), to say where a missing reference is defined instead. */
function firstByName(objects: readonly K8sObject[]): Map<string, K8sObject> {
  const byName = new Map<string, K8sObject>();
  for (const o of objects) if (o.name !== undefined && !byName.has(o.name)) byName.set(o.name, o);
  return byName;
}

const EXAMPLE = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api-config\ndata:\n  log-level: info\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      image: example/api:1.4\n      env:\n        - name: LOG_LEVEL\n          valueFrom:\n            configMapKeyRef:\n              name: api-config\n              key: KEY\n';

export const envValueFrom: ManifestRule = {
  id: 'env-value-from',
  aliases: ['kube-linter:env-value-from'],
  severity: 'warning',
  severityNote: 'information when the workspace has other objects of that kind in the namespace but not the one named',
  category: 'correctness',
  offByDefault: true,
  docs: {
    summary: 'An env `configMapKeyRef` or `secretKeyRef` to a ConfigMap, Secret or key the workspace does not have.',
    why: 'A pod whose non-optional reference does not resolve never starts: its container stays in `CreateContainerConfigError` (`couldn\'t find key … in ConfigMap …`) while the rest of the rollout waits. References marked `optional: true` are skipped; a missing object is reported only when the workspace defines objects of that kind, since generators (Kustomize, Helm, operators) often create them.',
    bad: EXAMPLE.replace('KEY', 'loglevel'),
    good: EXAMPLE.replace('KEY', 'log-level'),
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    const index = workspaceIndex(workspace);
    for (const { obj, c } of allContainers(file, true)) {
      seqAt(c.map, ['env']).forEach((item, i) => {
        const from = isMap(item) ? item.get('valueFrom', true) : undefined;
        if (!isMap(from)) return;
        for (const [field, { kind, maps }] of Object.entries(REFS)) {
          const ref = from.get(field, true);
          if (!isMap(ref) || ref.get('optional') === true) continue;
          const nameNode = ref.get('name', true);
          const keyNode = ref.get('key', true);
          if (!isScalar(nameNode) || typeof nameNode.value !== 'string' || !isScalar(keyNode) || typeof keyNode.value !== 'string') continue;
          const name = nameNode.value;
          const key = keyNode.value;
          const ns = obj.namespace;
          const path: PathKey[] = [...c.path, 'env', i, 'valueFrom', field];
          const hit = (node: Node, message: string, near?: string, severity?: 'info') =>
            hits.push({ message, range: file.nodeRange(obj.doc, node), severity, data: { doc: obj.doc.index, path: [...path, node === keyNode ? 'key' : 'name'], old: String((node as { value?: unknown }).value), near } });
          const target = index.find(kind, name, ns);
          if (target) {
            const keys = keysOf(target, maps);
            if (keys.includes(key)) continue;
            const near = closestName(key, keys);
            hit(keyNode, `${kind} ${name} has no key ${key}${near ? `; did you mean ${near}?` : '.'} The ${containerLabel(c)} of ${obj.kind} ${obj.name ?? '(unnamed)'} will not start (CreateContainerConfigError); fix the key or mark the reference optional.`, near);
            continue;
          }
          const elsewhere = index.memo('env-value-from', kind, () => firstByName(index.ofKind(kind))).get(name);
          const here = index.of(kind, ns);
          if (!elsewhere && !here.length) continue;
          const near = closestName(name, here.map((o) => o.name).filter((n): n is string => !!n));
          if (elsewhere) {
            hit(nameNode, `${kind} ${name} is defined in namespace ${elsewhere.namespace}, not in ${ns} where ${obj.kind} ${obj.name ?? '(unnamed)'} runs; a pod can only read its own namespace's ${kind}s.`, near);
          } else {
            hit(nameNode, `No ${kind} ${name} among the ${here.length} of namespace ${ns} in the workspace${near ? `; did you mean ${near}?` : '.'} If nothing else creates it, ${containerLabel(c)} will not start.`, near, 'info');
          }
        }
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'use-closest-reference',
      title: (f) => `Use ${String(f.data?.near)}`,
      // The object or key may be missing rather than misspelt: a reviewer decides.
      safe: false,
      apply(input, finding) {
        const near = finding.data?.near;
        const found = relocate(input, finding);
        if (typeof near !== 'string' || !found || !isScalar(found.node) || String(found.node.value) !== finding.data!.old) return null;
        return { edits: [replaceNode(found.file, found.obj.doc, found.node, near)] };
      },
    },
  ],
};
