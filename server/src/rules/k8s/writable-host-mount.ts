// writable-host-mount (kube-linter:writable-host-mount, off by default): a container that mounts a hostPath volume
// without `readOnly: true`. Fix: set readOnly: true on the mount (unsafe: the container may need to write).
import { isScalar, isSeq } from 'yaml';
import { mapAt, nodeAt, type PathKey } from '../../core/k8s/object';
import { hostPathMounts } from '../../core/k8s/pod-security';
import { containerTitle } from '../../core/k8s/pod-containers';
import { relocate } from '../../core/k8s/relocate';
import { replaceNode } from '../../core/k8s/yaml-edit';
import { mergeMap } from '../../core/k8s/yaml-merge';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const writableHostMount: ManifestRule = {
  id: 'writable-host-mount',
  aliases: ['kube-linter:writable-host-mount'],
  severity: 'warning',
  category: 'security',
  scope: 'object',
  offByDefault: true,
  docs: {
    summary: 'A container that mounts a hostPath volume writable (no `readOnly: true` on the volume mount).',
    why: "A writable host directory lets the container change files on the node that outlive the pod and that other pods or the node itself read: planting a binary, a cron job or a kubelet configuration. If the container only reads the host's files, mount them with `readOnly: true`.",
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: logs\nspec:\n  containers:\n    - name: shipper\n      image: fluent/fluent-bit:3.1\n      volumeMounts:\n        - name: varlog\n          mountPath: /var/log\n  volumes:\n    - name: varlog\n      hostPath:\n        path: /var/log\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: logs\nspec:\n  containers:\n    - name: shipper\n      image: fluent/fluent-bit:3.1\n      volumeMounts:\n        - name: varlog\n          mountPath: /var/log\n          readOnly: true\n  volumes:\n    - name: varlog\n      hostPath:\n        path: /var/log\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const { obj, c, mount, hostPath } of hostPathMounts(file)) {
      const readOnly = nodeAt(mount, ['readOnly']);
      if (isScalar(readOnly) && readOnly.value === true) continue;
      const mounts = c.map.get('volumeMounts', true);
      const index = isSeq(mounts) ? mounts.items.indexOf(mount) : -1;
      hits.push({
        message: `${containerTitle(c)} mounts the host path ${hostPath || '(unnamed)'} writable; add readOnly: true if it only reads it.`,
        range: file.nodeRange(obj.doc, nodeAt(mount, ['name'])!),
        data: { doc: obj.doc.index, path: [...c.path, 'volumeMounts', index] },
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'mount-read-only',
      title: () => 'Mount the host path read-only (readOnly: true)',
      safe: false,
      apply(input, finding) {
        const found = relocate(input, finding);
        const mount = found && mapAt(found.obj.root, finding.data!.path as PathKey[]);
        if (!found || !mount) return null;
        const existing = nodeAt(mount, ['readOnly']);
        if (existing) return isScalar(existing) && existing.value !== true ? { edits: [replaceNode(found.file, found.obj.doc, existing, 'true')] } : null;
        const edits = mergeMap(found.file, found.obj.doc, mount, { readOnly: 'true' });
        return edits?.length ? { edits } : null;
      },
    },
  ],
};
