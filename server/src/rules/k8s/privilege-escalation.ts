import { isScalar } from 'yaml';
import { nodeAt, seqAt, scalarAt, type PathKey } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { replaceNode } from '../../core/k8s/yaml-edit';
import { allContainers, containerTitle } from '../../core/k8s/pod-containers';
import { relocate } from '../../core/k8s/relocate';

export const privilegeEscalation: ManifestRule = {
  id: 'privilege-escalation',
  aliases: ['kube-linter:privilege-escalation-container'],
  severity: 'warning',
  category: 'security',
  scope: 'object',
  docs: {
    summary: 'A container with `allowPrivilegeEscalation: true`.',
    why: 'With privilege escalation allowed, a setuid binary or file capability in the image lets a process gain more privileges than the container started with (`no_new_privs` is not set). Few applications need it; the restricted Pod Security Standard requires `false`.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: true\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: false\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const { obj, c } of allContainers(file, true)) {
      const node = nodeAt(c.map, ['securityContext', 'allowPrivilegeEscalation']);
      if (!isScalar(node) || node.value !== true) continue;
      hits.push({
        message: `${containerTitle(c)} allows privilege escalation; set allowPrivilegeEscalation: false unless it relies on setuid binaries.`,
        range: file.nodeRange(obj.doc, node),
        data: { doc: obj.doc.index, path: [...c.path, 'securityContext', 'allowPrivilegeEscalation'] },
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'disallow-privilege-escalation',
      title: () => 'Set allowPrivilegeEscalation: false',
      safe: true,
      preferred: true,
      apply(input, finding) {
        const found = relocate(input, finding);
        if (!found || !isScalar(found.node) || found.node.value !== true) return null;
        // The API server rejects `false` together with privileged: true or an added CAP_SYS_ADMIN.
        const sc = (finding.data!.path as PathKey[]).slice(0, -1);
        const caps = seqAt(found.obj.root, [...sc, 'capabilities', 'add']).map((n) => (isScalar(n) ? String(n.value) : ''));
        if (scalarAt(found.obj.root, [...sc, 'privileged']) === true || caps.some((cap) => /^(CAP_)?SYS_ADMIN$/.test(cap))) return null;
        return { edits: [replaceNode(found.file, found.obj.doc, found.node, 'false')] };
      },
    },
  ],
};
