// pdb-min-available (kube-linter:pdb-min-available): a PodDisruptionBudget whose minAvailable is 100% or at least
// the replicas of a workload it selects (its autoscaler's minimum when one scales it), so no pod of it can be
// evicted. No fix: lowering the budget or adding replicas is the owner's call.
import { isPdb, pdbBound, pdbWorkloads } from '../../core/k8s/disruption-budget';
import { replicaFloor } from '../../core/k8s/replicas';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

const APP = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: MIN\n  selector:\n    matchLabels:\n      app: web\n';

export const pdbMinAvailable: ManifestRule = {
  id: 'pdb-min-available',
  aliases: ['kube-linter:pdb-min-available'],
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary: 'A PodDisruptionBudget whose `minAvailable` is 100% or not below the replicas of a workload it selects.',
    why: "When the budget asks for as many available pods as the workload runs, evicting any one of them would break it, so the eviction API refuses them all: `kubectl drain` and node upgrades hang. Keep minAvailable below the replica count (with an autoscaler: below its minReplicas), or use `maxUnavailable: 1`.",
    bad: APP.replace('MIN', '2'),
    good: APP.replace('MIN', '1'),
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const min = isPdb(obj) ? pdbBound(obj, 'minAvailable') : undefined;
      if (!min) continue;
      const name = obj.name ?? '(unnamed)';
      if (min.percent && min.value >= 100) {
        hits.push({ message: `PodDisruptionBudget ${name} requires ${min.value}% of its pods available, so none can ever be evicted and node drains block; lower minAvailable or use maxUnavailable: 1.`, range: file.nodeRange(obj.doc, min.node) });
        continue;
      }
      const blocked: string[] = [];
      for (const { obj: w } of pdbWorkloads(workspace, obj)) {
        const floor = replicaFloor(workspace, w);
        if (!floor || floor.count === 0) continue;
        const required = min.percent ? Math.ceil((floor.count * min.value) / 100) : min.value;
        if (floor.count > required) continue;
        const runs = floor.scaler ? `scales down to ${floor.count} (${floor.scaler.kind} ${floor.scaler.name ?? '(unnamed)'})` : `runs ${floor.count} ${floor.count === 1 ? 'replica' : 'replicas'}`;
        blocked.push(`${w.kind} ${w.name ?? '(unnamed)'} ${runs}`);
      }
      if (!blocked.length) continue;
      hits.push({
        message: `PodDisruptionBudget ${name} requires ${min.value}${min.percent ? '%' : ''} available but ${blocked.join(', ')}, so none of its pods can be evicted and node drains block; keep minAvailable below the replica count.`,
        range: file.nodeRange(obj.doc, min.node),
      });
    }
    return hits;
  },
};
