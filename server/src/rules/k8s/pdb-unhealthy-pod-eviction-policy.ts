// pdb-unhealthy-pod-eviction-policy (kube-linter:pdb-unhealthy-pod-eviction-policy): a policy/v1
// PodDisruptionBudget that does not set spec.unhealthyPodEvictionPolicy. Fix (unsafe, it changes what may be
// evicted): kube-linter's remediation, unhealthyPodEvictionPolicy: AlwaysAllow.
import { mapAt, pairOf } from '../../core/k8s/object';
import { metadataAnchor } from '../../core/k8s/pod-spec';
import { relocate } from '../../core/k8s/relocate';
import { mergeMap } from '../../core/k8s/yaml-merge';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

const PDB = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: web\n';

export const pdbUnhealthyPodEvictionPolicy: ManifestRule = {
  id: 'pdb-unhealthy-pod-eviction-policy',
  aliases: ['kube-linter:pdb-unhealthy-pod-eviction-policy'],
  severity: 'info',
  category: 'reliability',
  scope: 'object',
  docs: {
    summary: 'A PodDisruptionBudget (policy/v1) without `spec.unhealthyPodEvictionPolicy`.',
    why: 'By default (`IfHealthyBudget`) a pod that is running but not ready may only be evicted while the budget is met. When an application is broken, its unready pods then count against the budget and block `kubectl drain` and node upgrades. `AlwaysAllow` lets unready pods be evicted, which is what most applications want; set the policy explicitly either way.',
    bad: PDB,
    good: `${PDB}  unhealthyPodEvictionPolicy: AlwaysAllow\n`,
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      if (obj.kind !== 'PodDisruptionBudget' || obj.apiVersion !== 'policy/v1') continue;
      const spec = pairOf(obj.root, 'spec');
      if (spec && mapAt(obj.root, ['spec'])?.has('unhealthyPodEvictionPolicy')) continue;
      hits.push({
        message: `PodDisruptionBudget ${obj.name ?? '(unnamed)'} does not set unhealthyPodEvictionPolicy, so unready pods count against the budget and can block node drains; set it (AlwaysAllow lets them be evicted).`,
        range: file.nodeRange(obj.doc, spec?.key ?? metadataAnchor(obj)),
        data: { doc: obj.doc.index },
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'always-allow',
      title: () => 'Set unhealthyPodEvictionPolicy: AlwaysAllow',
      safe: false,
      preferred: true,
      apply(input, finding) {
        const found = relocate(input, finding);
        const spec = found && mapAt(found.obj.root, ['spec']);
        if (!found || !spec || spec.has('unhealthyPodEvictionPolicy')) return null;
        const edits = mergeMap(found.file, found.obj.doc, spec, { unhealthyPodEvictionPolicy: 'AlwaysAllow' });
        return edits?.length ? { edits } : null;
      },
    },
  ],
};
