// References between objects as the editor features see them: which path of an object is a reference, what it
// resolves to, and (the other way) what points at an object. Lookups come from workspace-index.ts and references.ts.
import type { Node } from 'yaml';
import { isHpa, isScaledObject, scaleTargetRef, workspaceIndex } from '../workspace-index';
import { findScaleTarget, ingressBackends, objectsOf, selectedWorkloads, servicesSelecting } from '../references';
import { mapAt, nodeAt, pairOf, scalarAt, type PathKey } from '../object';
import type { K8sObject } from '../parse';
import type { Workspace } from '../workspace';

export type Reference =
  /** A Service's spec.selector (or one of its labels). */
  | { type: 'selector'; from: K8sObject; label?: string }
  /** An Ingress backend's service (its map path from the Ingress root). */
  | { type: 'backend'; from: K8sObject; servicePath: PathKey[]; name?: string }
  /** An HPA's or ScaledObject's spec.scaleTargetRef. */
  | { type: 'scaleTarget'; from: K8sObject };

const startsWith = (path: readonly PathKey[], prefix: readonly PathKey[]) => prefix.every((k, i) => path[i] === k);

/** The reference a path of an object belongs to, if any (paths inside a selector, backend service or scale target). */
export function referenceAt(obj: K8sObject, path: readonly PathKey[]): Reference | undefined {
  if (obj.kind === 'Service' && startsWith(path, ['spec', 'selector'])) {
    const label = typeof path[2] === 'string' ? path[2] : undefined;
    return label === undefined ? { type: 'selector', from: obj } : { type: 'selector', from: obj, label };
  }
  if ((isHpa(obj) || isScaledObject(obj)) && startsWith(path, ['spec', 'scaleTargetRef'])) return { type: 'scaleTarget', from: obj };
  if (obj.kind === 'Ingress') {
    const backend = ingressBackends(obj).find((b) => startsWith(path, b.path));
    if (!backend) return undefined;
    const name = scalarAt(backend.service, ['name']);
    return typeof name === 'string' ? { type: 'backend', from: obj, servicePath: backend.path, name } : { type: 'backend', from: obj, servicePath: backend.path };
  }
  return undefined;
}

/** The objects a reference resolves to, in the referring object's namespace. */
export function resolve(workspace: Workspace, ref: Reference): K8sObject[] {
  if (ref.type === 'selector') return selectedWorkloads(workspace, ref.from);
  if (ref.type === 'scaleTarget') {
    const target = findScaleTarget(workspace, ref.from);
    return target ? [target] : [];
  }
  return ref.name === undefined ? [] : objectsOf(workspace, 'Service', ref.from.namespace).filter((s) => s.name === ref.name);
}

export interface Incoming {
  from: K8sObject;
  /** The referring node: a backend's `name` value, a scaleTargetRef's `name` value, a Service's `selector` key. */
  node: Node;
  /** For Ingress backends: the rule's host and path (undefined for the default backend). */
  host?: string;
  httpPath?: string;
}

/** Autoscalers (HPA, ScaledObject) in a workload's namespace that scale it. */
export function autoscalersOf(workspace: Workspace, workload: K8sObject): Incoming[] {
  // The index lists the autoscalers naming this kind and name (a scan of every object per workload was quadratic).
  if (workload.name === undefined) return [];
  return workspaceIndex(workspace).scalersOf(workload.kind, workload.name, workload.namespace).flatMap((o) => {
    const ref = scaleTargetRef(o);
    return ref && findScaleTarget(workspace, o) === workload ? [{ from: o, node: ref.nameNode }] : [];
  });
}

/** The Services selecting a workload's pods, each with its `selector` key. */
export function selectingServices(workspace: Workspace, workload: K8sObject): Incoming[] {
  return servicesSelecting(workspace, workload).flatMap((s) => {
    const key = pairOf(mapAt(s.root, ['spec'])!, 'selector')?.key;
    return key ? [{ from: s, node: key }] : [];
  });
}

/** Ingress backends naming a Service, each with its `name` value and the rule's host and path. */
export function ingressesTo(workspace: Workspace, service: K8sObject): Incoming[] {
  return ingressBackendsByService(workspace, service.namespace).get(service.name) ?? [];
}

/** Every Ingress backend of a namespace by the Service name it routes to, read once per analysis (in order). */
function ingressBackendsByService(workspace: Workspace, namespace: string): Map<unknown, Incoming[]> {
  return workspaceIndex(workspace).memo('ingress-backends-by-service', namespace, () => {
    const byName = new Map<unknown, Incoming[]>();
    for (const ing of objectsOf(workspace, 'Ingress', namespace)) {
      for (const b of ingressBackends(ing)) {
        const node = nodeAt(b.service, ['name']);
        if (!node) continue;
        const rule = typeof b.path[2] === 'number' ? b.path.slice(0, 3) : undefined;
        const host = rule && scalarAt(ing.root, [...rule, 'host']);
        const httpPath = rule && scalarAt(ing.root, [...b.path.slice(0, -2), 'path']);
        const name = scalarAt(b.service, ['name']);
        let list = byName.get(name);
        if (!list) byName.set(name, (list = []));
        list.push({ from: ing, node, ...(typeof host === 'string' ? { host } : {}), ...(typeof httpPath === 'string' ? { httpPath } : {}) });
      }
    }
    return byName;
  });
}

/** Everything pointing at an object: Ingress backends for a Service; autoscalers and selecting Services for a workload. */
export function incoming(workspace: Workspace, target: K8sObject): Incoming[] {
  if (target.kind === 'Service') return ingressesTo(workspace, target);
  return [...selectingServices(workspace, target), ...autoscalersOf(workspace, target)];
}
