// job-ttl-seconds-after-finished: Jobs without a TTL (at `spec:`, no fix) and CronJobs whose job template has one
// (at the key; the fix removes it).
import { jobTtlSecondsAfterFinished } from '../../../server/src/rules/k8s/job-ttl-seconds-after-finished';
import { ruleTable } from '../../helpers/ruleTable';

const job = (ttl: string) => `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n${ttl}  template:\n    spec:\n      restartPolicy: OnFailure\n      containers:\n        - name: migrate\n          image: app:1.4\n`;
const cron = (ttl: string) =>
  `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n${ttl}      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: report\n              image: app:1.4\n`;

ruleTable(jobTtlSecondsAfterFinished, [
  { name: 'a Job without a TTL', text: job(''), expect: ['5:1-5:5'], messages: [/^Job migrate sets no ttlSecondsAfterFinished, so it and its pods stay/], noFix: true },
  { name: 'a Job with a TTL', text: job('  ttlSecondsAfterFinished: 3600\n'), expect: [] },
  { name: 'a TTL of 0 deletes at once, and is set', text: job('  ttlSecondsAfterFinished: 0\n'), expect: [] },
  {
    name: 'a CronJob whose jobs have a TTL: removed',
    text: cron('      ttlSecondsAfterFinished: 600 # clean up\n'),
    expect: ['9:7-9:30'],
    messages: [/^CronJob report sets ttlSecondsAfterFinished on its Jobs, which competes with its successfulJobsHistoryLimit/],
    fixed: cron(''),
  },
  { name: 'a CronJob without one', text: cron(''), expect: [] },
  { name: 'a CronJob with a TTL on its own spec is not its jobs’ (schema territory)', text: cron('').replace('  jobTemplate:', '  ttlSecondsAfterFinished: 600\n  jobTemplate:'), expect: [] },
  { name: 'not batch/*', text: job('').replace('batch/v1', 'example.com/v1'), expect: [] },
]);
