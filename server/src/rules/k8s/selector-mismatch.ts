import { isMap, isScalar } from 'yaml';
import { mapAt, nodeAt, pairOf, podLabels, podMetadataPath, scalarAt, seqAt, stringMapAt } from '../../core/k8s/object';
import type { K8sObject } from '../../core/k8s/parse';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { relocate } from '../../core/k8s/relocate';
import { yamlStyle } from '../../core/k8s/yaml-edit';
import { mergeMap, prependToMap } from '../../core/k8s/yaml-merge';
import { yamlScalar, type TreeMap as Tree } from '../../core/k8s/yaml-write';

// apps/v1 rejects these without a selector; Job and ReplicationController default theirs from the template.
const SELECTOR_REQUIRED = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);
const SELECTOR_KINDS = new Set([...SELECTOR_REQUIRED, 'Job', 'ReplicationController']);

interface Problems {
  /** Labels the template lacks entirely: the fix adds them. */
  missing: Record<string, string>;
  /** Human-readable descriptions of every requirement the template labels break. */
  unmet: string[];
}

/** Selector requirements the pod template's labels do not satisfy. */
function problems(obj: K8sObject): Problems {
  const labels = podLabels(obj);
  const out: Problems = { missing: {}, unmet: [] };
  // A ReplicationController's selector is a plain label map; the others use a LabelSelector.
  const matchLabels = obj.kind === 'ReplicationController' ? stringMapAt(obj.root, ['spec', 'selector']) : stringMapAt(obj.root, ['spec', 'selector', 'matchLabels']);
  for (const [k, v] of Object.entries(matchLabels ?? {})) {
    if (labels[k] === v) continue;
    if (labels[k] === undefined) out.missing[k] = v;
    out.unmet.push(`${k}=${v}`);
  }
  if (obj.kind === 'ReplicationController') return out;
  for (const expr of seqAt(obj.root, ['spec', 'selector', 'matchExpressions'])) {
    const key = scalarAt(expr, ['key']);
    const op = scalarAt(expr, ['operator']);
    if (typeof key !== 'string') continue;
    const values = seqAt(expr, ['values']).map((n) => (isScalar(n) ? String(n.value) : ''));
    const has = labels[key] !== undefined;
    const ok = op === 'In' ? has && values.includes(labels[key]) : op === 'NotIn' ? !has || !values.includes(labels[key]) : op === 'Exists' ? has : op === 'DoesNotExist' ? !has : true;
    if (ok) continue;
    // Only an `In` with one value names the label to add unambiguously.
    if (op === 'In' && !has && values.length === 1) out.missing[key] = values[0];
    out.unmet.push(op === 'In' || op === 'NotIn' ? `${key} ${op} (${values.join(', ')})` : `${key} ${op}`);
  }
  return out;
}

/** True when a LabelSelector has no requirement (apps/v1 rejects it like a missing one). */
function emptySelector(obj: K8sObject): boolean {
  return !Object.keys(stringMapAt(obj.root, ['spec', 'selector', 'matchLabels']) ?? {}).length && !seqAt(obj.root, ['spec', 'selector', 'matchExpressions']).length;
}

export const selectorMismatch: ManifestRule = {
  id: 'selector-mismatch',
  aliases: ['kube-linter:mismatching-selector'],
  severity: 'error',
  category: 'correctness',
  scope: 'object',
  docs: {
    summary: "A workload's selector does not match its pod template's labels, or an apps/v1 workload has no selector.",
    why: 'The API server rejects a Deployment, StatefulSet, DaemonSet or ReplicaSet whose `spec.selector` does not select its own pod template (`selector does not match template labels`), and apps/v1 requires the selector. The controller could never find the pods it creates.',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n      tier: frontend\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      if (!SELECTOR_KINDS.has(obj.kind) || !isMap(nodeAt(obj.root, ['spec', 'template']))) continue;
      const spec = mapAt(obj.root, ['spec'])!;
      const selectorPair = pairOf(spec, 'selector');
      const what = `${obj.kind} ${obj.name ?? '(unnamed)'}`;
      if (SELECTOR_REQUIRED.has(obj.kind) && obj.apiVersion === 'apps/v1' && (!selectorPair || emptySelector(obj))) {
        const keyNode = selectorPair?.key ?? pairOf(obj.root, 'spec')!.key;
        const labels = Object.keys(podLabels(obj)).length ? ` (for example matchLabels from the template labels)` : '';
        hits.push({ message: `${what} has ${selectorPair ? 'an empty' : 'no'} spec.selector, which apps/v1 requires; add one that matches the pod template labels${labels}.`, range: file.nodeRange(obj.doc, keyNode) });
        continue;
      }
      if (!selectorPair) continue;
      const { missing, unmet } = problems(obj);
      if (!unmet.length) continue;
      hits.push({
        message: `The pod template of ${what} does not satisfy its selector (${unmet.join(', ')}); make the template labels match.`,
        range: file.nodeRange(obj.doc, selectorPair.key),
        data: { doc: obj.doc.index, missing, fixable: Object.keys(missing).length === unmet.length },
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'add-template-labels',
      title: (f) => `Add ${Object.keys((f.data?.missing as Record<string, string>) ?? {}).join(', ')} to the pod template labels`,
      safe: true,
      preferred: true,
      apply(input, finding) {
        // Labels present with another value are left to the user: changing them may unselect the pods from Services.
        if (!finding.data?.fixable) return null;
        const found = relocate(input, finding, []);
        if (!found) return null;
        const { file, obj } = found;
        const labels: Tree = {};
        const { quote } = yamlStyle(file, obj.doc);
        for (const [k, v] of Object.entries(finding.data.missing as Record<string, string>)) labels[yamlScalar(k, quote)] = yamlScalar(v, quote);
        const metaPath = podMetadataPath(obj)!;
        const template = mapAt(obj.root, metaPath.slice(0, -1));
        if (!template) return null;
        // A new metadata block goes first, where the Kubernetes documentation writes it.
        if (!template.has('metadata')) {
          const edit = prependToMap(file, obj.doc, template, 'metadata', { labels });
          return edit ? { edits: [edit] } : null;
        }
        const edits = mergeMap(file, obj.doc, template, { metadata: { labels } });
        return edits?.length ? { edits } : null;
      },
    },
  ],
};
