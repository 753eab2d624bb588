import { isScalar } from 'yaml';
import { mapAt, nodeAt, pairOf, scalarAt } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { isHpa } from '../../core/k8s/workspace-index';
import { relocate } from '../../core/k8s/relocate';
import { raiseNumber } from '../../core/k8s/yaml-edit';

const HPA = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\nMIN  maxReplicas: 10\n';

export const hpaMinReplicas: ManifestRule = {
  id: 'hpa-min-replicas',
  aliases: [],
  severity: 'info',
  category: 'autoscaling',
  scope: 'object',
  docs: {
    summary: 'An HPA that may scale its workload down to a single pod (minReplicas below 2 or unset).',
    why: 'With one replica the workload is unavailable whenever that pod restarts, is rolled out or its node is drained, and a PodDisruptionBudget cannot protect it. `minReplicas: 0` (scale to zero) is a deliberate choice and not reported.',
    bad: HPA.replace('MIN', ''),
    good: HPA.replace('MIN', '  minReplicas: 2\n'),
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const spec = isHpa(obj) ? mapAt(obj.root, ['spec']) : undefined;
      const specKey = pairOf(obj.root, 'spec')?.key;
      if (!spec || !specKey) continue;
      const node = nodeAt(spec, ['minReplicas']);
      const min = node === undefined ? 1 : isScalar(node) ? node.value : undefined;
      if (min !== 1) continue;
      hits.push({
        message: `HorizontalPodAutoscaler ${obj.name ?? '(unnamed)'} ${node ? 'has minReplicas 1' : 'sets no minReplicas (defaults to 1)'}, so a rollout or node drain leaves no pod serving; set minReplicas: 2.`,
        range: file.nodeRange(obj.doc, node ?? specKey),
        data: { doc: obj.doc.index },
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'set-two',
      title: () => 'Set minReplicas: 2',
      safe: false,
      preferred: true,
      apply(input, finding) {
        const found = relocate(input, finding);
        if (!found) return null;
        const { file, obj } = found;
        const spec = mapAt(obj.root, ['spec']);
        const max = scalarAt(spec, ['maxReplicas']);
        // Two replicas would break an HPA capped at one (hpa-min-max reports that one).
        if (!spec || (typeof max === 'number' && max < 2)) return null;
        // Only an explicit 1 is raised; other values stay as written.
        const edit = raiseNumber(file, obj.doc, spec, 'minReplicas', 2, 'maxReplicas', (n) => n === 1);
        return edit && { edits: [edit] };
      },
    },
  ],
};
