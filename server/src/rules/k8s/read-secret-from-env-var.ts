// read-secret-from-env-var (kube-linter:read-secret-from-env-var, off by default): a container reading a Secret
// into environment variables (env valueFrom.secretKeyRef, envFrom secretRef) instead of mounting it as files.
import { isMap, type Node } from 'yaml';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { pairOf, seqAt } from '../../core/k8s/object';
import { allContainers, containerLabel } from '../../core/k8s/pod-containers';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      image: example/api:1.4\n';

export const readSecretFromEnvVar: ManifestRule = {
  id: 'read-secret-from-env-var',
  aliases: ['kube-linter:read-secret-from-env-var'],
  severity: 'info',
  category: 'security',
  scope: 'object',
  offByDefault: true,
  docs: {
    summary: 'A container that reads a Secret into environment variables (`secretKeyRef`, `envFrom.secretRef`).',
    why: "Environment variables leak more easily than files: they are inherited by every child process, show up in `/proc/<pid>/environ`, crash reports and debug endpoints that dump the environment, and a changed Secret reaches them only on a restart. The CIS Kubernetes Benchmark (5.4.1) prefers Secrets mounted as files; a mounted Secret is also updated in place.",
    bad: `${POD}      env:\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: api-db\n              key: password\n`,
    good: `${POD}      volumeMounts:\n        - name: db\n          mountPath: /run/secrets/db\n          readOnly: true\n  volumes:\n    - name: db\n      secret:\n        secretName: api-db\n`,
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const { obj, c } of allContainers(file, true)) {
      const found: Array<[Node, string]> = [];
      for (const item of seqAt(c.map, ['env'])) {
        if (!isMap(item)) continue;
        const from = item.get('valueFrom', true);
        const ref = isMap(from) ? pairOf(from, 'secretKeyRef') : undefined;
        if (ref) found.push([ref.key, `${String(item.get('name') ?? 'A variable')} reads`]);
      }
      for (const item of seqAt(c.map, ['envFrom'])) {
        const ref = isMap(item) ? pairOf(item, 'secretRef') : undefined;
        if (ref) found.push([ref.key, 'envFrom reads every key of']);
      }
      for (const [node, what] of found) {
        hits.push({
          message: `${what} a Secret into the environment of ${containerLabel(c)}; prefer mounting the Secret as files (a secret volume), which child processes and environment dumps do not see.`,
          range: file.nodeRange(obj.doc, node),
        });
      }
    }
    return hits;
  },
};
