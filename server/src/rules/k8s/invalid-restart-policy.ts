import { isScalar } from 'yaml';
import { fieldPath } from '../../core/k8s/api-validation';
import { nodeAt, podSpecPath } from '../../core/k8s/object';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

/** The restart policies the API server allows per kind (a Pod takes all three). */
const ALLOWED: Record<string, string[]> = {
  Deployment: ['Always'],
  StatefulSet: ['Always'],
  DaemonSet: ['Always'],
  ReplicaSet: ['Always'],
  ReplicationController: ['Always'],
  DeploymentConfig: ['Always'],
  Job: ['OnFailure', 'Never'],
  CronJob: ['OnFailure', 'Never'],
  Pod: ['Always', 'OnFailure', 'Never'],
};

export const invalidRestartPolicy: ManifestRule = {
  id: 'invalid-restart-policy',
  aliases: [],
  severity: 'error',
  category: 'correctness',
  scope: 'object',
  docs: {
    summary: 'A pod template restartPolicy its kind does not allow (Deployment-like kinds: Always; Jobs and CronJobs: OnFailure or Never).',
    why: 'Controllers that keep pods running (Deployment, StatefulSet, DaemonSet, ReplicaSet) only accept `restartPolicy: Always`; Jobs and CronJobs run to completion and refuse `Always` — and a Job without a restartPolicy is refused too, since the default `Always` does not apply to it. Copying a pod spec between the two kinds is the usual cause.',
    bad: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers:\n        - name: migrate\n          image: app:1.4\n',
    good: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      restartPolicy: OnFailure\n      containers:\n        - name: migrate\n          image: app:1.4\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const allowed = ALLOWED[obj.kind];
      const spec = podSpecPath(obj);
      if (!allowed || !spec) continue;
      const node = nodeAt(obj.root, [...spec, 'restartPolicy']);
      const where = fieldPath([...spec, 'restartPolicy']);
      const supported = allowed.map((a) => `"${a}"`).join(', ');
      if (isScalar(node) && typeof node.value === 'string') {
        if (!allowed.includes(node.value)) hits.push({ message: `${where}: Unsupported value: ${JSON.stringify(node.value)}: supported values: ${supported}`, range: file.nodeRange(obj.doc, node) });
      } else if (node === undefined && !allowed.includes('Always')) {
        // A Job's pods have no default: the API server says the field is required.
        const kind = nodeAt(obj.root, ['kind']);
        if (nodeAt(obj.root, spec) && kind) hits.push({ message: `${where}: Required value: a ${obj.kind} needs restartPolicy ${supported.replace(', ', ' or ')} in its pod template`, range: file.nodeRange(obj.doc, kind) });
      }
    }
    return hits;
  },
};
