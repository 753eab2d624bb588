import { invalidCronSchedule } from '../../../server/src/rules/k8s/invalid-cron-schedule';
import { ruleTable } from '../../helpers/ruleTable';

const cron = (spec: string) => `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n${spec}  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: r\n              image: r:1\n`;
ruleTable(invalidCronSchedule, [
  { name: 'six fields (Quartz)', text: cron('  schedule: "0 0 6 * * *"\n'), expect: ['6:13-6:26'], messages: [/^spec\.schedule: Invalid value: "0 0 6 \* \* \*": expected exactly 5 fields, found 6/] },
  { name: 'a TZ prefix', text: cron('  schedule: "TZ=Europe/Berlin 0 6 * * *"\n'), expect: ['6:13-6:41'], messages: [/use timeZone field instead/] },
  { name: 'Sunday as 7', text: cron('  schedule: "0 6 * * 7"\n'), expect: ['6:13-6:24'] },
  { name: 'an unknown time zone', text: cron('  schedule: "0 6 * * *"\n  timeZone: Europe/Atlantis\n'), expect: ['7:13-7:28'], messages: [/unknown time zone Europe\/Atlantis/] },
  { name: 'valid', text: cron('  schedule: "*/15 6-18 * * mon-fri"\n  timeZone: Etc/UTC\n'), expect: [] },
  { name: 'a descriptor', text: cron('  schedule: "@daily"\n'), expect: [] },
]);
