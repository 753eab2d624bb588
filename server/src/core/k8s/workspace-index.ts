// Lookups over a workspace's objects, built once per analysis and shared by every cross-object rule and editor
// feature. Without them each Service, Ingress or autoscaler scanned (and re-read the YAML of) every object, which
// made a 900-object manifest cost hundreds of milliseconds. Every lookup returns objects in workspace order, so the
// rules find the same objects, first matches and message order as a linear scan would.
import type { Node } from 'yaml';
import { containers, mapAt, nodeAt, podLabels, scalarAt, selects, WORKLOAD_KINDS, type ContainerRef } from './object';
import type { K8sObject } from './parse';
import type { Workspace } from './workspace';

/** True for a HorizontalPodAutoscaler of any autoscaling/* version. */
export function isHpa(obj: K8sObject): boolean {
  return obj.kind === 'HorizontalPodAutoscaler' && obj.apiVersion.startsWith('autoscaling/');
}

/** True for a KEDA ScaledObject. */
export function isScaledObject(obj: K8sObject): boolean {
  return obj.kind === 'ScaledObject' && obj.apiVersion.startsWith('keda.sh/');
}

export interface TargetRef {
  kind: string;
  name: string;
  /** The `name` value node, where findings about the target point. */
  nameNode: Node;
}

/** The scaleTargetRef of an HPA or ScaledObject (KEDA's kind defaults to Deployment). */
export function scaleTargetRef(obj: K8sObject): TargetRef | undefined {
  const ref = mapAt(obj.root, ['spec', 'scaleTargetRef']);
  const nameNode = ref && nodeAt(ref, ['name']);
  const name = scalarAt(ref, ['name']);
  const kind = scalarAt(ref, ['kind']) ?? (isScaledObject(obj) ? 'Deployment' : undefined);
  if (!nameNode || typeof name !== 'string' || typeof kind !== 'string') return undefined;
  return { kind, name, nameNode };
}

/** A workload with its pod template labels read once. */
export interface Workload {
  obj: K8sObject;
  labels: Record<string, string>;
}

export interface WorkspaceIndex {
  /** Objects of a kind in any namespace. */
  ofKind(kind: string): readonly K8sObject[];
  /** Objects of a kind in a namespace. */
  of(kind: string, namespace: string): readonly K8sObject[];
  /** The first object of a kind, name and namespace. */
  find(kind: string, name: string, namespace: string): K8sObject | undefined;
  /** Objects of WORKLOAD_KINDS in a namespace. */
  workloads(namespace: string): readonly Workload[];
  /** The workloads of a namespace whose pod labels `selector` selects (see `selects`). */
  selected(selector: Record<string, string> | undefined, namespace: string): Workload[];
  /** HPAs and ScaledObjects of a namespace whose scaleTargetRef names this kind and name. */
  scalersOf(kind: string, name: string, namespace: string): readonly K8sObject[];
  /** containers(obj) without init containers, read once per analysis: several rules look at the same targets. */
  containersOf(obj: K8sObject): readonly ContainerRef[];
  /** A value derived from the workspace, computed once per analysis per scope (a rule) and key. */
  memo<T>(scope: string, key: unknown, compute: () => T): T;
}

const NONE: readonly never[] = [];

/** Maps nested by a fixed number of string keys (kind → namespace → name …), cheaper than composite keys. */
type NestedMap<V> = Map<string, V | NestedMap<V>>;

function lookup<V>(tree: NestedMap<V>, keys: string[]): V | undefined {
  let cur: V | NestedMap<V> | undefined = tree;
  for (const k of keys) {
    cur = (cur as NestedMap<V>).get(k);
    if (cur === undefined) return undefined;
  }
  return cur as V;
}

/** The value at `keys`, created with `init` when absent. */
function slot<V>(tree: NestedMap<V>, keys: string[], init: () => V): V {
  let cur: NestedMap<V> = tree;
  for (let i = 0; i < keys.length - 1; i++) {
    let next = cur.get(keys[i]) as NestedMap<V> | undefined;
    if (!next) cur.set(keys[i], (next = new Map()));
    cur = next;
  }
  const last = keys[keys.length - 1];
  let v = cur.get(last) as V | undefined;
  if (v === undefined) cur.set(last, (v = init()));
  return v;
}

