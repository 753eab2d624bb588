// Tracing what `kubectl kustomize` rendered back to the files it came from: each rendered object to its source
// object (by kind and name, undoing namePrefix/nameSuffix level by level) and to the strategic-merge patches that
// name it; a finding's node to the same node in the last patch that writes it, else in the source object when the
// value is unchanged there, else to the kustomization (a transformation of its own: prefix, labels, images …).
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { entryPath, kustomizationIn, readKustomization, type Kustomization } from './kustomize';
import type { K8sObject, ManifestFile } from './parse';
import type { Workspace } from './workspace';
import type { Range } from '../types';

/** A source object with the name it has after the kustomizations above it renamed it. */
interface Named {
  obj: K8sObject;
  rendered: string;
}

/** The sources of one kustomization: resources (recursively) and strategic-merge patches, with rendered names. */
export interface KustomizeSources {
  kustomization: Kustomization;
  objects: Named[];
  patches: Named[];
}

function collect(workspace: Workspace, k: Kustomization, depth: number, out: { objects: Named[]; patches: Named[] }): void {
  if (depth > 8) return;
  const rename = (n: Named): Named => ({ obj: n.obj, rendered: k.namePrefix + n.rendered + k.nameSuffix });
  const inner = { objects: [] as Named[], patches: [] as Named[] };
  for (const e of k.entries) {
    const abs = entryPath(k, e);
    if (!abs) continue;
    const file = workspace.file(abs);
    if (e.field === 'resources' || e.field === 'bases') {
      if (file) inner.objects.push(...file.objects.map((obj) => ({ obj, rendered: obj.name ?? '' })));
      else {
        const sub = kustomizationIn(workspace, abs);
        const subK = sub && readKustomization(sub);
        if (subK) collect(workspace, subK, depth + 1, inner);
      }
    } else if ((e.field === 'patches' && !e.target) || e.field === 'patchesStrategicMerge') {
      inner.patches.push(...(file?.objects ?? []).map((obj) => ({ obj, rendered: obj.name ?? '' })));
    }
  }
  out.objects.push(...inner.objects.map(rename));
  out.patches.push(...inner.patches.map(rename));
}

/** The source objects and patches a kustomization renders from, as far as the workspace holds them. */
export function kustomizeSources(workspace: Workspace, k: Kustomization): KustomizeSources {
  const out = { objects: [] as Named[], patches: [] as Named[] };
  collect(workspace, k, 0, out);
  return { kustomization: k, ...out };
}

type Step = { key: string } | { index: number; name?: string };

/** The path of steps from an object's root to the node at `offset` (document-relative), and whether it is a key. */
function pathTo(root: Node, offset: number): { steps: Step[]; onKey: boolean } {
  const steps: Step[] = [];
  let cur: unknown = root;
  for (;;) {
    if (isMap(cur)) {
      const pair = cur.items.find((p) => {
        const end = (p.value as Node | null)?.range?.[1] ?? (p.key as Node).range?.[1] ?? -1;
        return ((p.key as Node).range?.[0] ?? Infinity) <= offset && offset < end;
      });
      if (!pair || !isScalar(pair.key)) break;
      steps.push({ key: String(pair.key.value) });
      const k = pair.key.range!;
      if (offset < k[1] || !pair.value) return { steps, onKey: true };
      cur = pair.value;
    } else if (isSeq(cur)) {
      const index = cur.items.findIndex((i) => isMap(i) || isSeq(i) || isScalar(i) ? (i as Node).range![0] <= offset && offset < (i as Node).range![1] : false);
      if (index < 0) break;
      const item = cur.items[index];
      const name = isMap(item) ? item.get('name') : undefined;
      steps.push({ index, name: typeof name === 'string' ? name : undefined });
      cur = item;
    } else break;
  }
  return { steps, onKey: false };
}

/** The node (and key node) at a path in another object: sequence items of maps are matched by `name` when they have one. */
function follow(root: Node, steps: Step[]): { node?: Node; key?: Node } {
  let cur: unknown = root;
  let key: Node | undefined;
  for (const s of steps) {
    if ('key' in s) {
      if (!isMap(cur)) return {};
      const pair = cur.items.find((p) => isScalar(p.key) && String(p.key.value) === s.key);
      if (!pair) return {};
      key = pair.key as Node;
      cur = pair.value;
    } else {
      if (!isSeq(cur)) return {};
      cur = s.name !== undefined ? cur.items.find((i) => isMap(i) && i.get('name') === s.name) : cur.items[s.index];
      key = undefined;
      if (!cur) return {};
    }
  }
  return { node: (cur ?? undefined) as Node | undefined, key };
}

/** Where a finding on a rendered object belongs: a file and a range in it. */
export interface TracedLocation {
  file: ManifestFile;
  range: Range;
  /** The source object or patch it was traced to; undefined when it lands on the kustomization. */
  via?: 'resource' | 'patch';
}

function scalarText(n: Node | undefined): string | undefined {
  return isScalar(n) ? String(n.value) : undefined;
}

/** The source location of a range in a rendered file (undefined when outside every object). */
export function traceRange(rendered: ManifestFile, range: Range, sources: KustomizeSources): TracedLocation {
  const k = sources.kustomization;
  const fallback: TracedLocation = { file: k.file, range: kustomizationRange(k) };
  const offset = rendered.offsetAt(range.start);
  const obj = rendered.objects.find((o) => o.doc.start <= offset && offset < o.doc.end);
  if (!obj) return fallback;
  const { steps, onKey } = pathTo(obj.root, offset - obj.doc.start);
  const same = (n: Named) => n.obj.kind === obj.kind && n.rendered === obj.name;
  const at = (src: K8sObject, via: TracedLocation['via']): TracedLocation | undefined => {
    const hit = follow(src.root, steps);
    const node = onKey ? hit.key : hit.node;
    if (!node?.range) return undefined;
    // A patch repeats the maps and lists above what it sets: it claims only the values (and keys of values) it writes.
    if (via === 'patch' && !isScalar(hit.node)) return undefined;
    // A scalar kustomize changed (prefix, image, namespace) is the kustomization's doing, not the source's.
    if (!onKey && isScalar(node) && scalarText(node) !== scalarText(follow(obj.root, steps).node)) return undefined;
    return { file: src.file, range: src.file.nodeRange(src.doc, node), via };
  };
  // A patch repeats the names it merges by (metadata.name, a container's name): those are the source's, not the patch's.
  const last = steps[steps.length - 1];
  const mergeKey = !!last && 'key' in last && last.key === 'name' && (steps.length === 2 || 'index' in steps[steps.length - 2]);
  for (const p of mergeKey ? [] : [...sources.patches].reverse()) {
    if (!same(p)) continue;
    const loc = at(p.obj, 'patch');
    if (loc) return loc;
  }
  const src = sources.objects.find(same);
  return (src && at(src.obj, 'resource')) ?? fallback;
}

/** Where a finding the kustomization itself causes is shown: its first key (the top of the file). */
export function kustomizationRange(k: Kustomization): Range {
  const first = k.root.items[0]?.key as Node | undefined;
  return first?.range ? k.file.nodeRange(k.doc, first) : k.file.rangeOf(k.doc.start, k.doc.start);
}
