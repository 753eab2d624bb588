// deprecated-service-account-field (kube-linter:deprecated-service-account-field): a pod spec that names its
// service account with the deprecated `serviceAccount` field instead of `serviceAccountName`.
import { isMap, isScalar } from 'yaml';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { pairOf } from '../../core/k8s/object';
import { podSpecs } from '../../core/k8s/pod-spec';
import { relocate } from '../../core/k8s/relocate';
import { removeFromMap, replaceNode } from '../../core/k8s/yaml-edit';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  FIELD: web\n  containers:\n    - name: web\n      image: nginx:1.27\n';

export const deprecatedServiceAccountField: ManifestRule = {
  id: 'deprecated-service-account-field',
  aliases: ['kube-linter:deprecated-service-account-field'],
  severity: 'warning',
  category: 'correctness',
  scope: 'object',
  docs: {
    summary: 'A pod spec that sets the deprecated `serviceAccount` field.',
    why: '`serviceAccount` is an old alias of `serviceAccountName`, kept only for compatibility. When both are set and differ, `serviceAccountName` wins, so the pod runs with an identity the reader of `serviceAccount` does not expect. Use `serviceAccountName` alone.',
    bad: POD.replace('FIELD', 'serviceAccount'),
    good: POD.replace('FIELD', 'serviceAccountName'),
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const { obj, spec, path } of podSpecs(file)) {
      const pair = pairOf(spec, 'serviceAccount');
      if (!pair || !isScalar(pair.value) || pair.value.value === null || pair.value.value === '') continue;
      const old = String(pair.value.value);
      const current = spec.get('serviceAccountName');
      const differs = current !== undefined && current !== null && String(current) !== old;
      hits.push({
        message: differs
          ? `serviceAccount is deprecated, and its value "${old}" differs from serviceAccountName "${String(current)}", which wins; remove serviceAccount.`
          : current === undefined || current === null
            ? `serviceAccount is deprecated; name the service account with serviceAccountName: ${old}.`
            : 'serviceAccount is deprecated and repeats serviceAccountName; remove it.',
        range: file.nodeRange(obj.doc, pair.key),
        data: { doc: obj.doc.index, path, old, differs },
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'use-service-account-name',
      title: (f) => (f.data?.differs ? 'Remove serviceAccount (serviceAccountName wins)' : 'Use serviceAccountName'),
      safe: true,
      preferred: true,
      apply(input, finding) {
        const found = relocate(input, finding);
        if (!found || !isMap(found.node)) return null;
        const map = found.node;
        const pair = pairOf(map, 'serviceAccount');
        if (!pair || !isScalar(pair.value) || String(pair.value.value) !== finding.data!.old) return null;
        // Without serviceAccountName the key is renamed in place; with one (the same value, or a different one that
        // already wins) the old key goes.
        if (map.get('serviceAccountName') === undefined) return { edits: [replaceNode(found.file, found.obj.doc, pair.key, 'serviceAccountName')] };
        const edit = removeFromMap(found.file, found.obj.doc, map, 'serviceAccount');
        return edit ? { edits: [edit] } : null;
      },
    },
  ],
};
