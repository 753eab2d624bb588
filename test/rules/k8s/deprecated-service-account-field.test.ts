// deprecated-service-account-field: the deprecated serviceAccount key, renamed or removed by the fix.
import { deprecatedServiceAccountField } from '../../../server/src/rules/k8s/deprecated-service-account-field';
import { deployment } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const pod = (lines: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${lines}  containers:\n    - name: web\n      image: nginx:1.27\n`;

ruleTable(deprecatedServiceAccountField, [
  {
    name: 'serviceAccount alone: renamed to serviceAccountName',
    text: pod('  serviceAccount: web\n'),
    expect: ['6:3-6:17'],
    messages: [/deprecated; name the service account with serviceAccountName: web/],
    fixed: pod('  serviceAccountName: web\n'),
  },
  {
    name: 'both, equal: serviceAccount removed',
    text: pod('  serviceAccountName: web\n  serviceAccount: web\n'),
    expect: ['7:3-7:17'],
    messages: [/repeats serviceAccountName; remove it/],
    fixed: pod('  serviceAccountName: web\n'),
  },
  {
    name: 'both, different: serviceAccountName wins, serviceAccount removed',
    text: pod('  serviceAccount: old\n  serviceAccountName: web\n'),
    expect: ['6:3-6:17'],
    messages: [/"old" differs from serviceAccountName "web", which wins/],
    fixed: pod('  serviceAccountName: web\n'),
  },
  {
    name: 'a Deployment pod template',
    text: deployment({ podSpec: '      serviceAccount: web\n' }),
    expect: ['14:7-14:21'],
    fixed: deployment({ podSpec: '      serviceAccountName: web\n' }),
  },
  { name: 'serviceAccountName alone is fine', text: pod('  serviceAccountName: web\n'), expect: [] },
  { name: 'an empty serviceAccount is nothing set', text: pod('  serviceAccount: ""\n'), expect: [] },
  { name: 'serviceAccount outside a pod spec (a ConfigMap key) is not checked', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  serviceAccount: web\n', expect: [] },
]);
