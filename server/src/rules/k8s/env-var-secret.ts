// env-var-secret (kube-linter:env-var-secret): a secret-looking environment variable (SECRET, PASSWORD, TOKEN,
// API_KEY …) whose value is written in the manifest instead of read from a Secret.
import { isMap, isScalar } from 'yaml';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { seqAt } from '../../core/k8s/object';
import { allContainers, containerLabel } from '../../core/k8s/pod-containers';
import { looksLikeSecret } from '../../core/dockerfile/secret-names';

// kube-linter's pattern is any name containing "secret"; the names the Dockerfile rules take for secrets
// (PASSWORD, TOKEN, API_KEY …, not TOKEN_FILE or AUTH_URL) name credentials just as often.
const SECRET = /secret/i;

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      image: example/api:1.4\n      env:\n        - name: DB_PASSWORD\nVALUE';

export const envVarSecret: ManifestRule = {
  id: 'env-var-secret',
  aliases: ['kube-linter:env-var-secret'],
  severity: 'warning',
  category: 'security',
  scope: 'object',
  docs: {
    summary: 'A secret-looking environment variable (SECRET, PASSWORD, TOKEN, API_KEY …) with its value written in the manifest.',
    why: 'A value in the manifest is in the repository, its history and every copy of it, and anyone who can read the Deployment (`kubectl get -o yaml`) reads the credential. Keep it in a Secret and reference it (`valueFrom.secretKeyRef`), or mount the Secret as a file. Names that only locate a credential (`*_FILE`, `*_PATH`, `*_URL` …) are not reported unless they contain SECRET, as kube-linter has it.',
    bad: POD.replace('VALUE', '          value: hunter2\n'),
    good: `${POD.replace('VALUE', '          valueFrom:\n            secretKeyRef:\n              name: api-db\n              key: password\n')}`,
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const { obj, c } of allContainers(file, true)) {
      for (const item of seqAt(c.map, ['env'])) {
        if (!isMap(item)) continue;
        const name = item.get('name');
        const value = item.get('value', true);
        if (typeof name !== 'string' || !isScalar(value) || value.value === null || String(value.value) === '') continue;
        if (!SECRET.test(name) && !looksLikeSecret(name)) continue;
        // A value that is only a reference to another variable, $(OTHER), holds no credential itself.
        if (/^\$\([A-Za-z_][A-Za-z0-9_.-]*\)$/.test(String(value.value))) continue;
        hits.push({
          message: `${name} in the env of ${containerLabel(c)} looks like a credential written into the manifest; move it to a Secret and read it with valueFrom.secretKeyRef (or mount the Secret as a file).`,
          range: file.nodeRange(obj.doc, value),
        });
      }
    }
    return hits;
  },
};
