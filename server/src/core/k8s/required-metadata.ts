// "This object must carry label/annotation X (matching a pattern)": the one check behind required-label-owner,
// required-annotation-email and kube-linter custom checks of the required-label / required-annotation templates.
import { isScalar, type Node } from 'yaml';
import { mapAt, nodeAt, pairOf } from './object';
import type { K8sObject, ManifestFile } from './parse';
import { metadataAnchor } from './pod-spec';
import type { Range } from '../types';

export interface MissingMetadata {
  /** The value found, when there is one that does not match. */
  value?: string;
  /** The value when present, else the labels/annotations key, else `metadata`. */
  range: Range;
}

/**
 * Checks `metadata.<where>.<key>` of an object: undefined when it is present and non-empty (and matches `pattern`,
 * a whole-value pattern), else what is wrong and where to point.
 */
export function missingMetadata(file: ManifestFile, obj: K8sObject, where: 'labels' | 'annotations', key: string, pattern?: RegExp): MissingMetadata | undefined {
  const node = nodeAt(obj.root, ['metadata', where, key]);
  const value = isScalar(node) && node.value !== null ? String(node.value) : undefined;
  if (value !== undefined && value !== '' && (!pattern || pattern.test(value))) return undefined;
  const metadata = mapAt(obj.root, ['metadata']);
  const section = metadata && pairOf(metadata, where);
  const anchor: Node = isScalar(node) ? node : ((section?.key as Node | undefined) ?? metadataAnchor(obj));
  return { ...(value !== undefined && value !== '' ? { value } : {}), range: file.nodeRange(obj.doc, anchor) };
}
