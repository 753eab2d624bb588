import { isScalar } from 'yaml';
import { mapAt, nodeAt, seqAt, scalarAt, type PathKey } from '../../core/k8s/object';
import type { K8sObject } from '../../core/k8s/parse';
import type { Workspace } from '../../core/k8s/workspace';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { workspaceIndex } from '../../core/k8s/workspace-index';
import { allContainers, containerTitle, containerRange } from '../../core/k8s/pod-containers';
import { relocate } from '../../core/k8s/relocate';
import { mergeMap } from '../../core/k8s/yaml-merge';
import type { TreeMap as Tree } from '../../core/k8s/yaml-write';

type Setting = 'requests.cpu' | 'requests.memory' | 'limits.memory';

/** What the namespace's LimitRanges fill in for containers that leave it unset (`default` sets limits and requests). */
function limitRangeDefaults(workspace: Workspace, namespace: string): Set<string> {
  const out = new Set<string>();
  for (const lr of workspaceIndex(workspace).of('LimitRange', namespace)) {
    for (const item of seqAt(lr.root, ['spec', 'limits'])) {
      if (scalarAt(item, ['type']) !== 'Container') continue;
      for (const r of ['cpu', 'memory']) {
        if (scalarAt(item, ['default', r]) !== undefined) out.add(`limits.${r}`).add(`requests.${r}`);
        if (scalarAt(item, ['defaultRequest', r]) !== undefined) out.add(`requests.${r}`);
      }
    }
  }
  return out;
}

function isSet(resources: unknown, what: string, defaults: Set<string>): boolean {
  const v = nodeAt(resources, what.split('.'));
  return (v !== undefined && !(isScalar(v) && (v.value === null || v.value === ''))) || defaults.has(what);
}

/** The settings a container lacks. A request left out defaults to the limit, so a set limit counts as its request. */
function missingSettings(obj: K8sObject, path: PathKey[], defaults: Set<string>): Setting[] {
  // The container's resources map is found once; nodeAt below it gives what nodeAt from the root would.
  const resources = nodeAt(obj.root, [...path, 'resources']);
  const has = (w: string) => isSet(resources, w, defaults);
  const out: Setting[] = [];
  if (!has('requests.cpu') && !has('limits.cpu')) out.push('requests.cpu');
  if (!has('requests.memory') && !has('limits.memory')) out.push('requests.memory');
  if (!has('limits.memory')) out.push('limits.memory');
  return out;
}

export const missingResources: ManifestRule = {
  id: 'missing-resources',
  aliases: ['kube-linter:unset-cpu-requirements', 'kube-linter:unset-memory-requirements'],
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary: 'A container without CPU and memory requests or a memory limit.',
    why: 'The scheduler places pods by their requests: without them a node gets overcommitted and pods are evicted first under pressure (BestEffort). Without a memory limit one leaking container can exhaust the node. Init containers count too: their requests take part in scheduling.',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n            limits:\n              memory: 256Mi\n',
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    const defaults = new Map<string, Set<string>>();
    for (const { obj, c } of allContainers(file, true)) {
      if (!defaults.has(obj.namespace)) defaults.set(obj.namespace, limitRangeDefaults(workspace, obj.namespace));
      const missing = missingSettings(obj, c.path, defaults.get(obj.namespace)!);
      if (!missing.length) continue;
      hits.push({
        message: `${containerTitle(c)} sets no ${missing.map((m) => `resources.${m}`).join(', ')}; set them from its observed usage.`,
        range: containerRange(file, obj, c),
        data: { doc: obj.doc.index, path: c.path, missing },
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'add-resources',
      title: (f) => `Add placeholder ${((f.data?.missing as string[]) ?? []).join(', ')} (review the values)`,
      safe: false,
      apply(input, finding) {
        const found = relocate(input, finding);
        const container = found && mapAt(found.obj.root, finding.data!.path as PathKey[]);
        if (!found || !container) return null;
        const missing = finding.data!.missing as Setting[];
        const tree: Tree & { requests: Tree; limits: Tree } = { requests: {}, limits: {} };
        if (missing.includes('requests.cpu')) tree.requests.cpu = '100m';
        if (missing.includes('requests.memory')) tree.requests.memory = '128Mi';
        if (missing.includes('limits.memory')) {
          // A limit below an existing request is rejected by the API server: start from the request.
          const request = nodeAt(container, ['resources', 'requests', 'memory']);
          const doc = found.obj.doc;
          tree.limits.memory = isScalar(request) && request.range ? input.text.slice(doc.start + request.range[0], doc.start + request.range[1]) : '256Mi';
        }
        if (!Object.keys(tree.requests).length) delete (tree as Tree).requests;
        if (!Object.keys(tree.limits).length) delete (tree as Tree).limits;
        const edits = mergeMap(found.file, found.obj.doc, container, { resources: tree });
        // Every inserted value is a guess to review: requests.cpu, requests.memory, limits.memory, in that order.
        const placeholders = [tree.requests, tree.limits].flatMap((group) => Object.entries(group ?? {}).map(([key, value]) => ({ key, value: value as string })));
        return edits?.length ? { edits, placeholders } : null;
      },
    },
  ],
};
