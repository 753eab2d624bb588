// Go to definition (reference → the object it names) and find references (object name → what points at it).
import { isMap, isScalar, type Node } from 'yaml';
import type { Range } from '../../types';
import { mapAt, nodeAt, pairOf, podMetadataPath } from '../object';
import type { K8sObject, ManifestFile } from '../parse';
import type { Workspace } from '../workspace';
import { cursorAt } from './cursor';
import { incoming, referenceAt, resolve } from './refs';

export interface Location {
  /** The target's file path (undefined for an unsaved file without one). */
  path?: string;
  range: Range;
}

/** A node's range; a block collection's range ends at its last character, not after its final line break. */
function locate(obj: K8sObject, node: Node | undefined): Location[] {
  if (!node?.range) return [];
  const start = obj.doc.start + node.range[0];
  let end = obj.doc.start + node.range[1];
  while (end > start && /\s/.test(obj.file.text[end - 1])) end--;
  const range = obj.file.rangeOf(start, end);
  return [obj.file.path === undefined ? { range } : { path: obj.file.path, range }];
}

/** A whole `key: value` entry of a map, from the key's start to the value's end. */
function pairLocation(obj: K8sObject, map: unknown, key: string): Location[] {
  const pair = isMap(map) ? pairOf(map, key) : undefined;
  const start = pair?.key.range?.[0];
  const end = pair && isScalar(pair.value) ? pair.value.range?.[1] : undefined;
  if (start === undefined || end === undefined) return [];
  const range = obj.file.rangeOf(obj.doc.start + start, obj.doc.start + end);
  return [obj.file.path === undefined ? { range } : { path: obj.file.path, range }];
}

/**
 * Definition of the reference at an offset: a Service selector's label → that label in each selected workload's
 * pod template (the whole `labels` map from the `selector` key); an Ingress backend → the Service's `metadata.name`;
 * a scaleTargetRef → the workload's `metadata.name`.
 */
export function manifestDefinition(file: ManifestFile, workspace: Workspace, offset: number): Location[] {
  const cursor = cursorAt(file, offset);
  const ref = cursor?.obj && referenceAt(cursor.obj, cursor.path);
  if (!ref) return [];
  const targets = resolve(workspace, ref);
  if (ref.type !== 'selector') return targets.flatMap((t) => locate(t, nodeAt(t.root, ['metadata', 'name'])));
  return targets.flatMap((t) => {
    const labels = mapAt(t.root, [...(podMetadataPath(t) ?? ['metadata']), 'labels']);
    return ref.label === undefined ? locate(t, labels) : pairLocation(t, labels, ref.label);
  });
}

/**
 * References to the object whose `metadata.name` (key or value) is at an offset: Ingress backends naming a Service;
 * Services selecting a workload and autoscalers targeting it. The declaration itself is not included.
 */
export function manifestReferences(file: ManifestFile, workspace: Workspace, offset: number): Location[] {
  const cursor = cursorAt(file, offset);
  const obj = cursor?.obj;
  if (!obj || cursor.path.join('.') !== 'metadata.name' || obj.name === undefined) return [];
  return incoming(workspace, obj).flatMap((i) => locate(i.from, i.node));
}
