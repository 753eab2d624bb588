import { invalidQuantity } from '../../../server/src/rules/k8s/invalid-quantity';
import { ruleTable } from '../../helpers/ruleTable';

const pod = (resources: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      resources:\n${resources}`;
ruleTable(invalidQuantity, [
  { name: 'MB is not a suffix', text: pod('        limits:\n          memory: 512MB\n'), expect: ['11:19-11:24'], messages: [/^spec\.containers\[0\]\.resources\.limits\[memory\]: Invalid value: "512MB": quantities must match/] },
  { name: 'a space before the suffix, and words', text: pod('        requests:\n          cpu: 100 m\n          memory: lots\n'), expect: ['11:16-11:21', '12:19-12:23'] },
  { name: 'negative', text: pod('        requests:\n          cpu: "-1"\n'), expect: ['11:16-11:20'], messages: [/must be greater than or equal to 0/] },
  { name: 'a fractional GPU', text: pod('        limits:\n          nvidia.com/gpu: 0.5\n'), expect: ['11:27-11:30'], messages: [/must be an integer/] },
  { name: 'valid spellings', text: pod('        requests:\n          cpu: 250m\n          memory: 128Mi\n          ephemeral-storage: 1Gi\n        limits:\n          cpu: 1.5\n          memory: 1e9\n          hugepages-2Mi: 64Mi\n          nvidia.com/gpu: 1\n'), expect: [] },
  { name: 'templated values', text: pod('        limits:\n          memory: "{{ .Values.memory }}"\n'), expect: [] },
]);
