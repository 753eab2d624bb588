// read-secret-from-env-var (off by default): Secrets read into the environment.
import { readSecretFromEnvVar } from '../../../server/src/rules/k8s/read-secret-from-env-var';
import { pod } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const api = (extra: string) => pod({ name: 'api', containers: [{ name: 'api', image: 'example/api:1.4', extra }] });

ruleTable(readSecretFromEnvVar, [
  {
    name: 'secretKeyRef',
    text: api('      env:\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: db\n              key: password\n'),
    expect: ['12:13-12:25'],
    messages: [/DB_PASSWORD reads a Secret into the environment of container "api"/],
  },
  { name: 'envFrom secretRef', text: api('      envFrom:\n        - secretRef:\n            name: db\n'), expect: ['10:11-10:20'], messages: [/envFrom reads every key of a Secret/] },
  { name: 'a ConfigMap key is fine', text: api('      env:\n        - name: LOG_LEVEL\n          valueFrom:\n            configMapKeyRef:\n              name: cfg\n              key: level\n'), expect: [] },
  { name: 'envFrom a ConfigMap is fine', text: api('      envFrom:\n        - configMapRef:\n            name: cfg\n'), expect: [] },
  { name: 'a mounted Secret is fine', text: api('      volumeMounts:\n        - name: db\n          mountPath: /run/secrets/db\n'), expect: [] },
]);
