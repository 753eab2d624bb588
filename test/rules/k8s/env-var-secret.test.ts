// env-var-secret: credentials written as literal env values.
import { envVarSecret } from '../../../server/src/rules/k8s/env-var-secret';
import { deployment, pod } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const env = (lines: string) => pod({ name: 'api', containers: [{ name: 'api', image: 'example/api:1.4', extra: `      env:\n${lines}` }] });

ruleTable(envVarSecret, [
  { name: 'a password in plain text', text: env('        - name: DB_PASSWORD\n          value: hunter2\n'), expect: ['11:18-11:25'], messages: [/DB_PASSWORD in the env of container "api" looks like a credential/], noFix: true },
  { name: 'kube-linter\'s pattern: any name containing secret, even a locator', text: env('        - name: client_secret_name\n          value: oauth\n'), expect: ['11:18-11:23'] },
  { name: 'an API key, quoted', text: env('        - name: STRIPE_API_KEY\n          value: "sk_live_123"\n'), expect: ['11:18-11:31'] },
  {
    name: 'a Deployment init container',
    text: deployment({ podSpec: '      initContainers:\n        - name: migrate\n          image: example/migrate:1\n          env:\n            - name: GITHUB_TOKEN\n              value: ghp_abc\n' }),
    expect: ['19:22-19:29'],
    messages: [/init container "migrate"/],
  },
  { name: 'read from a Secret', text: env('        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: db\n              key: password\n'), expect: [] },
  { name: 'a path to a credential file', text: env('        - name: DB_PASSWORD_FILE\n          value: /run/secrets/db\n'), expect: [] },
  { name: 'a reference to another variable', text: env('        - name: API_TOKEN\n          value: $(TOKEN_FROM_SECRET)\n'), expect: [] },
  { name: 'an empty value', text: env('        - name: API_TOKEN\n          value: ""\n'), expect: [] },
  { name: 'a public key is not a secret', text: env('        - name: GPG_PUBLIC_KEY\n          value: abc\n'), expect: [] },
  { name: 'an ordinary variable', text: env('        - name: LOG_LEVEL\n          value: debug\n'), expect: [] },
]);
