// What an object generator reads (the source object, the workspace's objects, the file's style), the action it returns,
// and the edit that inserts the new object as a document after the source's.
import { scalarAt } from '../object';
import type { K8sObject, ManifestFile } from '../parse';
import type { TextEdit } from '../../types';
import { yamlLines, yamlScalar, type TreeMap, type YamlStyle } from '../yaml-write';
import { eolOf } from '../yaml-edit';

export interface GeneratedAction {
  title: string;
  kind: 'refactor';
  edits: TextEdit[];
}

/** What a generator reads: the source object, every object of the workspace (this file's current text included). */
export interface GenContext {
  file: ManifestFile;
  obj: K8sObject;
  objects: K8sObject[];
  style: YamlStyle;
}

export type Doc = TreeMap;

/** A string as a YAML scalar in the file's quote style (see yamlScalar). */
export function scalar(ctx: GenContext, s: string): string {
  return yamlScalar(s, ctx.style.quote);
}

/** `metadata` of a generated object: the name, and the source's namespace only when it writes one. */
export function metadataOf(ctx: GenContext, obj: K8sObject, name: string): Doc {
  const ns = scalarAt(obj.root, ['metadata', 'namespace']);
  return typeof ns === 'string' ? { name: scalar(ctx, name), namespace: scalar(ctx, ns) } : { name: scalar(ctx, name) };
}

/** Objects of a kind in the source object's namespace. */
export function sameNamespace(ctx: GenContext, kind: string): K8sObject[] {
  return ctx.objects.filter((o) => o.kind === kind && o.namespace === ctx.obj.namespace);
}

/** True when an object of `kind` named `name` already exists beside the source (creating it would clash). */
export function nameTaken(ctx: GenContext, kind: string, name: string): boolean {
  return sameNamespace(ctx, kind).some((o) => o.name === name);
}

/** An action inserting `---` and `doc` at the end of the source object's document, in the file's line ending. */
export function insertAction(ctx: GenContext, title: string, doc: Doc): GeneratedAction {
  const { file } = ctx;
  const eol = eolOf(file);
  const at = ctx.obj.doc.end;
  // The document ends at the next `---` (a line start) or at the end of the file, which may lack a final newline.
  const lead = at > 0 && file.text[at - 1] !== '\n' ? eol : '';
  const lines = Object.entries(doc).flatMap(([k, v]) => yamlLines(k, v, 0, ctx.style));
  const pos = file.positionAt(at);
  return { title, kind: 'refactor', edits: [{ range: { start: pos, end: pos }, newText: lead + ['---', ...lines].join(eol) + eol }] };
}
