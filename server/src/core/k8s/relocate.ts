// Finding a finding's object again in a fix's input: fixes run on the text they are given (which may differ from the
// analyzed one), so they re-parse it and look the object up by the document index and path the finding carries.
import type { Node } from 'yaml';
import type { FixInput } from '../types';
import { nodeAt, type PathKey } from './object';
import { parseManifest, type K8sObject, type ManifestFile } from './parse';

/** Where a finding's target lives: the document index and a path from the object's root. */
export interface Target {
  doc: number;
  path: PathKey[];
}

export interface Relocated {
  file: ManifestFile;
  obj: K8sObject;
  /** The node at the finding's `data.path` (undefined when the finding has no path or the node is gone). */
  node: Node | undefined;
}

// The fixes of one finding list (and a fix-all pass) run on the same text: parse it once. Held weakly, so an old
// version of a file (its trees cost 15-20 times its text) is never kept alive only for this.
let last: WeakRef<ManifestFile> | undefined;

/** The parsed manifest of a fix's input text (the last one is reused while it is alive). */
export function inputManifest(input: FixInput): ManifestFile {
  const file = last?.deref();
  if (file && file.text === input.text && file.path === input.path) return file;
  const parsed = parseManifest(input.text, input.path);
  last = new WeakRef(parsed);
  return parsed;
}

/** The object of the document `index` in a file, if that document is an object. */
export function objectAt(file: ManifestFile, index: unknown): K8sObject | undefined {
  return file.objects.find((o) => o.doc.index === index);
}

/** The object (and node) a finding's `data` ({ doc, path? }) points at, found again in the fix's input text. */
export function relocate(input: FixInput, finding: { data?: Record<string, unknown> }, path?: PathKey[]): Relocated | null {
  const data = finding.data as Partial<Target> | undefined;
  if (!data || typeof data.doc !== 'number') return null;
  const file = inputManifest(input);
  const obj = objectAt(file, data.doc);
  if (!obj) return null;
  const at = path ?? (Array.isArray(data.path) ? data.path : undefined);
  return { file, obj, node: at && nodeAt(obj.root, at) };
}
