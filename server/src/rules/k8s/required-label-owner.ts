// required-label-owner (kube-linter:required-label-owner, off by default): an object without an `owner` label.
import { isScalar } from 'yaml';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { mapAt, nodeAt, pairOf } from '../../core/k8s/object';
import { metadataAnchor } from '../../core/k8s/pod-spec';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\nLABELSdata:\n  mode: fast\n';

export const requiredLabelOwner: ManifestRule = {
  id: 'required-label-owner',
  aliases: ['kube-linter:required-label-owner'],
  severity: 'info',
  category: 'reliability',
  offByDefault: true,
  docs: {
    summary: 'An object without an `owner` label.',
    why: 'When something breaks at night, the label says whom to call; it also lets you select, count and clean up a team\'s objects (`kubectl get all -l owner=payments`). kube-linter ships this check for teams that make the label a rule.',
    bad: CM.replace('LABELS', ''),
    good: CM.replace('LABELS', '  labels:\n    owner: payments\n'),
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const owner = nodeAt(obj.root, ['metadata', 'labels', 'owner']);
      if (isScalar(owner) && owner.value !== null && String(owner.value) !== '') continue;
      const metadata = mapAt(obj.root, ['metadata']);
      const labels = metadata && pairOf(metadata, 'labels');
      hits.push({
        message: `${obj.kind} ${obj.name ?? '(unnamed)'} has no owner label; add labels.owner with the team or person responsible for it.`,
        range: file.nodeRange(obj.doc, isScalar(owner) ? owner : (labels?.key ?? metadataAnchor(obj))),
      });
    }
    return hits;
  },
};
