// minimum-three-replicas (kube-linter:minimum-three-replicas, off by default): a Deployment, StatefulSet,
// ReplicaSet, ReplicationController or DeploymentConfig with fewer than 3 replicas (unset is 1). Workloads an
// autoscaler scales are left to hpa-minimum-three-replicas (their replicas field is the autoscaler's). Fix (unsafe:
// it costs pods): replicas: 3, as kube-linter's remediation says.
import { mapAt, pairOf } from '../../core/k8s/object';
import { metadataAnchor } from '../../core/k8s/pod-spec';
import { relocate } from '../../core/k8s/relocate';
import { declaredReplicas } from '../../core/k8s/replicas';
import { workspaceIndex } from '../../core/k8s/workspace-index';
import { raiseNumber } from '../../core/k8s/yaml-edit';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

const MIN = 3;
const APP = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: checkout\nspec:\n  replicas: N\n  selector:\n    matchLabels:\n      app: checkout\n  template:\n    metadata:\n      labels:\n        app: checkout\n    spec:\n      containers:\n        - name: checkout\n          image: nginx:1.27\n';

export const minimumThreeReplicas: ManifestRule = {
  id: 'minimum-three-replicas',
  aliases: ['kube-linter:minimum-three-replicas'],
  severity: 'info',
  category: 'reliability',
  offByDefault: true,
  docs: {
    summary: 'A replicated workload with fewer than three replicas (an unset `replicas` is 1).',
    why: 'With one replica every restart, rollout or node drain is an outage; with two, losing one node during a rollout leaves one pod carrying all the traffic, or none. Three replicas (spread over nodes) keep serving through one failure plus one voluntary disruption.',
    bad: APP.replace('N', '2'),
    good: APP.replace('N', '3'),
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    const index = workspaceIndex(workspace);
    for (const obj of file.objects) {
      const declared = declaredReplicas(obj);
      if (!declared || declared.count >= MIN) continue;
      if (obj.name !== undefined && index.scalersOf(obj.kind, obj.name, obj.namespace).length) continue;
      const spec = pairOf(obj.root, 'spec');
      hits.push({
        message: `${obj.kind} ${obj.name ?? '(unnamed)'} ${declared.node ? `has ${declared.count} ${declared.count === 1 ? 'replica' : 'replicas'}` : 'sets no replicas (defaults to 1)'}, fewer than ${MIN}: one failure during a rollout or drain can leave nothing serving; run at least ${MIN}.`,
        range: file.nodeRange(obj.doc, declared.node ?? spec?.key ?? metadataAnchor(obj)),
        data: { doc: obj.doc.index },
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'three-replicas',
      title: () => `Set replicas: ${MIN}`,
      safe: false,
      preferred: true,
      apply(input, finding) {
        const found = relocate(input, finding);
        const spec = found && mapAt(found.obj.root, ['spec']);
        if (!found || !spec) return null;
        const edit = raiseNumber(found.file, found.obj.doc, spec, 'replicas', MIN, 'selector');
        return edit && { edits: [edit] };
      },
    },
  ],
};
