// env-value-from (off by default): configMapKeyRef / secretKeyRef to objects or keys the workspace lacks.
import { envValueFrom } from '../../../server/src/rules/k8s/env-value-from';
import { pod } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const ref = (field: string, name: string, key: string, more = '') =>
  pod({ name: 'api', containers: [{ name: 'api', image: 'example/api:1.4', extra: `      env:\n        - name: V\n          valueFrom:\n            ${field}:\n              name: ${name}\n              key: ${key}\n${more}` }] });
const cm = (name: string, namespace?: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}data:\n  log-level: info\n`;
const SECRET = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: x\n';

ruleTable(envValueFrom, [
  {
    name: 'a key the ConfigMap lacks: did-you-mean, unsafe fix',
    text: ref('configMapKeyRef', 'cfg', 'loglevel'),
    files: { 'cm.yaml': cm('cfg') },
    expect: ['14:20-14:28'],
    messages: [/ConfigMap cfg has no key loglevel; did you mean log-level\? The container "api" of Pod api will not start/],
    fixed: ref('configMapKeyRef', 'cfg', 'log-level'),
  },
  { name: 'a Secret key in stringData', text: ref('secretKeyRef', 'db', 'password'), files: { 's.yaml': SECRET }, expect: [] },
  { name: 'a Secret without the key', text: ref('secretKeyRef', 'db', 'user'), files: { 's.yaml': SECRET }, expect: ['14:20-14:24'], messages: [/Secret db has no key user\. The/], noFix: true },
  {
    name: 'the ConfigMap only in another namespace',
    text: ref('configMapKeyRef', 'cfg', 'log-level'),
    files: { 'cm.yaml': cm('cfg', 'prod') },
    expect: ['13:21-13:24'],
    messages: [/ConfigMap cfg is defined in namespace prod, not in default/],
  },
  {
    name: 'other ConfigMaps in the namespace but not this one: information with a did-you-mean',
    text: ref('configMapKeyRef', 'cgf', 'log-level'),
    files: { 'cm.yaml': cm('cfg') },
    expect: ['13:21-13:24'],
    messages: [/No ConfigMap cgf among the 1 of namespace default in the workspace; did you mean cfg\?/],
    fixed: ref('configMapKeyRef', 'cfg', 'log-level'),
  },
  { name: 'the key present', text: ref('configMapKeyRef', 'cfg', 'log-level'), files: { 'cm.yaml': cm('cfg') }, expect: [] },
  { name: 'no ConfigMaps in the workspace: silent', text: ref('configMapKeyRef', 'cfg', 'x'), expect: [] },
  { name: 'an optional reference', text: ref('configMapKeyRef', 'cfg', 'x', '              optional: true\n'), files: { 'cm.yaml': cm('cfg') }, expect: [] },
]);
