import { duplicatePodNames } from '../../../server/src/rules/k8s/duplicate-pod-names';
import { ruleTable } from '../../helpers/ruleTable';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`;
ruleTable(duplicatePodNames, [
  { name: 'two containers named app', text: pod('  containers:\n    - name: app\n      image: a:1\n    - name: app\n      image: b:1\n'), expect: ['9:13-9:16'], messages: [/^spec\.containers\[\]\.name: Duplicate value: "app"/] },
  { name: 'an init container with a container\'s name', text: pod('  initContainers:\n    - name: app\n      image: a:1\n  containers:\n    - name: app\n      image: b:1\n'), expect: ['10:13-10:16'] },
  { name: 'two volumes named data', text: pod('  containers:\n    - name: app\n      image: a:1\n  volumes:\n    - name: data\n      emptyDir: {}\n    - name: data\n      emptyDir: {}\n'), expect: ['12:13-12:17'], messages: [/volumes\[\]\.name: Duplicate value: "data"/] },
  { name: 'two ports of one container named http', text: pod('  containers:\n    - name: app\n      image: a:1\n      ports:\n        - name: http\n          containerPort: 80\n        - name: http\n          containerPort: 8080\n'), expect: ['12:17-12:21'] },
  { name: 'the same port name in two containers is fine', text: pod('  containers:\n    - name: a\n      image: a:1\n      ports:\n        - name: http\n          containerPort: 80\n    - name: b\n      image: b:1\n      ports:\n        - name: http\n          containerPort: 8080\n'), expect: [] },
]);
