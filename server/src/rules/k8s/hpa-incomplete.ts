import { isMap, type Node, type Pair } from 'yaml';
import { mapAt, nodeAt, pairOf, seqAt } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit, TextEdit } from '../../core/types';
import { relocate } from '../../core/k8s/relocate';
import { addEntries, ensurePath, fillEmpty, insertBefore, yamlStyle } from '../../core/k8s/yaml-edit';
import type { Tree } from '../../core/k8s/yaml-write';

const CPU_70: Tree = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }];
const SCALE_DOWN: Tree = { scaleDown: { stabilizationWindowSeconds: 300 } };
const HPA = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 2\n  maxReplicas: 10\n';

const isV2 = (apiVersion: string) => apiVersion === 'autoscaling/v2' || apiVersion === 'autoscaling/v2beta2';

/** Joins insertions at the same position into one edit (array order), so clients need not order them. */
function mergeInserts(edits: TextEdit[]): TextEdit[] {
  const key = (e: TextEdit) => (e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character ? `${e.range.start.line}:${e.range.start.character}` : undefined);
  const out: TextEdit[] = [];
  for (const e of edits) {
    const same = key(e) && out.find((o) => key(o) === key(e));
    if (same) same.newText += e.newText;
    else out.push({ ...e });
  }
  return out;
}

export const hpaIncomplete: ManifestRule = {
  id: 'hpa-incomplete',
  aliases: [],
  severity: 'info',
  category: 'autoscaling',
  scope: 'object',
  docs: {
    summary: 'An autoscaling/v2 HPA without explicit metrics or scale-down behavior.',
    why: 'Without metrics the HPA silently scales on 80% cpu utilization; without `behavior.scaleDown` the scale-down pace is left to defaults nobody reviewed. Stating both makes the scaling policy visible and deliberate.',
    bad: HPA,
    good: `${HPA}  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 70\n  behavior:\n    scaleDown:\n      stabilizationWindowSeconds: 300\n`,
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const specKey = pairOf(obj.root, 'spec')?.key;
      if (obj.kind !== 'HorizontalPodAutoscaler' || !isV2(obj.apiVersion) || !specKey) continue;
      const missing = [
        ...(seqAt(obj.root, ['spec', 'metrics']).length ? [] : ['no metrics (it scales on 80% cpu by default)']),
        ...(nodeAt(obj.root, ['spec', 'behavior', 'scaleDown']) ? [] : ['no scale-down behavior']),
      ];
      if (!missing.length) continue;
      hits.push({
        message: `HorizontalPodAutoscaler ${obj.name ?? '(unnamed)'} has ${missing.join(' and ')}; state the scaling policy explicitly.`,
        range: file.nodeRange(obj.doc, specKey),
        data: { doc: obj.doc.index },
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'fill-in',
      title: () => 'Fill in HPA',
      safe: false,
      preferred: true,
      apply(input, finding) {
        const found = relocate(input, finding);
        if (!found) return null;
        const { file, obj } = found;
        const spec = mapAt(obj.root, ['spec']);
        if (!spec || spec.flow || !spec.items.length) return null;
        const style = yamlStyle(file, obj.doc, obj.root);
        // Nested merges first: an insertion at the end of `behavior` may share its position with spec's own.
        const nested: Array<TextEdit | null> = [];
        const append: Array<[string, Tree]> = [];
        const pair = (k: string) => pairOf(spec, k) as Pair<Node, Node> | undefined;
        const behavior = pair('behavior');
        if (!behavior) append.push(['behavior', SCALE_DOWN]);
        else if (isMap(behavior.value) && behavior.value.items.length && !behavior.value.flow) nested.push(ensurePath(file, obj.doc, behavior.value, ['scaleDown', 'stabilizationWindowSeconds'], '300', style));
        else nested.push(fillEmpty(file, obj.doc, behavior, SCALE_DOWN, style));
        const metrics = pair('metrics');
        if (!metrics) append.unshift(['metrics', CPU_70]);
        else if (!seqAt(spec, ['metrics']).length) nested.push(fillEmpty(file, obj.doc, metrics, CPU_70, style));
        if (!pair('maxReplicas')) append.unshift(['maxReplicas', 10]);
        if (!pair('minReplicas')) {
          if (pair('maxReplicas')) nested.push(insertBefore(file, obj.doc, spec, 'maxReplicas', 'minReplicas', '2'));
          else append.unshift(['minReplicas', 2]);
        }
        const edits = [...nested, addEntries(file, obj.doc, spec, append, style)].filter((e): e is TextEdit => !!e);
        return edits.length ? { edits: mergeInserts(edits) } : null;
      },
    },
  ],
};
