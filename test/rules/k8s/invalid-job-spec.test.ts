import { invalidJobSpec } from '../../../server/src/rules/k8s/invalid-job-spec';
import { ruleTable } from '../../helpers/ruleTable';

const job = (spec: string) => `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: shard\nspec:\n${spec}  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: shard\n          image: shard:1.0\n`;
const cron = (spec: string) => `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 2 * * *"\n  jobTemplate:\n    spec:\n${spec}      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: n\n              image: n:1\n`;

ruleTable(invalidJobSpec, [
  { name: 'negative counts', text: job('  parallelism: -1\n  backoffLimit: -2\n'), expect: ['6:16-6:18', '7:17-7:19'], messages: [/^spec\.parallelism: Invalid value: -1: must be greater than or equal to 0$/, /^spec\.backoffLimit: Invalid value: -2/] },
  { name: 'Indexed without completions: on completionMode', text: job('  completionMode: Indexed\n  parallelism: 4\n'), expect: ['6:19-6:26'], messages: [/^spec\.completions: Required value: when completion mode is Indexed$/] },
  { name: 'Indexed with too many parallel pods', text: job('  completionMode: Indexed\n  completions: 200000\n  parallelism: 100001\n  maxFailedIndexes: 5\n  backoffLimitPerIndex: 1\n'), expect: ['8:16-8:22'], messages: [/must be less than or equal to 100000 when completion mode is Indexed/] },
  { name: 'backoffLimitPerIndex outside Indexed mode', text: job('  completions: 3\n  backoffLimitPerIndex: 1\n'), expect: ['7:25-7:26'], messages: [/requires indexed completion mode/] },
  { name: 'maxFailedIndexes without backoffLimitPerIndex', text: job('  completionMode: Indexed\n  completions: 10\n  maxFailedIndexes: 2\n'), expect: ['8:21-8:22'], messages: [/^spec\.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified$/] },
  { name: 'maxFailedIndexes above completions', text: job('  completionMode: Indexed\n  completions: 10\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: 11\n'), expect: ['9:21-9:23'], messages: [/must be less than or equal to completions/] },
  { name: 'a CronJob job template, with its path', text: cron('      ttlSecondsAfterFinished: -5\n'), expect: ['9:32-9:34'], messages: [/^spec\.jobTemplate\.spec\.ttlSecondsAfterFinished: Invalid value: -5/] },
  { name: 'valid Indexed job with per-index limits', text: job('  completionMode: Indexed\n  completions: 10\n  parallelism: 3\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: 10\n'), expect: [] },
  { name: 'zeros are allowed (a suspended-like job)', text: job('  parallelism: 0\n  backoffLimit: 0\n'), expect: [] },
  { name: 'other kinds are not Jobs', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nspec:\n  parallelism: -1\n', expect: [] },
]);
