// Reading Kubernetes objects: typed access to nodes by path, pod specs, containers, labels.
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { K8sObject } from './parse';

export type PathKey = string | number;

/** The node at a path below `node` (map keys and sequence indexes), or undefined. */
export function nodeAt(node: unknown, path: readonly PathKey[]): Node | undefined {
  let cur: unknown = node;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!isSeq(cur)) return undefined;
      cur = cur.items[key];
    } else {
      if (!isMap(cur)) return undefined;
      cur = pairOf(cur, key)?.value;
    }
    if (cur === undefined || cur === null) return undefined;
  }
  return cur as Node;
}

/** The map at a path, or undefined when absent or not a map. */
export function mapAt(node: unknown, path: readonly PathKey[]): YAMLMap | undefined {
  const n = nodeAt(node, path);
  return isMap(n) ? n : undefined;
}

/**
 * The pair (key and value nodes) of `key` in a map: the first whose key is that string, as YAMLMap.get finds it. A
 * plain loop: the rules read objects by path thousands of times per analysis, and the library's generic lookup was
 * about a third of a 20,000-line manifest's rule time (test/core/k8s-node-at.test.ts holds it to the library).
 */
export function pairOf(map: YAMLMap, key: string): Pair<Node, Node> | undefined {
  const items = map.items as Pair<Node, Node>[];
  for (let i = 0; i < items.length; i++) {
    const k: unknown = items[i].key;
    if (k === key || (isScalar(k) && k.value === key)) return items[i];
  }
  return undefined;
}

/** A scalar's value at a path (string, number, boolean or null), or undefined. */
export function scalarAt(node: unknown, path: readonly PathKey[]): string | number | boolean | null | undefined {
  const n = nodeAt(node, path);
  return isScalar(n) ? (n.value as string | number | boolean | null) : undefined;
}

/** The items of a sequence at a path ([] when absent). */
export function seqAt(node: unknown, path: readonly PathKey[]): Node[] {
  const n = nodeAt(node, path);
  if (!isSeq(n)) return [];
  const out: Node[] = [];
  for (const item of n.items) if (item !== null && item !== undefined) out.push(item as Node);
  return out;
}

/** A string → string map at a path (labels, selectors); non-scalar values are skipped. */
export function stringMapAt(node: unknown, path: readonly PathKey[]): Record<string, string> | undefined {
  const m = mapAt(node, path);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  for (const p of m.items) if (isScalar(p.key) && isScalar(p.value)) out[String(p.key.value)] = String(p.value.value);
  return out;
}

// Kinds with a pod template at spec.template, OpenShift's DeploymentConfig (apps.openshift.io/v1) among them.
const TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'ReplicationController', 'DeploymentConfig']);

/** Path of the pod spec inside an object (Deployment → spec.template.spec, CronJob → …jobTemplate…), if it has one. */
export function podSpecPath(obj: K8sObject): PathKey[] | undefined {
  if (obj.kind === 'Pod') return ['spec'];
  if (TEMPLATE_KINDS.has(obj.kind)) return ['spec', 'template', 'spec'];
  if (obj.kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  return undefined;
}

/** Path of the pod template's metadata (where pod labels live). */
export function podMetadataPath(obj: K8sObject): PathKey[] | undefined {
  const spec = podSpecPath(obj);
  return spec ? [...spec.slice(0, -1), 'metadata'] : undefined;
}

/** Labels of the pods an object creates (its template labels; a Pod's own labels). */
export function podLabels(obj: K8sObject): Record<string, string> {
  const p = podMetadataPath(obj);
  return (p && stringMapAt(obj.root, [...p, 'labels'])) ?? {};
}

export interface ContainerRef {
  map: YAMLMap;
  /** Path from the object root, e.g. ['spec','template','spec','containers',0]. */
  path: PathKey[];
  name?: string;
  init: boolean;
}

/** The containers (and, with `includeInit`, init containers) of an object's pod spec. */
export function containers(obj: K8sObject, includeInit = false): ContainerRef[] {
  const spec = podSpecPath(obj);
  if (!spec) return [];
  const out: ContainerRef[] = [];
  for (const field of includeInit ? ['initContainers', 'containers'] : ['containers']) {
    seqAt(obj.root, [...spec, field]).forEach((c, i) => {
      if (!isMap(c)) return;
      const name = scalarAt(c, ['name']);
      out.push({ map: c, path: [...spec, field, i], name: typeof name === 'string' ? name : undefined, init: field === 'initContainers' });
    });
  }
  return out;
}

/** True when every label of `selector` is in `labels` (an empty selector selects nothing here). */
export function selects(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  if (!selector) return false;
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

/** Workload kinds whose pods a Service can select and an HPA can scale. */
export const WORKLOAD_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod', 'Job', 'CronJob', 'ReplicationController', 'DeploymentConfig']);
