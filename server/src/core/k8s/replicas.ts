// How many pods a workload runs: its spec.replicas (unset means 1) for the kinds that have one, and, when an HPA or
// KEDA ScaledObject scales it, the autoscaler's floor instead. Shared by the replica and disruption-budget checks.
import { isScalar, type Node } from 'yaml';
import { nodeAt } from './object';
import type { K8sObject } from './parse';
import type { Workspace } from './workspace';
import { isHpa, workspaceIndex } from './workspace-index';

/** Kinds with a `spec.replicas` count (DaemonSets, Jobs, CronJobs and Pods have none). */
export const REPLICATED_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'DeploymentConfig']);

export interface ReplicaCount {
  count: number;
  /** The `replicas` value node, when the count is written (absent: the default of 1). */
  node?: Node;
}

/** A replicated workload's spec.replicas (1 when unset); undefined for other kinds or a value that is not a whole number. */
export function declaredReplicas(obj: K8sObject): ReplicaCount | undefined {
  if (!REPLICATED_KINDS.has(obj.kind)) return undefined;
  const node = nodeAt(obj.root, ['spec', 'replicas']);
  if (node === undefined) return { count: 1 };
  return isScalar(node) && Number.isInteger(node.value) ? { count: node.value as number, node } : undefined;
}

export interface ReplicaFloor {
  count: number;
  /** The HPA or ScaledObject whose minimum this is, when one scales the workload. */
  scaler?: K8sObject;
}

/**
 * The fewest pods a replicated workload runs: the minReplicas (HPA, default 1) or minReplicaCount (ScaledObject,
 * default 0) of the first autoscaler that scales it, else its spec.replicas. Undefined when not a whole number.
 */
export function replicaFloor(workspace: Workspace, obj: K8sObject): ReplicaFloor | undefined {
  if (!REPLICATED_KINDS.has(obj.kind)) return undefined;
  const scaler = obj.name === undefined ? undefined : workspaceIndex(workspace).scalersOf(obj.kind, obj.name, obj.namespace)[0];
  if (!scaler) {
    const declared = declaredReplicas(obj);
    return declared && { count: declared.count };
  }
  const hpa = isHpa(scaler);
  const node = nodeAt(scaler.root, ['spec', hpa ? 'minReplicas' : 'minReplicaCount']);
  const count = node === undefined ? (hpa ? 1 : 0) : isScalar(node) && Number.isInteger(node.value) ? (node.value as number) : undefined;
  return count === undefined ? undefined : { count, scaler };
}
