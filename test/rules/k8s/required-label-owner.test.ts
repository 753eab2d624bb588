// required-label-owner (off by default): objects without an owner label.
import { requiredLabelOwner } from '../../../server/src/rules/k8s/required-label-owner';
import { ruleTable } from '../../helpers/ruleTable';

const cm = (meta: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n${meta}data:\n  mode: fast\n`;

ruleTable(requiredLabelOwner, [
  { name: 'no labels: at metadata', text: cm(''), expect: ['3:1-3:9'], messages: [/ConfigMap web has no owner label/], noFix: true },
  { name: 'labels without owner: at labels', text: cm('  labels:\n    app: web\n'), expect: ['5:3-5:9'] },
  { name: 'an empty owner', text: cm('  labels:\n    owner: ""\n'), expect: ['6:12-6:14'] },
  { name: 'an owner', text: cm('  labels:\n    owner: payments\n'), expect: [] },
  { name: 'an owner annotation is not the label', text: cm('  annotations:\n    owner: payments\n'), expect: ['3:1-3:9'] },
]);
