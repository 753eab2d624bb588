// The pod specs of a file's objects as the pod-level checks see them (service account, priority class, DNS
// config …): the spec map, its path, and where a finding about something missing from it points; and where a
// finding about something missing from an object's metadata points.
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { mapAt, pairOf, podSpecPath, type PathKey } from './object';
import type { K8sObject, ManifestFile } from './parse';

export interface PodSpec {
  obj: K8sObject;
  spec: YAMLMap;
  /** Path of the pod spec from the object root. */
  path: PathKey[];
  /** The `spec:` key of the pod spec: where a finding about a field it lacks points. */
  key: Node;
}

const specLists = new WeakMap<ManifestFile, PodSpec[]>();

/** The pod specs (block or flow maps) of every pod-bearing object of a file. Shared: do not modify. */
export function podSpecs(file: ManifestFile): readonly PodSpec[] {
  let list = specLists.get(file);
  if (list) return list;
  list = [];
  for (const obj of file.objects) {
    const path = podSpecPath(obj);
    const parent = path && mapAt(obj.root, path.slice(0, -1));
    const pair = parent && pairOf(parent, 'spec');
    if (path && pair && isMap(pair.value)) list.push({ obj, spec: pair.value, path, key: pair.key });
  }
  specLists.set(file, list);
  return list;
}

/** A pod spec's string field (serviceAccountName, priorityClassName …) with its value node, when it is a string. */
export function podSpecString(p: PodSpec, key: string): { value: string; node: Node } | undefined {
  const node = p.spec.get(key, true);
  return isScalar(node) && typeof node.value === 'string' ? { value: node.value, node } : undefined;
}

/** Where a finding about an object's metadata points: the `metadata` key, else the `kind` value. */
export function metadataAnchor(obj: K8sObject): Node {
  const pair = pairOf(obj.root, 'metadata');
  return pair?.key ?? (obj.root.get('kind', true) as Node);
}

