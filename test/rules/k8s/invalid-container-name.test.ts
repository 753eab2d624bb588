import { invalidContainerName } from '../../../server/src/rules/k8s/invalid-container-name';
import { ruleTable } from '../../helpers/ruleTable';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`;
ruleTable(invalidContainerName, [
  { name: 'an underscore in a container name', text: pod('  containers:\n    - name: web_server\n      image: nginx:1.27\n'), expect: ['7:13-7:23'], messages: [/^spec\.containers\.0\.name: Invalid value: "web_server": a lowercase RFC 1123 label/] },
  { name: 'an upper-case init container name', text: pod('  initContainers:\n    - name: Migrate\n      image: app:1\n  containers:\n    - name: web\n      image: nginx:1.27\n'), expect: ['7:13-7:20'], messages: [/initContainers/] },
  { name: 'a dot in a volume name', text: pod('  containers:\n    - name: web\n      image: nginx:1.27\n  volumes:\n    - name: config.d\n      emptyDir: {}\n'), expect: ['10:13-10:21'], messages: [/^spec\.volumes\.0\.name/] },
  { name: 'in a CronJob', text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: Job\n              image: app:1\n', expect: ['13:21-13:24'] },
  { name: 'valid names', text: pod('  containers:\n    - name: web-1\n      image: nginx:1.27\n  volumes:\n    - name: cache\n      emptyDir: {}\n'), expect: [] },
]);
