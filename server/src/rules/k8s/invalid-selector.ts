import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { invalidValue, isTemplated, labelValue, qualifiedName } from '../../core/k8s/api-validation';
import { labelMapHits } from '../../core/k8s/label-checks';
import { mapAt, nodeAt } from '../../core/k8s/object';
import type { K8sObject, ManifestFile } from '../../core/k8s/parse';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** Findings for a LabelSelector (matchLabels and matchExpressions) at `where`. */
function labelSelectorHits(file: ManifestFile, obj: K8sObject, selector: YAMLMap, where: string): RuleHit[] {
  const hits: RuleHit[] = [];
  const matchLabels = selector.get('matchLabels', true);
  if (isMap(matchLabels)) hits.push(...labelMapHits(file, obj, matchLabels, `${where}.matchLabels`));
  const expressions = selector.get('matchExpressions', true);
  if (!isSeq(expressions)) return hits;
  expressions.items.forEach((item, i) => {
    if (!isMap(item)) return;
    const at = `${where}.matchExpressions[${i}]`;
    const key = item.get('key', true);
    if (isScalar(key) && typeof key.value === 'string' && !isTemplated(key.value)) {
      const errors = qualifiedName(key.value);
      if (errors.length) hits.push({ message: invalidValue(`${at}.key`, key.value, errors.join('; ')), range: file.nodeRange(obj.doc, key) });
    }
    const operator = item.get('operator', true);
    const op = isScalar(operator) ? String(operator.value) : undefined;
    if (isScalar(operator) && op && !OPERATORS.includes(op)) {
      hits.push({ message: `${at}.operator: Unsupported value: ${JSON.stringify(op)}: supported values: ${OPERATORS.map((o) => `"${o}"`).join(', ')}`, range: file.nodeRange(obj.doc, operator) });
      return;
    }
    const values = item.get('values', true);
    const count = isSeq(values) ? values.items.length : 0;
    if ((op === 'In' || op === 'NotIn') && count === 0) {
      hits.push({ message: `${at}.values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`, range: file.nodeRange(obj.doc, (values ?? operator) as never) });
    } else if ((op === 'Exists' || op === 'DoesNotExist') && count > 0) {
      hits.push({ message: `${at}.values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`, range: file.nodeRange(obj.doc, values as never) });
    }
    if (isSeq(values)) {
      for (const v of values.items) {
        if (!isScalar(v) || v.value === null || isTemplated(String(v.value))) continue;
        const errors = labelValue(String(v.value));
        if (errors.length) hits.push({ message: invalidValue(`${at}.values`, String(v.value), errors.join('; ')), range: file.nodeRange(obj.doc, v) });
      }
    }
  });
  return hits;
}

export const invalidSelector: ManifestRule = {
  id: 'invalid-selector',
  aliases: [],
  severity: 'error',
  category: 'correctness',
  scope: 'object',
  docs: {
    summary: 'A label selector the API server rejects: bad keys or values, an unknown operator, values with Exists or without In.',
    why: 'Selectors use the label syntax for keys and values, and `matchExpressions` take only `In`, `NotIn`, `Exists` and `DoesNotExist`: `In`/`NotIn` need at least one value, `Exists`/`DoesNotExist` none. A misspelt operator (`in`, `Equals`) or a stray `values:` makes `kubectl apply` fail.',
    bad: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchExpressions:\n      - key: app\n        operator: in\n        values: [web]\n',
    good: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchExpressions:\n      - key: app\n        operator: In\n        values: [web]\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const selector = mapAt(obj.root, ['spec', 'selector']);
      if (selector) {
        // Services and ReplicationControllers select with a plain map; the others with a LabelSelector.
        if (obj.kind === 'Service' || obj.kind === 'ReplicationController') hits.push(...labelMapHits(file, obj, selector, 'spec.selector'));
        else hits.push(...labelSelectorHits(file, obj, selector, 'spec.selector'));
      }
      for (const path of [['spec', 'podSelector'], ['spec', 'namespaceSelector']]) {
        const s = nodeAt(obj.root, path);
        if (isMap(s)) hits.push(...labelSelectorHits(file, obj, s, path.join('.')));
      }
    }
    return hits;
  },
};
