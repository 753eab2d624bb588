import { isMap, isScalar, isSeq } from 'yaml';
import { nodeAt, scalarAt, seqAt, type PathKey } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { allContainers, containerLabel } from '../../core/k8s/pod-containers';
import { relocate } from '../../core/k8s/relocate';
import { removeSeqItem } from '../../core/k8s/yaml-edit';

export const duplicateEnv: ManifestRule = {
  id: 'duplicate-env',
  aliases: ['kube-linter:duplicate-env-var'],
  severity: 'warning',
  category: 'correctness',
  scope: 'object',
  docs: {
    summary: "The same environment variable twice in a container's `env`.",
    why: 'The later entry silently wins, so the earlier value is dead configuration that misleads readers, and server-side apply rejects the list (`duplicate entries for key [name=…]`) because `env` is keyed by name.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      env:\n        - name: LOG_LEVEL\n          value: info\n        - name: LOG_LEVEL\n          value: debug\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      env:\n        - name: LOG_LEVEL\n          value: debug\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const { obj, c } of allContainers(file, true)) {
      const last = new Map<string, number>();
      seqAt(c.map, ['env']).forEach((item, i) => {
        const name = isMap(item) ? item.get('name', true) : undefined;
        if (!isScalar(name) || typeof name.value !== 'string') return;
        const earlier = last.get(name.value);
        last.set(name.value, i);
        if (earlier === undefined) return;
        hits.push({
          message: `${name.value} is set twice in the env of ${containerLabel(c)}; the later entry wins, remove the earlier one.`,
          range: file.nodeRange(obj.doc, name),
          data: { doc: obj.doc.index, path: [...c.path, 'env'], name: name.value, earlier, later: i },
        });
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'remove-earlier-env',
      title: (f) => `Remove the earlier ${String(f.data?.name)} entry`,
      safe: true,
      preferred: true,
      apply(input, finding) {
        const found = relocate(input, finding);
        const { name, earlier, later } = finding.data as { name: string; earlier: number; later: number };
        if (!found || !isSeq(found.node) || found.node.flow) return null;
        const envPath = finding.data!.path as PathKey[];
        if (scalarAt(found.obj.root, [...envPath, earlier, 'name']) !== name || scalarAt(found.obj.root, [...envPath, later, 'name']) !== name) return null;
        // An entry in between that expands $(NAME) sees the earlier value; removing it would change that entry.
        for (let i = earlier + 1; i < later; i++) {
          const value = scalarAt(found.obj.root, [...envPath, i, 'value']);
          if (typeof value === 'string' && value.includes(`$(${name})`)) return null;
        }
        const item = nodeAt(found.node, [earlier]);
        const edit = item && removeSeqItem(found.file, found.obj.doc, item);
        return edit ? { edits: [edit] } : null;
      },
    },
  ],
};
