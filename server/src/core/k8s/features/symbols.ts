// Document symbols for manifests: one per Kubernetes object, named `Kind/name (namespace)`.
import type { Node } from 'yaml';
import type { Range } from '../../types';
import { nodeAt, scalarAt } from '../object';
import type { ManifestFile } from '../parse';

/** One symbol per object of a file; the selection is its `metadata.name` value (else its `kind` value). */
export function manifestSymbols(file: ManifestFile): Array<{ name: string; kind: 'object'; range: Range; selectionRange: Range }> {
  return file.objects.flatMap((obj) => {
    const namespace = scalarAt(obj.root, ['metadata', 'namespace']);
    const name = `${obj.kind}${obj.name !== undefined ? `/${obj.name}` : ''}${typeof namespace === 'string' ? ` (${namespace})` : ''}`;
    const select = (nodeAt(obj.root, ['metadata', 'name']) ?? nodeAt(obj.root, ['kind'])) as Node | undefined;
    if (!obj.root.range || !select?.range) return [];
    return [{ name, kind: 'object' as const, range: file.nodeRange(obj.doc, obj.root), selectionRange: file.nodeRange(obj.doc, select) }];
  });
}
