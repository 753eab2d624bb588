// pdb-max-unavailable (kube-linter:pdb-max-unavailable): a PodDisruptionBudget with maxUnavailable 0 (or "0%"),
// which forbids every voluntary eviction of the pods it selects. No fix: how many pods may go is the owner's call.
import { isPdb, pdbBound } from '../../core/k8s/disruption-budget';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

const PDB = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: MAX\n  selector:\n    matchLabels:\n      app: web\n';

export const pdbMaxUnavailable: ManifestRule = {
  id: 'pdb-max-unavailable',
  aliases: ['kube-linter:pdb-max-unavailable'],
  severity: 'warning',
  category: 'reliability',
  scope: 'object',
  docs: {
    summary: 'A PodDisruptionBudget with `maxUnavailable: 0` (or `"0%"`).',
    why: 'A budget that lets no pod be unavailable refuses every eviction of the pods it selects: `kubectl drain`, node upgrades and the cluster autoscaler wait on it forever, and someone ends up deleting the budget by hand. Allow at least one pod (`maxUnavailable: 1`) and run enough replicas to stay up without it.',
    bad: PDB.replace('MAX', '0'),
    good: PDB.replace('MAX', '1'),
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const max = isPdb(obj) ? pdbBound(obj, 'maxUnavailable') : undefined;
      if (!max || max.value !== 0) continue;
      hits.push({
        message: `PodDisruptionBudget ${obj.name ?? '(unnamed)'} has maxUnavailable ${max.percent ? '0%' : '0'}, so none of its pods can ever be evicted and node drains block; allow at least 1.`,
        range: file.nodeRange(obj.doc, max.node),
      });
    }
    return hits;
  },
};
