// unsafe-proc-mount (kube-linter:unsafe-proc-mount, off by default): a container with `procMount: Unmasked`.
// Fix: procMount: Default (unsafe: a container that runs nested containers may need the unmasked /proc).
import { isScalar } from 'yaml';
import { nodeAt } from '../../core/k8s/object';
import { allContainers, containerTitle } from '../../core/k8s/pod-containers';
import { relocate } from '../../core/k8s/relocate';
import { replaceNode } from '../../core/k8s/yaml-edit';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const unsafeProcMount: ManifestRule = {
  id: 'unsafe-proc-mount',
  aliases: ['kube-linter:unsafe-proc-mount'],
  severity: 'warning',
  category: 'security',
  scope: 'object',
  offByDefault: true,
  docs: {
    summary: 'A container with `securityContext.procMount: Unmasked`.',
    why: "By default the container runtime masks and makes read-only the parts of `/proc` that expose the node's kernel (`/proc/kcore`, `/proc/sysrq-trigger`, `/proc/sys` …). `Unmasked` removes that protection; only nested container runtimes in user-namespaced pods need it. The baseline Pod Security Standard allows only `Default`.",
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      securityContext:\n        procMount: Unmasked\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      securityContext:\n        procMount: Default\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const { obj, c } of allContainers(file, true)) {
      const node = nodeAt(c.map, ['securityContext', 'procMount']);
      if (!isScalar(node) || node.value !== 'Unmasked') continue;
      hits.push({
        message: `${containerTitle(c)} sees the node's /proc unmasked (procMount: Unmasked); use procMount: Default unless it runs nested containers.`,
        range: file.nodeRange(obj.doc, node),
        data: { doc: obj.doc.index, path: [...c.path, 'securityContext', 'procMount'] },
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'default-proc-mount',
      title: () => 'Set procMount: Default',
      safe: false,
      apply(input, finding) {
        const found = relocate(input, finding);
        if (!found || !isScalar(found.node) || found.node.value !== 'Unmasked') return null;
        return { edits: [replaceNode(found.file, found.obj.doc, found.node, 'Default')] };
      },
    },
  ],
};
