// Kustomize: what a kustomization lists (resources, components, patches), whether those local paths exist, and
// which source object (base resource or patch) a rendered object came from — the pure parts; rendering with
// `kubectl kustomize` lives in lsp/kustomize.ts and cli/kustomize.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { mapAt, nodeAt, scalarAt, seqAt } from './object';
import type { K8sObject, ManifestFile, YamlDoc } from './parse';
import type { Workspace } from './workspace';

/** File names kustomize looks for in a folder, in its order. */
export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** One path a kustomization lists: its node (for ranges), its text and which list holds it. */
export interface KustomizeEntry {
  field: 'resources' | 'components' | 'patches' | 'patchesStrategicMerge' | 'patchesJson6902' | 'bases' | 'crds';
  value: string;
  node: Node;
  /** A patch's target selector (`patches[].target`, `patchesJson6902[].target`); node: its name, else its kind. */
  target?: { kind?: string; name?: string; node: Node };
}

/** A kustomization document of a file: its root map and what it lists. */
export interface Kustomization {
  file: ManifestFile;
  doc: YamlDoc;
  root: YAMLMap;
  entries: KustomizeEntry[];
  namePrefix: string;
  nameSuffix: string;
}

/** True for a file name kustomize reads as a kustomization. */
export function isKustomizationPath(p: string | undefined): boolean {
  return !!p && KUSTOMIZATION_FILES.includes(path.basename(p));
}

/** True for a remote resource (URL, git repository): never checked locally. */
export function isRemote(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(value) || value.startsWith('git@');
}

function targetOf(item: Node): KustomizeEntry['target'] {
  const t = mapAt(item, ['target']);
  if (!t) return undefined;
  const kind = scalarAt(t, ['kind']);
  const name = scalarAt(t, ['name']);
  // A finding points at the name the target selects by (else its kind), not the whole block.
  const node = nodeAt(t, ['name']) ?? nodeAt(t, ['kind']) ?? t;
  return { kind: typeof kind === 'string' ? kind : undefined, name: typeof name === 'string' ? name : undefined, node };
}

/** The kustomization of a file: a Kustomization/Component object, or a kustomization.yaml without apiVersion/kind. */
export function readKustomization(file: ManifestFile): Kustomization | undefined {
  const obj = file.objects.find((o) => o.apiVersion.startsWith('kustomize.config.k8s.io/') && (o.kind === 'Kustomization' || o.kind === 'Component'));
  const doc = obj?.doc ?? (isKustomizationPath(file.path) ? file.docs[0] : undefined);
  const root = obj?.root ?? doc?.doc.contents;
  if (!doc || !isMap(root)) return undefined;
  const entries: KustomizeEntry[] = [];
  for (const field of ['resources', 'bases', 'components', 'crds', 'patchesStrategicMerge'] as const) {
    for (const item of seqAt(root, [field])) if (isScalar(item) && typeof item.value === 'string') entries.push({ field, value: item.value, node: item });
  }
  for (const field of ['patches', 'patchesJson6902'] as const) {
    for (const item of seqAt(root, [field])) {
      const p = nodeAt(item, ['path']);
      const target = targetOf(item);
      if (isScalar(p) && typeof p.value === 'string') entries.push({ field, value: p.value, node: p, target });
      else if (target) entries.push({ field, value: '', node: item, target });
    }
  }
  const str = (k: string) => (typeof root.get(k) === 'string' ? (root.get(k) as string) : '');
  return { file, doc, root, entries, namePrefix: str('namePrefix'), nameSuffix: str('nameSuffix') };
}

/** Where a listed path points, absolute (undefined for remote ones or a file without a path). */
export function entryPath(k: Kustomization, entry: KustomizeEntry): string | undefined {
  if (!k.file.path || !entry.value || isRemote(entry.value)) return undefined;
  return path.resolve(path.dirname(k.file.path), entry.value);
}

/** Whether a path exists: as a workspace file, a folder holding workspace files, or on disk. */
export function pathExists(workspace: Workspace, abs: string): boolean {
  if (workspace.file(abs)) return true;
  const prefix = abs.endsWith(path.sep) ? abs : abs + path.sep;
  if (workspace.objects().some((o) => o.file.path?.startsWith(prefix))) return true;
  return fs.existsSync(abs);
}

/** The kustomization file of a folder in the workspace, if any. */
export function kustomizationIn(workspace: Workspace, dir: string): ManifestFile | undefined {
  for (const name of KUSTOMIZATION_FILES) {
    const f = workspace.file(path.join(dir, name));
    if (f) return f;
  }
  return undefined;
}

/**
 * The objects a kustomization's resources define, following folders' kustomizations (bounded depth), each with the
 * name prefix/suffix the kustomizations add on the way up; undefined when one can't be read from the workspace.
 */
export function resourceObjects(workspace: Workspace, k: Kustomization, depth = 0): K8sObject[] | undefined {
  if (depth > 8) return undefined;
  const out: K8sObject[] = [];
  for (const e of k.entries) {
    if (e.field !== 'resources' && e.field !== 'bases') continue;
    const abs = entryPath(k, e);
    if (!abs) return undefined;
    const file = workspace.file(abs);
    if (file) {
      out.push(...file.objects);
      continue;
    }
    const sub = kustomizationIn(workspace, abs);
    const inner = sub && readKustomization(sub);
    const objs = inner && resourceObjects(workspace, inner, depth + 1);
    if (!objs) return undefined;
    out.push(...objs);
  }
  return out;
}

/** Whether a patch target (kind and name; kustomize reads the name as an anchored regex) selects an object. */
export function targetMatches(target: { kind?: string; name?: string }, obj: K8sObject): boolean {
  if (target.kind && target.kind !== obj.kind) return false;
  if (!target.name) return true;
  if (target.name === obj.name) return true;
  try {
    return new RegExp(`^(?:${target.name})$`).test(obj.name ?? '');
  } catch {
    return false;
  }
}
