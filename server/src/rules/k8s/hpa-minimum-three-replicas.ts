// hpa-minimum-three-replicas (kube-linter:hpa-minimum-three-replicas, off by default): a HorizontalPodAutoscaler
// whose minReplicas is below 3 (unset is 1; 0 too, as in kube-linter). Stricter than hpa-min-replicas (on by
// default, below 2). Fix (unsafe: it costs pods): minReplicas: 3 when maxReplicas allows it.
import { isScalar } from 'yaml';
import { mapAt, nodeAt, pairOf, scalarAt } from '../../core/k8s/object';
import { relocate } from '../../core/k8s/relocate';
import { isHpa } from '../../core/k8s/workspace-index';
import { raiseNumber } from '../../core/k8s/yaml-edit';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

const MIN = 3;
const HPA = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: N\n  maxReplicas: 10\n';

export const hpaMinimumThreeReplicas: ManifestRule = {
  id: 'hpa-minimum-three-replicas',
  aliases: ['kube-linter:hpa-minimum-three-replicas'],
  severity: 'info',
  category: 'autoscaling',
  scope: 'object',
  offByDefault: true,
  docs: {
    summary: 'A HorizontalPodAutoscaler whose `minReplicas` is below three (unset: 1).',
    why: 'At its minimum the workload runs with as few pods as the HPA allows, usually at night, which is when node upgrades and drains happen. Three pods keep serving through one failure plus one voluntary disruption; hpa-min-replicas (on by default) only asks for two.',
    bad: HPA.replace('N', '2'),
    good: HPA.replace('N', '3'),
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const spec = isHpa(obj) ? pairOf(obj.root, 'spec') : undefined;
      if (!spec) continue;
      const node = nodeAt(obj.root, ['spec', 'minReplicas']);
      const min = node === undefined ? 1 : isScalar(node) && Number.isInteger(node.value) ? (node.value as number) : undefined;
      if (min === undefined || min >= MIN) continue;
      hits.push({
        message: `HorizontalPodAutoscaler ${obj.name ?? '(unnamed)'} ${node ? `has minReplicas ${min}` : 'sets no minReplicas (defaults to 1)'}, fewer than ${MIN}; raise minReplicas to at least ${MIN}.`,
        range: file.nodeRange(obj.doc, node ?? spec.key),
        data: { doc: obj.doc.index },
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'three-min-replicas',
      title: () => `Set minReplicas: ${MIN}`,
      safe: false,
      preferred: true,
      apply(input, finding) {
        const found = relocate(input, finding);
        const spec = found && mapAt(found.obj.root, ['spec']);
        const max = scalarAt(spec, ['maxReplicas']);
        if (!found || !spec || (typeof max === 'number' && max < MIN)) return null;
        const edit = raiseNumber(found.file, found.obj.doc, spec, 'minReplicas', MIN, 'maxReplicas');
        return edit && { edits: [edit] };
      },
    },
  ],
};
