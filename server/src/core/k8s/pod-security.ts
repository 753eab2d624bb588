// What a pod's security settings amount to, for the pod and container security checks: a container's setting with
// the pod's securityContext as its default, the host paths its volume mounts bring in, and whether a LabelSelector
// (matchLabels and matchExpressions, as a NetworkPolicy's podSelector) selects a set of labels.
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { mapAt, nodeAt, podSpecPath, scalarAt, seqAt, stringMapAt, WORKLOAD_KINDS, type ContainerRef } from './object';
import type { K8sObject, ManifestFile } from './parse';
import { allContainers } from './pod-containers';
import type { Workspace } from './workspace';
import { workspaceIndex, type WorkspaceIndex } from './workspace-index';

/** A container's securityContext value for `key`, else the pod securityContext's (runAsUser, runAsGroup …). */
export function effectiveSecurity(obj: K8sObject, c: ContainerRef, key: string): { value: unknown; node: Node; pod: boolean } | undefined {
  const own = nodeAt(c.map, ['securityContext', key]);
  if (isScalar(own) && own.value !== null) return { value: own.value, node: own, pod: false };
  const pod = nodeAt(obj.root, [...podSpecPath(obj)!, 'securityContext', key]);
  return isScalar(pod) && pod.value !== null ? { value: pod.value, node: pod, pod: true } : undefined;
}

/** A container's volume mount of a hostPath volume. */
export interface HostPathMount {
  obj: K8sObject;
  c: ContainerRef;
  /** The volumeMounts item. */
  mount: YAMLMap;
  /** The host path (hostPath.path), '' when not a plain string. */
  hostPath: string;
}

const hostMountLists = new WeakMap<ManifestFile, HostPathMount[]>();

/** Every mount of a hostPath volume by a container (init containers too) in a file. Shared: do not modify. */
export function hostPathMounts(file: ManifestFile): readonly HostPathMount[] {
  let list = hostMountLists.get(file);
  if (list) return list;
  list = [];
  const volumesOf = new Map<K8sObject, Map<string, string>>();
  for (const { obj, c } of allContainers(file, true)) {
    let volumes = volumesOf.get(obj);
    if (!volumes) {
      volumes = new Map();
      for (const v of seqAt(obj.root, [...podSpecPath(obj)!, 'volumes'])) {
        const name = scalarAt(v, ['name']);
        if (typeof name !== 'string' || !mapAt(v, ['hostPath'])) continue;
        const path = scalarAt(v, ['hostPath', 'path']);
        volumes.set(name, typeof path === 'string' ? path : '');
      }
      volumesOf.set(obj, volumes);
    }
    if (!volumes.size) continue;
    for (const mount of seqAt(c.map, ['volumeMounts'])) {
      const name = scalarAt(mount, ['name']);
      if (isMap(mount) && typeof name === 'string' && volumes.has(name)) list.push({ obj, c, mount, hostPath: volumes.get(name)! });
    }
  }
  hostMountLists.set(file, list);
  return list;
}

/**
 * Whether a LabelSelector node selects `labels`: every matchLabels entry and every matchExpressions requirement
 * holds. An empty selector (`{}`) selects everything; a malformed one selects nothing.
 */
export function labelSelectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  if (!isMap(selector)) return false;
  for (const [k, v] of Object.entries(stringMapAt(selector, ['matchLabels']) ?? {})) if (labels[k] !== v) return false;
  for (const req of seqAt(selector, ['matchExpressions'])) {
    const key = scalarAt(req, ['key']);
    const op = scalarAt(req, ['operator']);
    if (typeof key !== 'string') return false;
    const values = seqAt(req, ['values']).map((n) => (isScalar(n) ? String(n.value) : ''));
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    if (op === 'In' && !(has && values.includes(labels[key]))) return false;
    else if (op === 'NotIn' && has && values.includes(labels[key])) return false;
    else if (op === 'Exists' && !has) return false;
    else if (op === 'DoesNotExist' && has) return false;
    else if (op !== 'In' && op !== 'NotIn' && op !== 'Exists' && op !== 'DoesNotExist') return false;
  }
  return true;
}

/** True for a LabelSelector that selects everything: a map without matchLabels or matchExpressions entries (`{}`). */
export function selectsEverything(selector: unknown): boolean {
  if (!isMap(selector)) return false;
  return !seqAt(selector, ['matchExpressions']).length && !Object.keys(stringMapAt(selector, ['matchLabels']) ?? {}).length;
}

/** The pod specs of a file whose boolean `key` (hostNetwork, hostPID, hostIPC) is true, with that value's node. */
export function podSpecsWithTrue(file: ManifestFile, key: string): Array<{ obj: K8sObject; node: Node }> {
  const out: Array<{ obj: K8sObject; node: Node }> = [];
  for (const obj of file.objects) {
    const spec = podSpecPath(obj);
    const node = spec && nodeAt(obj.root, [...spec, key]);
    if (isScalar(node) && node.value === true) out.push({ obj, node });
  }
  return out;
}

/**
 * The NetworkPolicies of a file worth checking against the workspace's pods, with the index to look pods up in;
 * none when the workspace holds no workloads (a policy cannot be called dangling then).
 */
export function policiesToCheck(file: ManifestFile, workspace: Workspace): { policies: K8sObject[]; index?: WorkspaceIndex } {
  const policies = file.objects.filter((o) => o.kind === 'NetworkPolicy' && o.apiVersion.startsWith('networking.k8s.io/'));
  if (!policies.length) return { policies };
  const index = workspaceIndex(workspace);
  return [...WORKLOAD_KINDS].some((k) => index.ofKind(k).length) ? { policies, index } : { policies: [] };
}
