// kustomization-invalid: what `kubectl kustomize` would fail on or silently ignore in a kustomization — listed
// resources, components and patches that do not exist, and patches whose target matches no resource.
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { entryPath, pathExists, readKustomization, resourceObjects, targetMatches } from '../../core/k8s/kustomize';

const WHAT = { resources: 'resource', bases: 'base', components: 'component', crds: 'CRD file', patches: 'patch', patchesStrategicMerge: 'patch', patchesJson6902: 'patch' } as const;

export const kustomizationInvalid: ManifestRule = {
  id: 'kustomization-invalid',
  aliases: [],
  severity: 'error',
  severityNote: 'warning for a patch whose target selector matches no resource (kustomize skips it silently)',
  category: 'correctness',
  docs: {
    summary: 'A kustomization that lists files that do not exist, or patches that apply to nothing.',
    why: '`kubectl kustomize` (and `kubectl apply -k`) stops at the first resource, component or patch file it cannot open, so the whole overlay fails to build. A patch whose target names no object of the resources is not an error for kustomize: it is silently skipped, and the change it was meant to make (a replica count, an image, a limit) never reaches the cluster.',
    bad: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - deployment-that-is-not-there.yaml\n',
    good: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - https://github.com/kubernetes-sigs/kustomize//examples/helloWorld?ref=v5.4.2\nnamePrefix: dev-\n',
  },
  check({ file, workspace }) {
    const k = readKustomization(file);
    if (!k) return [];
    const hits: RuleHit[] = [];
    let missing = false;
    for (const e of k.entries) {
      const abs = entryPath(k, e);
      if (!abs || pathExists(workspace, abs)) continue;
      missing = true;
      hits.push({
        message: `${WHAT[e.field]} "${e.value}" listed in ${e.field} does not exist (kubectl kustomize fails: no such file or directory).`,
        range: file.nodeRange(k.doc, e.node),
        data: { doc: k.doc.index },
      });
    }
    const patches = k.entries.filter((e) => e.field === 'patches' || e.field === 'patchesJson6902' || e.field === 'patchesStrategicMerge');
    // Targets are checked only when every resource could be read from the workspace (none remote, none missing).
    const objects = missing || !patches.length ? undefined : resourceObjects(workspace, k);
    if (!objects) return hits;
    for (const e of patches) {
      if (e.target) {
        if (objects.some((o) => targetMatches(e.target!, o))) continue;
        const sel = [e.target.kind, e.target.name].filter(Boolean).join(' ') || 'target';
        hits.push({
          message: `The patch target ${sel} matches no object of the kustomization's resources; kustomize skips the patch.`,
          range: file.nodeRange(k.doc, e.target.node),
          severity: 'warning',
          data: { doc: k.doc.index },
        });
        continue;
      }
      // A strategic-merge patch file names its target by its own kind and name.
      const abs = entryPath(k, e);
      const patchFile = abs ? workspace.file(abs) : undefined;
      for (const p of patchFile?.objects ?? []) {
        // A base's own namePrefix may be written in the patch: the name ending in the source name counts.
        if (!p.name || objects.some((o) => o.kind === p.kind && !!o.name && p.name!.endsWith(o.name))) continue;
        hits.push({
          message: `The patch ${e.value} is for ${p.kind} ${p.name}, which no resource of the kustomization defines (kubectl kustomize fails: no resource matches strategic merge patch).`,
          range: file.nodeRange(k.doc, e.node),
          data: { doc: k.doc.index },
        });
      }
    }
    return hits;
  },
};
