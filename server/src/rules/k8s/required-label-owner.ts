// required-label-owner (kube-linter:required-label-owner, off by default): an object without an `owner` label.
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { missingMetadata } from '../../core/k8s/required-metadata';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\nLABELSdata:\n  mode: fast\n';

export const requiredLabelOwner: ManifestRule = {
  id: 'required-label-owner',
  aliases: ['kube-linter:required-label-owner'],
  severity: 'info',
  category: 'reliability',
  scope: 'object',
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
      const missing = missingMetadata(file, obj, 'labels', 'owner');
      if (missing) hits.push({ message: `${obj.kind} ${obj.name ?? '(unnamed)'} has no owner label; add labels.owner with the team or person responsible for it.`, range: missing.range });
    }
    return hits;
  },
};
