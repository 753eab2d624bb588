import { isMap, isScalar } from 'yaml';
import { nodeAt, pairOf, seqAt, type PathKey } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { relocate } from '../../core/k8s/relocate';
import { replaceNode } from '../../core/k8s/yaml-edit';
import { yamlScalar } from '../../core/k8s/yaml-write';

const REQUIRED = ['serverAddress', 'query', 'threshold'];
// Trigger metadata that holds a number (as a string).
const NUMERIC_KEYS = /^(threshold|activationThreshold|targetValue|activationTargetValue|value|activationValue|queueLength|activationQueueLength|lagThreshold|activationLagThreshold|desiredReplicas)$/;
const SCALED = 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    name: web\n  triggers:\n    - type: prometheus\n      metadata:\n        serverAddress: http://prometheus.monitoring:9090\n        query: sum(rate(http_requests_total{app="web"}[2m]))\n        threshold: THRESHOLD\n';

export const kedaTrigger: ManifestRule = {
  id: 'keda-trigger',
  aliases: [],
  severity: 'warning',
  category: 'autoscaling',
  scope: 'object',
  docs: {
    summary: 'A KEDA trigger with non-string metadata or a threshold that is not a number, or a prometheus trigger missing serverAddress, query or threshold, with a serverAddress that is not a URL, or using metricName.',
    why: "KEDA's CRD types trigger metadata as strings, so `threshold: 100` is rejected when applied: write `threshold: '100'`. A prometheus trigger cannot compute a metric without `serverAddress`, `query` and `threshold`, and `metricName` is deprecated and ignored (KEDA generates metric names).",
    bad: SCALED.replace('THRESHOLD', '100'),
    good: SCALED.replace('THRESHOLD', "'100'"),
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      if ((obj.kind !== 'ScaledObject' && obj.kind !== 'ScaledJob') || !obj.apiVersion.startsWith('keda.sh/')) continue;
      const name = `${obj.kind} ${obj.name ?? '(unnamed)'}`;
      seqAt(obj.root, ['spec', 'triggers']).forEach((trigger, i) => {
        const typeNode = nodeAt(trigger, ['type']);
        const type = isScalar(typeNode) ? String(typeNode.value) : undefined;
        const metadata = nodeAt(trigger, ['metadata']);
        const meta = isMap(metadata) ? metadata : undefined;
        for (const p of meta?.items ?? []) {
          if (!isScalar(p.key) || !isScalar(p.value) || typeof p.value.value === 'string' || p.value.value === null) continue;
          hits.push({
            message: `${type ?? 'The'} trigger metadata ${String(p.key.value)} of ${name} is not a string, so the ${obj.kind} is rejected; quote it: ${String(p.key.value)}: '${String(p.value.value)}'.`,
            range: file.nodeRange(obj.doc, p.value),
            data: { doc: obj.doc.index, path: ['spec', 'triggers', i, 'metadata', String(p.key.value)] as PathKey[] },
          });
        }
        // Thresholds are numbers written as strings; KEDA fails to parse anything else when it builds the scaler.
        for (const p of meta?.items ?? []) {
          if (!isScalar(p.key) || !isScalar(p.value) || typeof p.value.value !== 'string') continue;
          const key = String(p.key.value);
          if (!NUMERIC_KEYS.test(key) || /^\s*-?\d+(\.\d+)?\s*$/.test(p.value.value) || p.value.value.includes('{{')) continue;
          hits.push({ message: `${type ?? 'The'} trigger metadata ${key} of ${name} is ${JSON.stringify(p.value.value)}, not a number, so KEDA cannot build the scaler; write a number in quotes, e.g. ${key}: '100'.`, range: file.nodeRange(obj.doc, p.value), data: { doc: obj.doc.index } });
        }
        if (type !== 'prometheus' || !typeNode) return;
        const address = meta?.get('serverAddress', true);
        if (isScalar(address) && typeof address.value === 'string' && !/^https?:\/\/[^\s/$.?#][^\s]*$/.test(address.value) && !address.value.includes('{{')) {
          hits.push({ message: `serverAddress ${JSON.stringify(address.value)} of the prometheus trigger of ${name} is not an http(s) URL, so KEDA cannot query it; write it like http://prometheus.monitoring.svc:9090.`, range: file.nodeRange(obj.doc, address), data: { doc: obj.doc.index } });
        }
        // KEDA can read a parameter from the target container's environment through `<name>FromEnv`.
        const has = (k: string) => [k, `${k}FromEnv`].some((key) => meta && isScalar(meta.get(key, true)) && meta.get(key) !== null);
        const missing = REQUIRED.filter((k) => !has(k));
        if (missing.length) {
          hits.push({
            message: `prometheus trigger of ${name} has no ${missing.join(', ')} in its metadata, so KEDA cannot compute the metric; add ${missing.length > 1 ? 'them' : 'it'}.`,
            range: file.nodeRange(obj.doc, typeNode),
            data: { doc: obj.doc.index },
          });
        }
        const metricName = meta && pairOf(meta, 'metricName');
        if (metricName) {
          hits.push({
            message: `metricName in the prometheus trigger of ${name} is deprecated and ignored (KEDA generates metric names); remove it.`,
            range: file.nodeRange(obj.doc, metricName.key),
            data: { doc: obj.doc.index },
          });
        }
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'quote',
      title: () => 'Quote the value as a string',
      safe: true,
      preferred: true,
      apply(input, finding) {
        const path = finding.data?.path;
        if (!Array.isArray(path)) return null;
        const found = relocate(input, finding);
        if (!found) return null;
        const { file, obj, node } = found;
        if (!isScalar(node) || typeof node.value === 'string' || node.value === null || !node.range) return null;
        const source = file.text.slice(obj.doc.start + node.range[0], obj.doc.start + node.range[1]);
        // The source is a number or boolean, so yamlScalar always quotes it.
        return { edits: [replaceNode(file, obj.doc, node, yamlScalar(source))] };
      },
    },
  ],
};
