// job-ttl-seconds-after-finished (kube-linter:job-ttl-seconds-after-finished): a standalone Job without
// spec.ttlSecondsAfterFinished (its finished pods stay until someone deletes them; no fix: how long to keep them is
// the owner's call), and a CronJob whose job template sets it (it races the CronJob's history limits; the fix,
// unsafe, removes it as kube-linter's remediation says).
import { mapAt, nodeAt, pairOf } from '../../core/k8s/object';
import { metadataAnchor } from '../../core/k8s/pod-spec';
import { relocate } from '../../core/k8s/relocate';
import { removeFromMap } from '../../core/k8s/yaml-edit';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

const JOB = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\nTTL  template:\n    spec:\n      restartPolicy: OnFailure\n      containers:\n        - name: migrate\n          image: app:1.4\n';
const CRON = '---\napiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\nTTL      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: report\n              image: app:1.4\n';
const TEMPLATE_SPEC = ['spec', 'jobTemplate', 'spec'];

export const jobTtlSecondsAfterFinished: ManifestRule = {
  id: 'job-ttl-seconds-after-finished',
  aliases: ['kube-linter:job-ttl-seconds-after-finished'],
  severity: 'info',
  category: 'reliability',
  scope: 'object',
  docs: {
    summary: 'A standalone Job without `ttlSecondsAfterFinished`, or a CronJob whose job template sets it.',
    why: "A finished Job and its pods stay in the cluster until deleted: they pile up, and re-applying the same Job fails because it exists. `ttlSecondsAfterFinished` lets Kubernetes delete it some time after it ends. A CronJob already cleans up its Jobs by `successfulJobsHistoryLimit` and `failedJobsHistoryLimit`; a TTL in its job template competes with those limits, and whichever is stricter removes the Jobs (and their logs) you meant to keep.",
    bad: JOB.replace('TTL', '') + CRON.replace('TTL', '      ttlSecondsAfterFinished: 600\n'),
    good: JOB.replace('TTL', '  ttlSecondsAfterFinished: 86400\n') + CRON.replace('TTL', ''),
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      if (!obj.apiVersion.startsWith('batch/')) continue;
      if (obj.kind === 'Job') {
        const spec = pairOf(obj.root, 'spec');
        if (mapAt(obj.root, ['spec'])?.has('ttlSecondsAfterFinished')) continue;
        hits.push({
          message: `Job ${obj.name ?? '(unnamed)'} sets no ttlSecondsAfterFinished, so it and its pods stay after it finishes; set how long to keep them.`,
          range: file.nodeRange(obj.doc, spec?.key ?? metadataAnchor(obj)),
        });
      } else if (obj.kind === 'CronJob') {
        const template = mapAt(obj.root, TEMPLATE_SPEC);
        const pair = template && pairOf(template, 'ttlSecondsAfterFinished');
        if (!pair || nodeAt(obj.root, [...TEMPLATE_SPEC, 'ttlSecondsAfterFinished']) === undefined) continue;
        hits.push({
          message: `CronJob ${obj.name ?? '(unnamed)'} sets ttlSecondsAfterFinished on its Jobs, which competes with its successfulJobsHistoryLimit and failedJobsHistoryLimit; remove it and let the history limits clean up.`,
          range: file.nodeRange(obj.doc, pair.key),
          data: { doc: obj.doc.index },
        });
      }
    }
    return hits;
  },
  fixes: [
    {
      id: 'remove-ttl',
      title: () => "Remove ttlSecondsAfterFinished (the CronJob's history limits clean up)",
      safe: false,
      preferred: true,
      apply(input, finding) {
        const found = relocate(input, finding);
        const template = found && found.obj.kind === 'CronJob' ? mapAt(found.obj.root, TEMPLATE_SPEC) : undefined;
        const edit = found && template && removeFromMap(found.file, found.obj.doc, template, 'ttlSecondsAfterFinished');
        return edit ? { edits: [edit] } : null;
      },
    },
  ],
};
