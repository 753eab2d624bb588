// env[].name and envFrom[].prefix the API server refuses (issue 13 §1), in the API server's words, by the configured
// Kubernetes version: the strict name syntax before 1.32, printable ASCII without `=` from 1.32 on.
import { isMap, isScalar, type Scalar } from 'yaml';
import { envVarName, fieldPath, invalidValue, isTemplated, kubernetesMinor } from '../../core/k8s/api-validation';
import { seqAt } from '../../core/k8s/object';
import { allContainers } from '../../core/k8s/pod-containers';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

const RELAXED_SINCE = kubernetesMinor('1.32');

export const invalidEnvVarName: ManifestRule = {
  id: 'invalid-env-var-name',
  aliases: [],
  severity: 'error',
  severityNote: 'info for a name only clusters from 1.32 on accept, when the configured version is 1.32 or later',
  category: 'correctness',
  scope: 'object',
  docs: {
    summary: 'An environment variable name or envFrom prefix the API server refuses.',
    why: 'Before Kubernetes 1.32 a variable name may only hold letters, digits, `_`, `-` and `.` and must not start with a digit; `kubectl apply` fails with `Invalid value: "1ST_PORT": a valid environment variable name must consist of …`. From 1.32 on any printable ASCII but `=` is accepted, but a name like `1ST_PORT` or `my var` still cannot be read by a shell (`$1ST_PORT` is `$1` followed by text), and older clusters refuse it.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      env:\n        - name: 1ST_PORT\n          value: "80"\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      env:\n        - name: FIRST_PORT\n          value: "80"\n',
  },
  check({ file, kubernetesVersion }) {
    const relaxed = kubernetesMinor(kubernetesVersion) >= RELAXED_SINCE;
    const hits: RuleHit[] = [];
    for (const { obj, c } of allContainers(file, true)) {
      const check = (node: unknown, path: (string | number)[]) => {
        if (!isScalar(node) || typeof (node as Scalar).value !== 'string') return;
        const value = (node as Scalar<string>).value;
        if (isTemplated(value)) return;
        const where = fieldPath(path);
        const range = file.nodeRange(obj.doc, node);
        const errors = envVarName(value, relaxed);
        if (errors.length) {
          hits.push({ message: invalidValue(where, value, errors.join(', ')), range });
          return;
        }
        // Accepted by a 1.32+ cluster, refused by older ones and unreadable from a shell.
        const strict = relaxed ? envVarName(value, false) : [];
        if (strict.length) hits.push({ severity: 'info', message: `${where}: ${JSON.stringify(value)} is accepted from Kubernetes 1.32 on, but clusters before 1.32 refuse it and a shell cannot expand it; prefer letters, digits and \`_\`, not starting with a digit.`, range });
      };
      seqAt(c.map, ['env']).forEach((item, i) => isMap(item) && check(item.get('name', true), [...c.path, 'env', i, 'name']));
      seqAt(c.map, ['envFrom']).forEach((item, i) => {
        const prefix = isMap(item) ? item.get('prefix', true) : undefined;
        // An empty prefix means none.
        if (isScalar(prefix) && prefix.value !== '') check(prefix, [...c.path, 'envFrom', i, 'prefix']);
      });
    }
    return hits;
  },
};
