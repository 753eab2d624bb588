import { isScalar } from 'yaml';
import { nodeAt } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { isHpa } from '../../core/k8s/workspace-index';

const HPA = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: MIN\n  maxReplicas: 10\n';

export const hpaMinMax: ManifestRule = {
  id: 'hpa-min-max',
  aliases: [],
  severity: 'error',
  severityNote: 'warning when minReplicas equals maxReplicas',
  category: 'autoscaling',
  scope: 'object',
  docs: {
    summary: 'An HPA whose minReplicas exceeds maxReplicas (error) or equals it (warning).',
    why: 'The API server rejects an HPA with minReplicas above maxReplicas. With both equal the HPA never changes the replica count, so autoscaling is disabled in effect while the manifest suggests otherwise.',
    bad: HPA.replace('MIN', '12'),
    good: HPA.replace('MIN', '3'),
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      if (!isHpa(obj)) continue;
      const minNode = nodeAt(obj.root, ['spec', 'minReplicas']);
      const maxNode = nodeAt(obj.root, ['spec', 'maxReplicas']);
      if (!isScalar(maxNode) || typeof maxNode.value !== 'number') continue;
      // minReplicas defaults to 1; when it is unset the finding points at maxReplicas.
      const min = minNode === undefined ? 1 : isScalar(minNode) && typeof minNode.value === 'number' ? minNode.value : undefined;
      const max = maxNode.value;
      if (min === undefined || min < max) continue;
      const name = obj.name ?? '(unnamed)';
      hits.push({
        message:
          min > max
            ? `HorizontalPodAutoscaler ${name} has minReplicas ${min} above maxReplicas ${max}, which the API server rejects; lower minReplicas or raise maxReplicas.`
            : `HorizontalPodAutoscaler ${name} has minReplicas equal to maxReplicas (${max}), so it never scales; raise maxReplicas or drop the HPA.`,
        range: file.nodeRange(obj.doc, minNode ?? maxNode),
        severity: min > max ? 'error' : 'warning',
        data: { doc: obj.doc.index },
      });
    }
    return hits;
  },
};
