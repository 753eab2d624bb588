// dnsconfig-options (off by default): pods without the ndots: "2" DNS option.
import { dnsconfigOptions } from '../../../server/src/rules/k8s/dnsconfig-options';
import { deployment } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const pod = (lines: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${lines}  containers:\n    - name: web\n      image: nginx:1.27\n`;

ruleTable(dnsconfigOptions, [
  { name: 'no dnsConfig: at the pod spec', text: pod(''), expect: ['5:1-5:5'], messages: [/Pod web sets no dnsConfig/] },
  { name: 'dnsConfig without options', text: pod('  dnsConfig:\n    nameservers: [10.0.0.10]\n'), expect: ['6:3-6:12'], messages: [/without options/] },
  { name: 'options without ndots', text: pod('  dnsConfig:\n    options:\n      - name: edns0\n'), expect: ['7:5-7:12'], messages: [/but not ndots/] },
  { name: 'ndots 5', text: pod('  dnsConfig:\n    options:\n      - name: ndots\n        value: "5"\n'), expect: ['9:16-9:19'], messages: [/sets ndots to 5, not 2/] },
  { name: 'a Deployment template without one', text: deployment(), expect: ['13:5-13:9'] },
  { name: 'ndots "2"', text: pod('  dnsConfig:\n    options:\n      - name: edns0\n      - name: ndots\n        value: "2"\n'), expect: [] },
  { name: 'objects without pods', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n', expect: [] },
]);
