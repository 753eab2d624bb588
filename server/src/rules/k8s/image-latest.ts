import { isScalar } from 'yaml';
import { scalarAt, seqAt } from '../../core/k8s/object';
import type { Workspace } from '../../core/k8s/workspace';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { workspaceIndex } from '../../core/k8s/workspace-index';
import { allContainers, containerLabel } from '../../core/k8s/pod-containers';

/** Repository and tag of an image reference without a digest (`localhost:5000/app` has no tag). */
function splitImage(image: string): { repo: string; tag?: string } {
  const slash = image.lastIndexOf('/');
  const colon = image.indexOf(':', slash + 1);
  return colon < 0 ? { repo: image } : { repo: image.slice(0, colon), tag: image.slice(colon + 1) };
}

/** Images a kustomization in the workspace retags (`images: [{name, newTag | digest}]`): their base tag does not matter. */
function kustomizedImages(workspace: Workspace): Set<string> {
  const out = new Set<string>();
  for (const o of workspaceIndex(workspace).ofKind('Kustomization')) {
    if (!o.apiVersion.startsWith('kustomize.config.k8s.io/')) continue;
    for (const img of seqAt(o.root, ['images'])) {
      const name = scalarAt(img, ['name']);
      const tag = scalarAt(img, ['newTag']) ?? scalarAt(img, ['digest']);
      if (typeof name === 'string' && tag !== undefined && tag !== 'latest') out.add(name);
    }
  }
  return out;
}

export const imageLatest: ManifestRule = {
  id: 'image-latest',
  aliases: ['kube-linter:latest-tag'],
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary: 'A container image without a tag, or tagged `:latest`, and no digest.',
    why: 'Every node pulls whatever `latest` is when it starts the pod, so replicas of one Deployment run different code, a rollback redeploys the new image, and `imagePullPolicy` defaults to `Always` (a registry outage stops pods from starting). Pin a version tag or a digest.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27.3\n',
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    let retagged: Set<string> | undefined;
    for (const { obj, c } of allContainers(file, true)) {
      const node = c.map.get('image', true);
      if (!isScalar(node) || typeof node.value !== 'string') continue;
      const image = node.value.trim();
      // Digests pin the content; `$IMAGE`-style placeholders are filled in by a pipeline before applying.
      if (!image || image.includes('@') || image.includes('$')) continue;
      const { repo, tag } = splitImage(image);
      if (tag !== undefined && tag !== 'latest') continue;
      retagged ??= kustomizedImages(workspace);
      if (retagged.has(repo)) continue;
      const why = tag ? 'is tagged `latest`' : 'has no tag, so it means `latest`';
      hits.push({
        message: `The image \`${image}\` of ${containerLabel(c)} ${why}; pin a version tag or a digest so every node runs the same image.`,
        range: file.nodeRange(obj.doc, node),
        data: { repo, tag: tag ?? null },
      });
    }
    return hits;
  },
};
