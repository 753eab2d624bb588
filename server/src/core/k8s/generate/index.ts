// Code actions offered without a diagnostic that create a companion object (HPA, KEDA ScaledObject, Service,
// Ingress) for the object under the cursor, as a new document right after it. Pure: text in, edits out.
import type { ManifestFile } from '../parse';
import { overlay, type Workspace } from '../workspace';
import { createHpa, createScaledObject } from './autoscalers';
import { createIngress, createService } from './network';
import type { GenContext, GeneratedAction } from './context';
import { yamlStyle } from '../yaml-edit';

export type { GeneratedAction } from './context';

const GENERATORS = [createHpa, createScaledObject, createService, createIngress];

/** Actions for the object whose document contains `offset` in the file. */
export function createObjectActions(file: ManifestFile, offset: number, workspace: Workspace): GeneratedAction[] {
  const last = file.docs[file.docs.length - 1];
  const doc = file.docs.find((d) => d.start <= offset && offset < d.end) ?? (last && offset >= last.end ? last : undefined);
  const obj = doc && file.objects.find((o) => o.doc === doc);
  if (!obj) return [];
  // The workspace may hold an older version of this file: its current objects replace those.
  const ctx: GenContext = { file, obj, objects: overlay(workspace, file).objects(), style: { ...yamlStyle(file, doc, obj.root), step: 2 } };
  return GENERATORS.map((g) => g(ctx)).filter((a): a is GeneratedAction => a !== null);
}