const list = <T>(): T[] => [];

/** Builds a part of the index on first use: a rule needing only Services never reads pod labels. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function build(objects: readonly K8sObject[]): WorkspaceIndex {
  const kinds = lazy(() => {
    const byKind: NestedMap<K8sObject[]> = new Map();
    const byNs: NestedMap<K8sObject[]> = new Map();
    const byName: NestedMap<K8sObject> = new Map();
    for (const o of objects) {
      slot(byKind, [o.kind], list).push(o);
      slot(byNs, [o.kind, o.namespace], list).push(o);
      if (o.name !== undefined) slot(byName, [o.kind, o.namespace, o.name], () => o);
    }
    return { byKind, byNs, byName };
  });
  const pods = lazy(() => {
    const byNs: NestedMap<Workload[]> = new Map();
    // namespace → label key → label value → workloads with that label, to narrow a selector to few candidates.
    const postings: NestedMap<Workload[]> = new Map();
    for (const o of objects) {
      if (!WORKLOAD_KINDS.has(o.kind)) continue;
      const w: Workload = { obj: o, labels: podLabels(o) };
      slot(byNs, [o.namespace], list).push(w);
      for (const [k, v] of Object.entries(w.labels)) slot(postings, [o.namespace, k, v], list).push(w);
    }
    return { byNs, postings };
  });
  const scalers = lazy(() => {
    const byTarget: NestedMap<K8sObject[]> = new Map();
    for (const o of objects) {
      const ref = isHpa(o) || isScaledObject(o) ? scaleTargetRef(o) : undefined;
      if (ref) slot(byTarget, [o.namespace, ref.kind, ref.name], list).push(o);
    }
    return byTarget;
  });
  const memos = new Map<string, Map<unknown, unknown>>();
  const memo = <T>(scope: string, key: unknown, compute: () => T): T => {
    let m = memos.get(scope);
    if (!m) memos.set(scope, (m = new Map()));
    if (!m.has(key)) m.set(key, compute());
    return m.get(key) as T;
  };
  return {
    ofKind: (kind) => lookup(kinds().byKind, [kind]) ?? NONE,
    of: (kind, namespace) => lookup(kinds().byNs, [kind, namespace]) ?? NONE,
    find: (kind, name, namespace) => lookup(kinds().byName, [kind, namespace, name]),
    workloads: (namespace) => lookup(pods().byNs, [namespace]) ?? NONE,
    selected(selector, namespace) {
      const entries = selector ? Object.entries(selector) : [];
      if (!entries.length) return [];
      // A selected workload has every label of the selector, so the shortest posting list holds them all (in order).
      let candidates: Workload[] | undefined;
      for (const [k, v] of entries) {
        const found = lookup(pods().postings, [namespace, k, v]);
        if (!found) return [];
        if (!candidates || found.length < candidates.length) candidates = found;
      }
      return candidates!.filter((w) => selects(selector, w.labels));
    },
    scalersOf: (kind, name, namespace) => lookup(scalers(), [namespace, kind, name]) ?? NONE,
    containersOf: (obj) => memo('containers', obj, () => containers(obj)),
    memo,
  };
}

// Keyed by the array `objects()` returns: a workspace view (ManifestWorkspace.with, one per analysis) creates it on
// first call and returns the same array after, and ManifestWorkspace makes a new one whenever a file changes, so a
// cached index is never stale and is dropped with its analysis. A workspace returning a fresh array per call only
// loses the sharing (one index per call), not correctness.
const indexes = new WeakMap<readonly K8sObject[], WorkspaceIndex>();

/** The lookups of a workspace's current objects, built on first use per analysis. */
export function workspaceIndex(workspace: Workspace): WorkspaceIndex {
  const objects = workspace.objects();
  let index = indexes.get(objects);
  if (!index) indexes.set(objects, (index = build(objects)));
  return index;
}
