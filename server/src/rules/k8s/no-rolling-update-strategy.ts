// no-rolling-update-strategy (kube-linter:no-rolling-update-strategy, off by default): a Deployment or
// DeploymentConfig whose spec.strategy.type, or a DaemonSet or StatefulSet whose spec.updateStrategy.type, is not
// RollingUpdate (Rolling for a DeploymentConfig); unset is the rolling default. Fix (unsafe: Recreate and OnDelete
// are sometimes deliberate): the rolling type, when the strategy holds nothing else that belongs to the old one.
import { isMap, isScalar } from 'yaml';
import { mapAt, type PathKey } from '../../core/k8s/object';
import { relocate } from '../../core/k8s/relocate';
import { replaceNode } from '../../core/k8s/yaml-edit';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

const STRATEGY: Record<string, { key: string; rolling: string }> = {
  Deployment: { key: 'strategy', rolling: 'RollingUpdate' },
  DaemonSet: { key: 'updateStrategy', rolling: 'RollingUpdate' },
  StatefulSet: { key: 'updateStrategy', rolling: 'RollingUpdate' },
  DeploymentConfig: { key: 'strategy', rolling: 'Rolling' },
};
const ROLLING = new Set(['RollingUpdate', 'Rolling']);
const APP = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  strategy:\n    type: TYPE\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n';

export const noRollingUpdateStrategy: ManifestRule = {
  id: 'no-rolling-update-strategy',
  aliases: ['kube-linter:no-rolling-update-strategy'],
  severity: 'info',
  category: 'reliability',
  scope: 'object',
  offByDefault: true,
  docs: {
    summary: 'A Deployment, DaemonSet, StatefulSet or DeploymentConfig whose update strategy is not a rolling update (`Recreate`, `OnDelete`).',
    why: '`Recreate` stops every old pod before starting new ones, so each rollout is an outage; `OnDelete` leaves the old pods running until someone deletes them, so a new version or a security fix silently never rolls out. A rolling update replaces pods a few at a time while the rest keep serving. Keep `Recreate` only where two versions must never run at once (a single-writer volume), and say so.',
    bad: APP.replace('TYPE', 'Recreate'),
    good: APP.replace('TYPE', 'RollingUpdate'),
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const obj of file.objects) {
      const s = STRATEGY[obj.kind];
      const strategy = s && mapAt(obj.root, ['spec', s.key]);
      const type = strategy?.get('type', true);
      if (!s || !isScalar(type) || typeof type.value !== 'string' || ROLLING.has(type.value)) continue;
      hits.push({
        message: `${obj.kind} ${obj.name ?? '(unnamed)'} updates with the ${type.value} strategy, ${type.value === 'OnDelete' ? 'so new versions roll out only when someone deletes the old pods' : 'so every rollout stops all pods before starting new ones'}; use ${s.rolling}.`,
        range: file.nodeRange(obj.doc, type),
        data: { doc: obj.doc.index, path: ['spec', s.key] },
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'rolling',
      title: () => 'Use a rolling update',
      safe: false,
      preferred: true,
      apply(input, finding) {
        const found = relocate(input, finding);
        const strategy = found && mapAt(found.obj.root, finding.data!.path as PathKey[]);
        const s = found && STRATEGY[found.obj.kind];
        const type = strategy?.get('type', true);
        // recreateParams, customParams … would be refused next to the rolling type.
        const others = strategy?.items.some((p) => isScalar(p.key) && !['type', 'rollingUpdate', 'rollingParams', 'activeDeadlineSeconds', 'resources', 'labels', 'annotations'].includes(String(p.key.value)));
        if (!found || !s || !isMap(strategy) || !isScalar(type) || ROLLING.has(String(type.value)) || others) return null;
        return { edits: [replaceNode(found.file, found.obj.doc, type, s.rolling)] };
      },
    },
  ],
};
