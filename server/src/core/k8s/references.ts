// Reference resolution between a workspace's objects: what a Service selects and which Services select a workload,
// an Ingress's service backends, an autoscaler's scale target. Shared by the cross-resource rules and the editor
// features (go to definition, references, lenses), and the name to suggest for a reference that resolves to nothing.
import { isSeq, type YAMLMap } from 'yaml';
import { editDistance } from '../text';
import { mapAt, nodeAt, podLabels, selects, stringMapAt, type PathKey } from './object';
import type { K8sObject } from './parse';
import type { Workspace } from './workspace';
import { scaleTargetRef, workspaceIndex } from './workspace-index';

/** The object an HPA or ScaledObject scales: same kind, name and namespace. */
export function findScaleTarget(workspace: Workspace, obj: K8sObject): K8sObject | undefined {
  const ref = scaleTargetRef(obj);
  return ref && workspaceIndex(workspace).find(ref.kind, ref.name, obj.namespace);
}

/** Objects of a kind in a namespace (shared: do not modify). */
export function objectsOf(workspace: Workspace, kind: string, namespace: string): readonly K8sObject[] {
  return workspaceIndex(workspace).of(kind, namespace);
}

/** A Service's spec.selector when it has a non-empty one. */
export function serviceSelector(service: K8sObject): Record<string, string> | undefined {
  const sel = stringMapAt(service.root, ['spec', 'selector']);
  return sel && Object.keys(sel).length ? sel : undefined;
}

/** The workloads (in the Service's namespace) whose pod templates a Service selects. */
export function selectedWorkloads(workspace: Workspace, service: K8sObject): K8sObject[] {
  return workspaceIndex(workspace).selected(serviceSelector(service), service.namespace).map((w) => w.obj);
}

interface SelectingService {
  service: K8sObject;
  selector: Record<string, string>;
  /** Position among the namespace's Services, to return matches in workspace order. */
  order: number;
}

/**
 * The Services of a namespace by each `label=value` of their selectors, built once per analysis: a workload's
 * candidates are the Services sharing one of its labels, not every Service (lenses on 1,250 Deployments took 98 s).
 */
function servicesByLabel(workspace: Workspace, namespace: string): Map<string, SelectingService[]> {
  return workspaceIndex(workspace).memo('services-by-label', namespace, () => {
    const byLabel = new Map<string, SelectingService[]>();
    objectsOf(workspace, 'Service', namespace).forEach((service, order) => {
      const selector = serviceSelector(service);
      for (const [k, v] of Object.entries(selector ?? {})) {
        const key = `${k}=${v}`;
        let list = byLabel.get(key);
        if (!list) byLabel.set(key, (list = []));
        list.push({ service, selector: selector!, order });
      }
    });
    return byLabel;
  });
}

/** The Services (in the workload's namespace) that select a workload's pods. */
export function servicesSelecting(workspace: Workspace, workload: K8sObject): K8sObject[] {
  const labels = podLabels(workload);
  const byLabel = servicesByLabel(workspace, workload.namespace);
  const found = new Map<number, K8sObject>();
  for (const [k, v] of Object.entries(labels)) {
    for (const c of byLabel.get(`${k}=${v}`) ?? []) if (!found.has(c.order) && selects(c.selector, labels)) found.set(c.order, c.service);
  }
  return [...found].sort((a, b) => a[0] - b[0]).map(([, service]) => service);
}

export interface IngressBackend {
  /** Path of the backend's `service` map from the Ingress root. */
  path: PathKey[];
  service: YAMLMap;
}

/** The service backends of a networking.k8s.io/v1 Ingress: spec.defaultBackend and every rule path. */
export function ingressBackends(obj: K8sObject): IngressBackend[] {
  if (obj.kind !== 'Ingress' || obj.apiVersion !== 'networking.k8s.io/v1') return [];
  const paths: PathKey[][] = [['spec', 'defaultBackend', 'service']];
  const rules = nodeAt(obj.root, ['spec', 'rules']);
  (isSeq(rules) ? rules.items : []).forEach((_, i) => {
    const ps = nodeAt(obj.root, ['spec', 'rules', i, 'http', 'paths']);
    (isSeq(ps) ? ps.items : []).forEach((__, j) => paths.push(['spec', 'rules', i, 'http', 'paths', j, 'backend', 'service']));
  });
  return paths.flatMap((path) => {
    const service = mapAt(obj.root, path);
    return service ? [{ path, service }] : [];
  });
}

/** The candidate nearest to `name` within `max` edits (ties: alphabetical first), if any. */
export function closestName(name: string, candidates: Iterable<string>, max = 2): string | undefined {
  let best: [number, string] | undefined;
  for (const c of candidates) {
    // The distance is at least the length difference: skip the O(n·m) computation for names that cannot be close.
    if (Math.abs(c.length - name.length) > max) continue;
    const d = editDistance(name, c);
    if (d <= max && (!best || d < best[0] || (d === best[0] && c < best[1]))) best = [d, c];
  }
  return best?.[1];
}
