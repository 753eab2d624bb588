// restart-policy: pod templates with restartPolicy Never or unset, at the value or the pod spec's `spec:`; fixes
// write the default Always (safe) or the policy kube-linter accepts for the kind (unsafe).
import { restartPolicy } from '../../../server/src/rules/k8s/restart-policy';
import { deployment, pod } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const job = (policy: string) => `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n${policy}      containers:\n        - name: migrate\n          image: app:1.4\n`;
const cron = (policy: string) =>
  `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n${policy}          containers:\n            - name: report\n              image: app:1.4\n`;

ruleTable(restartPolicy, [
  {
    name: 'a Deployment without one gets the default written',
    text: deployment(),
    expect: ['13:5-13:9'],
    messages: [/^Deployment web does not set restartPolicy in its pod spec; write Always\./],
    fixed: `${deployment()}      restartPolicy: Always\n`,
  },
  {
    name: 'a Pod with Never: OnFailure (unsafe)',
    text: pod({ podSpec: '  restartPolicy: Never\n' }),
    expect: ['6:18-6:23'],
    messages: [/^Pod web has restartPolicy Never, so failed containers are not restarted; use OnFailure\./],
    fixed: pod({ podSpec: '  restartPolicy: OnFailure\n' }),
  },
  { name: 'a Job with Never', text: job('      restartPolicy: Never\n'), expect: ['8:22-8:27'], fixed: job('      restartPolicy: OnFailure\n') },
  { name: 'a Job without one (the API server refuses it too)', text: job(''), expect: ['7:5-7:9'], messages: [/write OnFailure/], fixed: job('').replace('          image: app:1.4\n', '          image: app:1.4\n      restartPolicy: OnFailure\n') },
  { name: 'a CronJob with Never', text: cron('          restartPolicy: Never\n'), expect: ['11:26-11:31'], fixed: cron('          restartPolicy: OnFailure\n') },
  { name: 'a StatefulSet with Never (invalid for it): Always', text: deployment({ kind: 'StatefulSet', podSpec: '      restartPolicy: Never\n' }), expect: ['14:22-14:27'], fixed: deployment({ kind: 'StatefulSet', podSpec: '      restartPolicy: Always\n' }) },
  { name: 'Always', text: deployment({ podSpec: '      restartPolicy: Always\n' }), expect: [] },
  { name: 'OnFailure', text: job('      restartPolicy: OnFailure\n'), expect: [] },
  { name: 'a Service has no pod spec', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n', expect: [] },
]);
