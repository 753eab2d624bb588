import { isMap, type Node } from 'yaml';
import { containers, mapAt, nodeAt, pairOf, scalarAt, seqAt, type ContainerRef } from '../../core/k8s/object';
import type { K8sObject } from '../../core/k8s/parse';
import { overlay, type Workspace } from '../../core/k8s/workspace';
import type { ManifestRule } from '../../core/rule';
import type { FileChange, RuleHit, TextEdit } from '../../core/types';
import { workspaceIndex, isHpa } from '../../core/k8s/workspace-index';
import { findScaleTarget, objectsOf } from '../../core/k8s/references';
import { inputManifest, objectAt } from '../../core/k8s/relocate';
import { ensurePath, yamlStyle } from '../../core/k8s/yaml-edit';

type Resource = 'cpu' | 'memory';
const DEFAULT_REQUEST: Record<Resource, string> = { cpu: '100m', memory: '128Mi' };

interface UtilizationMetric {
  resource: Resource;
  /** Where the finding points: the metric's `name` value, the v1 percentage key, or scaleTargetRef when implicit. */
  node: Node;
  /** ContainerResource metrics look at one container only. */
  container?: string;
}

/** The cpu/memory Utilization targets of an HPA, including the implicit 80% cpu of an HPA without metrics. */
function utilizationMetrics(hpa: K8sObject): UtilizationMetric[] {
  const spec = mapAt(hpa.root, ['spec']);
  const implicit = spec && pairOf(spec, 'scaleTargetRef')?.key;
  if (!spec || !implicit) return [];
  if (hpa.apiVersion === 'autoscaling/v1') return [{ resource: 'cpu', node: pairOf(spec, 'targetCPUUtilizationPercentage')?.key ?? implicit }];
  const metrics = seqAt(spec, ['metrics']);
  if (!metrics.length) return [{ resource: 'cpu', node: implicit }];
  return metrics.flatMap((m): UtilizationMetric[] => {
    const field = scalarAt(m, ['type']) === 'ContainerResource' ? 'containerResource' : 'resource';
    const source = nodeAt(m, [field]);
    const resource = scalarAt(source, ['name']);
    const node = nodeAt(source, ['name']);
    // autoscaling/v2beta1 spelled a Utilization target as targetAverageUtilization.
    const utilization = scalarAt(source, ['target', 'type']) === 'Utilization' || nodeAt(source, ['targetAverageUtilization']) !== undefined;
    if ((resource !== 'cpu' && resource !== 'memory') || !node || !utilization) return [];
    const container = field === 'containerResource' ? scalarAt(source, ['container']) : undefined;
    return [{ resource, node, ...(typeof container === 'string' ? { container } : {}) }];
  });
}

/** Containers whose pods have no request for `resource` (a limit alone counts: the request defaults to it). */
function lacking(cs: readonly ContainerRef[], resource: Resource, only?: string): ContainerRef[] {
  return cs.filter((c) => (!only || c.name === only) && ['requests', 'limits'].every((k) => nodeAt(c.map, ['resources', k, resource]) === undefined));
}

/** True when a LimitRange of the namespace gives containers a default request for `resource`. */
function limitRangeDefaults(workspace: Workspace, namespace: string, resource: Resource): boolean {
  return objectsOf(workspace, 'LimitRange', namespace).some(
    (o) => seqAt(o.root, ['spec', 'limits']).some((l) => scalarAt(l, ['type']) === 'Container' && ['defaultRequest', 'default'].some((k) => nodeAt(l, [k, resource]) !== undefined)),
  );
}

export const hpaCpuWithoutRequests: ManifestRule = {
  id: 'hpa-cpu-without-requests',
  aliases: [],
  severity: 'error',
  category: 'autoscaling',
  docs: {
    summary: 'An HPA scales on cpu or memory utilization of a workload whose containers have no request for it.',
    why: 'Utilization is usage divided by the request, so with a container lacking the request the HPA reports `missing request for cpu` and never scales. An HPA without metrics scales on 80% cpu utilization.',
    bad: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 2\n  maxReplicas: 10\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 70\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
    good: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 2\n  maxReplicas: 10\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 70\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          resources:\n            requests:\n              cpu: 100m\n',
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    const index = workspaceIndex(workspace);
    for (const obj of file.objects) {
      if (!isHpa(obj)) continue;
      const target = findScaleTarget(workspace, obj);
      if (!target) continue;
      for (const m of utilizationMetrics(obj)) {
        const missing = lacking(index.containersOf(target), m.resource, m.container);
        if (!missing.length || limitRangeDefaults(workspace, target.namespace, m.resource)) continue;
        const names = missing.map((c) => c.name ?? '(unnamed)').join(', ');
        hits.push({
          message: `HorizontalPodAutoscaler ${obj.name ?? '(unnamed)'} scales on ${m.resource} utilization but container${missing.length > 1 ? 's' : ''} ${names} of ${target.kind} ${target.name} ha${missing.length > 1 ? 've' : 's'} no ${m.resource} request, so it reports "missing request for ${m.resource}" and never scales; set resources.requests.${m.resource}.`,
          range: file.nodeRange(obj.doc, m.node),
          data: { doc: obj.doc.index, resource: m.resource, ...(m.container ? { container: m.container } : {}) },
        });
      }
    }
    return hits;
  },
  fixes: [
    {
      id: 'add-requests',
      title: (f) => `Add resources.requests.${String(f.data?.resource)}: ${DEFAULT_REQUEST[f.data?.resource as Resource]} to the target's containers`,
      safe: false,
      preferred: true,
      apply(input, finding) {
        const { doc, resource, container } = finding.data ?? {};
        if (resource !== 'cpu' && resource !== 'memory') return null;
        const here = inputManifest(input);
        const hpa = objectAt(here, doc);
        if (!hpa) return null;
        // The target is looked up in this text first, then in the other files of the workspace.
        const found = findScaleTarget(overlay(input.workspace, here), hpa);
        const targetFile = !found ? undefined : found.file === here ? here : found.file.path ? input.workspace?.file(found.file.path) : undefined;
        const target = targetFile && objectAt(targetFile, found!.doc.index);
        if (!target || !targetFile) return null;
        const style = yamlStyle(targetFile, target.doc, target.root);
        const edits = lacking(containers(target), resource, typeof container === 'string' ? container : undefined)
          .map((c) => (isMap(c.map) ? ensurePath(targetFile, target.doc, c.map, ['resources', 'requests', resource], DEFAULT_REQUEST[resource], style) : null))
          .filter((e): e is TextEdit => !!e);
        if (!edits.length) return null;
        if (targetFile === here) return { edits };
        const files: FileChange[] = [{ path: targetFile.path!, edits }];
        return { edits: [], files };
      },
    },
  ],
};
