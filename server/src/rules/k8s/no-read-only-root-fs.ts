// no-read-only-root-fs (kube-linter:no-read-only-root-fs): a container without `readOnlyRootFilesystem: true` in its
// own securityContext (the pod securityContext has no such field). Fix: set it (unsafe: the app may write to its
// filesystem and then needs an emptyDir for those paths).
import { isScalar } from 'yaml';
import { mapAt, nodeAt, type PathKey } from '../../core/k8s/object';
import { allContainers, containerRange, containerTitle } from '../../core/k8s/pod-containers';
import { relocate } from '../../core/k8s/relocate';
import { replaceNode } from '../../core/k8s/yaml-edit';
import { mergeMap } from '../../core/k8s/yaml-merge';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const noReadOnlyRootFs: ManifestRule = {
  id: 'no-read-only-root-fs',
  aliases: ['kube-linter:no-read-only-root-fs'],
  severity: 'info',
  category: 'security',
  scope: 'object',
  docs: {
    summary: 'A container without `securityContext.readOnlyRootFilesystem: true`.',
    why: "With a writable root filesystem, an attacker who gets code running in the container can replace its binaries and libraries or drop tools that survive until the container restarts. A read-only root makes the image immutable at run time; mount an `emptyDir` at the paths the application really writes (`/tmp`, caches).",
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      image: ghcr.io/example/api:1.4\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      image: ghcr.io/example/api:1.4\n      securityContext:\n        readOnlyRootFilesystem: true\n      volumeMounts:\n        - name: tmp\n          mountPath: /tmp\n  volumes:\n    - name: tmp\n      emptyDir: {}\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const { obj, c } of allContainers(file, true)) {
      const node = nodeAt(c.map, ['securityContext', 'readOnlyRootFilesystem']);
      if (isScalar(node) && node.value === true) continue;
      hits.push({
        message: `${containerTitle(c)} has a writable root filesystem; set readOnlyRootFilesystem: true and mount an emptyDir where it writes.`,
        range: node ? file.nodeRange(obj.doc, node) : containerRange(file, obj, c),
        data: { doc: obj.doc.index, path: c.path },
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'read-only-root-fs',
      title: () => 'Set readOnlyRootFilesystem: true',
      safe: false,
      apply(input, finding) {
        const found = relocate(input, finding);
        const container = found && mapAt(found.obj.root, finding.data!.path as PathKey[]);
        if (!found || !container) return null;
        const existing = nodeAt(container, ['securityContext', 'readOnlyRootFilesystem']);
        if (existing) return isScalar(existing) && existing.value !== true ? { edits: [replaceNode(found.file, found.obj.doc, existing, 'true')] } : null;
        const edits = mergeMap(found.file, found.obj.doc, container, { securityContext: { readOnlyRootFilesystem: 'true' } });
        return edits?.length ? { edits } : null;
      },
    },
  ],
};
