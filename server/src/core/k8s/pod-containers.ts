// The containers of a file's pod-spec objects as the workload rules see them: which objects run until stopped, the
// list of containers read once per file, and how a finding names and points at a container.
import { isScalar } from 'yaml';
import type { Range } from '../types';
import { containers, podSpecPath, scalarAt, type ContainerRef } from './object';
import type { K8sObject, ManifestFile } from './parse';
import { dashBefore } from './yaml-edit';

/** The objects of a file that have a pod spec, with their containers. */
export function podObjects(file: ManifestFile): K8sObject[] {
  return file.objects.filter((o) => podSpecPath(o));
}

/** Workloads whose pods run until stopped (not Jobs, CronJobs, or Pods that do not restart). */
export function longRunning(obj: K8sObject): boolean {
  if (obj.kind === 'Job' || obj.kind === 'CronJob') return false;
  if (obj.kind === 'Pod') return (scalarAt(obj.root, ['spec', 'restartPolicy']) ?? 'Always') === 'Always';
  return true;
}

/** Range naming a container: its `name` value, else the `- ` of its item. */
export function containerRange(file: ManifestFile, obj: K8sObject, c: ContainerRef): Range {
  const name = c.map.get('name', true);
  if (isScalar(name) && name.range) return file.nodeRange(obj.doc, name);
  const start = c.map.range?.[0] ?? 0;
  const dash = dashBefore(file, obj.doc, start);
  return dash === undefined ? file.nodeRange(obj.doc, c.map) : file.rangeOf(dash, dash + 1);
}

/** A container's label for messages: `container "web"` or `container #2`. */
export function containerLabel(c: ContainerRef): string {
  const kind = c.init ? 'init container' : 'container';
  return c.name ? `${kind} "${c.name}"` : `${kind} #${Number(c.path[c.path.length - 1]) + 1}`;
}

/** containerLabel capitalised, to start a message. */
export function containerTitle(c: ContainerRef): string {
  const label = containerLabel(c);
  return label[0].toUpperCase() + label.slice(1);
}

type FileContainers = ReadonlyArray<{ obj: K8sObject; c: ContainerRef }>;
// Nine rules walk the containers of the same file in one analysis; a file's objects never change, so the list is
// read once per file and shared (read-only).
const containerLists = new WeakMap<ManifestFile, { all?: FileContainers; main?: FileContainers }>();

/** The containers (init ones too when asked) of every pod-spec object of a file. Shared: do not modify. */
export function allContainers(file: ManifestFile, includeInit: boolean): FileContainers {
  let lists = containerLists.get(file);
  if (!lists) containerLists.set(file, (lists = {}));
  const key = includeInit ? 'all' : 'main';
  return (lists[key] ??= podObjects(file).flatMap((obj) => containers(obj, includeInit).map((c) => ({ obj, c }))));
}
