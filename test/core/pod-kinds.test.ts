// Workload checks cover every pod-bearing kind, OpenShift's DeploymentConfig included.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeManifest } from '../../server/src/core/k8s/analyze';
import { manifestRules } from '../../server/src/rules';

const pod = (indent: string) =>
  [`${indent}containers:`, `${indent}  - name: app`, `${indent}    image: nginx:latest`].join('\n');
const KINDS: Record<string, string> = {
  Pod: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${pod('  ')}\n`,
  Deployment: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels: {app: d}\n  template:\n    metadata:\n      labels: {app: d}\n    spec:\n${pod('      ')}\n`,
  StatefulSet: `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: s\nspec:\n  serviceName: s\n  selector:\n    matchLabels: {app: s}\n  template:\n    metadata:\n      labels: {app: s}\n    spec:\n${pod('      ')}\n`,
  DaemonSet: `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: ds\nspec:\n  selector:\n    matchLabels: {app: ds}\n  template:\n    metadata:\n      labels: {app: ds}\n    spec:\n${pod('      ')}\n`,
  ReplicaSet: `apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: rs\nspec:\n  selector:\n    matchLabels: {app: rs}\n  template:\n    metadata:\n      labels: {app: rs}\n    spec:\n${pod('      ')}\n`,
  ReplicationController: `apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: rc\nspec:\n  selector: {app: rc}\n  template:\n    metadata:\n      labels: {app: rc}\n    spec:\n${pod('      ')}\n`,
  Job: `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n${pod('      ')}\n`,
  CronJob: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "*/5 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n${pod('          ')}\n`,
  DeploymentConfig: `apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata:\n  name: dc\nspec:\n  replicas: 2\n  selector: {app: dc}\n  template:\n    metadata:\n      labels: {app: dc}\n    spec:\n${pod('      ')}\n`,
};

describe('pod-bearing kinds', () => {
  for (const [kind, text] of Object.entries(KINDS)) {
    it(`${kind}: the container checks see its containers`, () => {
      const ids = new Set(analyzeManifest(text, { rules: manifestRules, path: `/ws/${kind}.yaml` }).findings.map((f) => f.ruleId));
      // nginx:latest and no resources are reported wherever a pod template is.
      assert.ok(ids.has('image-latest'), `${kind}: ${[...ids].join(', ')}`);
      assert.ok(ids.has('missing-resources'), `${kind}: ${[...ids].join(', ')}`);
    });
  }
});
