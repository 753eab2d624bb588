// non-existent-service-account: a serviceAccountName no ServiceAccount defines, when the workspace could define it.
import { nonExistentServiceAccount } from '../../../server/src/rules/k8s/non-existent-service-account';
import { deployment } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const pod = (sa: string, namespace?: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  serviceAccountName: ${sa}\n  containers:\n    - name: web\n      image: nginx:1.27\n`;
const account = (name: string, namespace?: string) => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}`;

ruleTable(nonExistentServiceAccount, [
  {
    name: 'a misspelt account: did-you-mean and an unsafe fix',
    text: `${pod('web-ap')}---\n${account('web-app')}`,
    expect: ['6:23-6:29'],
    messages: [/ServiceAccount web-ap is not defined in namespace default; did you mean web-app\?/],
    fixed: `${pod('web-app')}---\n${account('web-app')}`,
  },
  {
    name: 'the account only in another namespace',
    text: pod('web', 'prod'),
    files: { 'sa.yaml': account('web', 'staging') },
    expect: ['7:23-7:26'],
    messages: [/not defined in namespace prod \(one is defined in namespace staging\)/],
    noFix: true,
  },
  {
    name: 'no ServiceAccounts but the pod\'s Namespace is in the workspace',
    text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n---\n${pod('web', 'prod')}`,
    expect: ['12:23-12:26'],
  },
  { name: 'the account in another file', text: pod('web'), files: { 'sa.yaml': account('web') }, expect: [] },
  {
    name: 'a Deployment\'s template, account present',
    text: `${deployment({ podSpec: '      serviceAccountName: web\n' })}---\n${account('web')}`,
    expect: [],
  },
  { name: 'no ServiceAccounts and no Namespace in the workspace: silent', text: pod('web'), expect: [] },
  { name: 'default always exists', text: `${pod('default')}---\n${account('other')}`, expect: [] },
]);
