import { isScalar } from 'yaml';
import { cronError, isTimeZone } from '../../core/k8s/cron';
import { isTemplated } from '../../core/k8s/api-validation';
import { nodeAt } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

export const invalidCronSchedule: ManifestRule = {
  id: 'invalid-cron-schedule',
  aliases: [],
  severity: 'error',
  category: 'correctness',
  scope: 'object',
  docs: {
    summary: 'A CronJob schedule the API server cannot parse, a TZ= prefix in it, or a timeZone that is not an IANA name.',
    why: 'CronJob schedules have exactly five fields (minute hour day-of-month month day-of-week; day of week 0–6) or a descriptor such as `@hourly`; six-field Quartz expressions, `7` for Sunday and `TZ=Europe/Berlin` prefixes are refused. The time zone goes in `spec.timeZone` as an IANA name (`Europe/Berlin`, `Etc/UTC`).',
    bad: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: "0 0 6 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: report\n              image: report:1.2\n',
    good: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: "0 6 * * *"\n  timeZone: Europe/Berlin\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: report\n              image: report:1.2\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      if (obj.kind !== 'CronJob') continue;
      const schedule = nodeAt(obj.root, ['spec', 'schedule']);
      if (isScalar(schedule) && typeof schedule.value === 'string' && !isTemplated(schedule.value)) {
        const error = cronError(schedule.value);
        if (error) hits.push({ message: `spec.schedule: Invalid value: ${JSON.stringify(schedule.value)}: ${error}`, range: file.nodeRange(obj.doc, schedule) });
      }
      const zone = nodeAt(obj.root, ['spec', 'timeZone']);
      if (isScalar(zone) && typeof zone.value === 'string' && !isTemplated(zone.value) && !isTimeZone(zone.value)) {
        hits.push({ message: `spec.timeZone: Invalid value: ${JSON.stringify(zone.value)}: unknown time zone ${zone.value}`, range: file.nodeRange(obj.doc, zone) });
      }
    }
    return hits;
  },
};
