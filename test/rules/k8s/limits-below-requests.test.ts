import { limitsBelowRequests } from '../../../server/src/rules/k8s/limits-below-requests';
import { ruleTable } from '../../helpers/ruleTable';

const pod = (resources: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      resources:\n${resources}`;
ruleTable(limitsBelowRequests, [
  { name: 'memory request above the limit, mixed suffixes', text: pod('        requests:\n          memory: 1Gi\n        limits:\n          memory: 1000M\n'), expect: ['11:19-11:22'], messages: [/^spec\.containers\[0\]\.resources\.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 1000M/] },
  { name: 'cpu in cores vs millicores', text: pod('        requests:\n          cpu: 2\n        limits:\n          cpu: 1500m\n'), expect: ['11:16-11:17'] },
  { name: 'equal is fine', text: pod('        requests:\n          cpu: 500m\n        limits:\n          cpu: "0.5"\n'), expect: [] },
  { name: 'only one of them', text: pod('        requests:\n          cpu: 2\n        limits:\n          memory: 1Gi\n'), expect: [] },
]);
