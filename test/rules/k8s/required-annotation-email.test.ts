// required-annotation-email (off by default): objects without an email annotation holding an address.
import { requiredAnnotationEmail } from '../../../server/src/rules/k8s/required-annotation-email';
import { ruleTable } from '../../helpers/ruleTable';

const cm = (meta: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n${meta}data:\n  mode: fast\n`;

ruleTable(requiredAnnotationEmail, [
  { name: 'no annotations: at metadata', text: cm(''), expect: ['3:1-3:9'], messages: [/ConfigMap web has no email annotation/], noFix: true },
  { name: 'annotations without email: at annotations', text: cm('  annotations:\n    team: payments\n'), expect: ['5:3-5:14'] },
  { name: 'not an address', text: cm('  annotations:\n    email: payments team\n'), expect: ['6:12-6:25'], messages: [/is not an email address \("payments team"\)/] },
  { name: 'an address without a dot in the domain', text: cm('  annotations:\n    email: ops@localhost\n'), expect: ['6:12-6:25'] },
  { name: 'an address', text: cm('  annotations:\n    email: payments@example.com\n'), expect: [] },
  { name: 'an email label is not the annotation', text: cm('  labels:\n    email: x\n  annotations:\n    email: a.b+c@mail.example.co.uk\n'), expect: [] },
]);
