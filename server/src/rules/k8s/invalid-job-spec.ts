// Job and CronJob job-template fields the API server refuses (issue 13 §1): negative counts and limits, an Indexed
// Job without completions or with parallelism over 100000, per-index backoff outside Indexed mode, maxFailedIndexes
// above completions or without backoffLimitPerIndex. Messages in the API server's words.
import { isScalar, type Node } from 'yaml';
import { fieldPath } from '../../core/k8s/api-validation';
import { nodeAt, scalarAt, type PathKey } from '../../core/k8s/object';
import type { K8sObject } from '../../core/k8s/parse';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

const NON_NEGATIVE = ['parallelism', 'completions', 'backoffLimit', 'backoffLimitPerIndex', 'maxFailedIndexes', 'ttlSecondsAfterFinished', 'activeDeadlineSeconds'];
const MAX_INDEXED_PARALLELISM = 100000;

function jobSpecPath(obj: K8sObject): PathKey[] | undefined {
  if (obj.kind === 'Job' && obj.apiVersion.startsWith('batch/')) return ['spec'];
  if (obj.kind === 'CronJob' && obj.apiVersion.startsWith('batch/')) return ['spec', 'jobTemplate', 'spec'];
  return undefined;
}

export const invalidJobSpec: ManifestRule = {
  id: 'invalid-job-spec',
  aliases: [],
  severity: 'error',
  category: 'correctness',
  scope: 'object',
  docs: {
    summary: 'Job counts and limits the API server refuses: negative values, an Indexed Job without completions, per-index limits outside Indexed mode.',
    why: '`parallelism`, `completions`, `backoffLimit` and the deadlines must not be negative; `completionMode: Indexed` needs `completions` (each index is one completion) and at most 100000 parallel pods; `backoffLimitPerIndex` only exists in Indexed mode, and `maxFailedIndexes` needs it and cannot exceed `completions`. The schema only says these are integers, so the mistake surfaces at `kubectl apply`.',
    bad: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: shard\nspec:\n  completionMode: Indexed\n  parallelism: 4\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: shard\n          image: shard:1.0\n',
    good: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: shard\nspec:\n  completionMode: Indexed\n  completions: 8\n  parallelism: 4\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: shard\n          image: shard:1.0\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const spec = jobSpecPath(obj);
      if (!spec || !nodeAt(obj.root, spec)) continue;
      const at = (key: string) => nodeAt(obj.root, [...spec, key]);
      const num = (key: string) => {
        const v = scalarAt(obj.root, [...spec, key]);
        return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
      };
      const where = (key: string) => fieldPath([...spec, key]);
      const report = (node: Node | undefined, message: string) => node && hits.push({ message, range: file.nodeRange(obj.doc, node) });
      for (const key of NON_NEGATIVE) {
        const v = num(key);
        if (v !== undefined && v < 0) report(at(key), `${where(key)}: Invalid value: ${v}: must be greater than or equal to 0`);
      }
      const mode = scalarAt(obj.root, [...spec, 'completionMode']);
      const indexed = mode === 'Indexed';
      const completions = num('completions');
      if (indexed && at('completions') === undefined) report(at('completionMode'), `${where('completions')}: Required value: when completion mode is Indexed`);
      const parallelism = num('parallelism');
      if (indexed && parallelism !== undefined && parallelism > MAX_INDEXED_PARALLELISM) report(at('parallelism'), `${where('parallelism')}: Invalid value: ${parallelism}: must be less than or equal to ${MAX_INDEXED_PARALLELISM} when completion mode is Indexed`);
      const perIndex = at('backoffLimitPerIndex');
      if (isScalar(perIndex) && perIndex.value !== null && !indexed) report(perIndex, `${where('backoffLimitPerIndex')}: Invalid value: ${String(perIndex.value)}: requires indexed completion mode`);
      const maxFailed = at('maxFailedIndexes');
      const maxFailedValue = num('maxFailedIndexes');
      if (isScalar(maxFailed) && maxFailed.value !== null) {
        if (perIndex === undefined) report(maxFailed, `${where('backoffLimitPerIndex')}: Required value: when maxFailedIndexes is specified`);
        else if (indexed && maxFailedValue !== undefined && completions !== undefined && maxFailedValue > completions) report(maxFailed, `${where('maxFailedIndexes')}: Invalid value: ${maxFailedValue}: must be less than or equal to completions`);
      }
    }
    return hits;
  },
};
