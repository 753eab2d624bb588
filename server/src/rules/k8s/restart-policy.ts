// restart-policy (kube-linter:restart-policy, off by default): a pod template whose restartPolicy is not Always or
// OnFailure, unset included (kube-linter reads the field as written). At the value, or at the pod spec's `spec:`.
// Fixes: write the default Always where it applies (safe: no change in behaviour); otherwise (unsafe) Always for
// kinds that only take Always, OnFailure for Jobs, CronJobs and Pods.
import { isScalar } from 'yaml';
import { mapAt, type PathKey } from '../../core/k8s/object';
import { podSpecs } from '../../core/k8s/pod-spec';
import { relocate } from '../../core/k8s/relocate';
import { replaceNode } from '../../core/k8s/yaml-edit';
import { mergeMap } from '../../core/k8s/yaml-merge';
import type { ManifestRule } from '../../core/rule';
import type { Fix, RuleHit } from '../../core/types';

const ACCEPTED = new Set(['Always', 'OnFailure']);
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: worker\nspec:\n  restartPolicy: POLICY\n  containers:\n    - name: worker\n      image: app:1.4\n';
/** The policy to write: Jobs cannot take Always; a Pod that did not restart keeps closest to that with OnFailure. */
const target = (kind: string, unset: boolean): string => (kind === 'Job' || kind === 'CronJob' || (kind === 'Pod' && !unset) ? 'OnFailure' : 'Always');

function setPolicy(id: string, safe: boolean, title: (policy: string) => string, applies: (kind: string, unset: boolean) => boolean): Fix {
  return {
    id,
    title: (finding) => title(String(finding.data?.policy)),
    safe,
    preferred: true,
    apply(input, finding) {
      const found = relocate(input, finding);
      const spec = found && mapAt(found.obj.root, finding.data!.path as PathKey[]);
      if (!found || !spec) return null;
      const node = spec.get('restartPolicy', true);
      const unset = node === undefined;
      const policy = target(found.obj.kind, unset);
      if (!applies(found.obj.kind, unset) || (isScalar(node) && ACCEPTED.has(node.value as string))) return null;
      if (!unset) return isScalar(node) ? { edits: [replaceNode(found.file, found.obj.doc, node, policy)] } : null;
      const edits = mergeMap(found.file, found.obj.doc, spec, { restartPolicy: policy });
      return edits?.length ? { edits } : null;
    },
  };
}

export const restartPolicy: ManifestRule = {
  id: 'restart-policy',
  aliases: ['kube-linter:restart-policy'],
  severity: 'warning',
  category: 'reliability',
  scope: 'object',
  offByDefault: true,
  docs: {
    summary: 'A pod template whose `restartPolicy` is `Never` or not written (kube-linter accepts only `Always` and `OnFailure`).',
    why: "With `Never` a container that crashes stays dead until someone notices, and a Job's pod that fails is replaced instead of retried in place. Writing the policy (`Always` for long-running workloads, `OnFailure` for Jobs) states the intent instead of leaning on a default, which Jobs do not have.",
    bad: POD.replace('POLICY', 'Never'),
    good: POD.replace('POLICY', 'OnFailure'),
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const p of podSpecs(file)) {
      const node = p.spec.get('restartPolicy', true);
      const value = isScalar(node) ? node.value : undefined;
      if (typeof value === 'string' && ACCEPTED.has(value)) continue;
      if (node !== undefined && !isScalar(node)) continue;
      const kind = `${p.obj.kind} ${p.obj.name ?? '(unnamed)'}`;
      hits.push({
        message: node === undefined
          ? `${kind} does not set restartPolicy in its pod spec; write ${target(p.obj.kind, true)}.`
          : `${kind} has restartPolicy ${String(value)}, so failed containers are not restarted; use ${target(p.obj.kind, false)}.`,
        range: file.nodeRange(p.obj.doc, node ?? p.key),
        data: { doc: p.obj.doc.index, path: p.path, policy: target(p.obj.kind, node === undefined) },
      });
    }
    return hits;
  },
  fixes: [
    // Writing the default: Pods and the kinds that run until stopped restart Always when the field is unset.
    setPolicy('write-default', true, () => 'Write the default restartPolicy: Always', (kind, unset) => unset && kind !== 'Job' && kind !== 'CronJob'),
    setPolicy('set-policy', false, (policy) => `Set restartPolicy: ${policy}`, (kind, unset) => !unset || kind === 'Job' || kind === 'CronJob'),
  ],
};
