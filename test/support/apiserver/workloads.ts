// Helpers shared by the controllers: resource handles, owner references, revisions, template hashes, events.
import type { HpaMemory } from '../../../server/src/core/k8s/hpa-algorithm';
import type { ObjectApi } from './api';
import { findResource } from './resources';
import { canonical, clone, fnv32a, safeEncode, timestamp, type K8sObject } from './util';

export const DEPLOYMENTS = findResource('apps', 'v1', 'deployments')!;
export const REPLICASETS = findResource('apps', 'v1', 'replicasets')!;
export const PODS = findResource('', 'v1', 'pods')!;
export const EVENTS = findResource('', 'v1', 'events')!;
export const HPAS = findResource('autoscaling', 'v2', 'horizontalpodautoscalers')!;

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const HASH_LABEL = 'pod-template-hash';

/** Annotations the deployment controller does not copy from a Deployment to its ReplicaSets. */
export const SKIP_COPY = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
]);

/** State the controllers share between ticks. */
export interface ControllerContext {
  api: ObjectApi;
  tickMs: number;
  tick: number;
  failRollouts: boolean;
  /** Pods created while rollouts fail: never ready, restarting. */
  brokenPods: Set<string>;
  /** Precise time (ms) of each Deployment's last progress, by uid; the condition's timestamp has only seconds. */
  progressAt: Map<string, number>;
  /** Synthetic CPU use (millicores, all ready pods together) of an HPA's target, by `namespace/hpa`; see setHpaLoad. */
  hpaLoad: Map<string, number>;
  /** The HPA controller's memory (recommendations, scale events) by HPA uid. */
  hpaMemory: Map<string, HpaMemory>;
}

export function ownerRef(owner: K8sObject): K8sObject {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true };
}

export function isControlledBy(o: K8sObject, owner: K8sObject): boolean {
  return (o.metadata.ownerReferences ?? []).some((r: K8sObject) => r.controller && r.uid === owner.metadata.uid);
}

export function revisionOf(rs: K8sObject): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0;
}

function withoutHash(template: K8sObject | undefined): K8sObject {
  const copy = clone(template ?? {});
  if (copy.metadata?.labels) delete copy.metadata.labels[HASH_LABEL];
  return copy;
}

/** equalIgnoreHash of the deployment controller: templates equal apart from the pod-template-hash label. */
export function templatesEqual(a: K8sObject | undefined, b: K8sObject | undefined): boolean {
  return JSON.stringify(canonical(withoutHash(a))) === JSON.stringify(canonical(withoutHash(b)));
}

/** pod-template-hash: FNV-32a of the template (plus collision count), safe-encoded as the real controller does. */
export function templateHash(template: K8sObject, collisionCount?: number): string {
  const text = JSON.stringify(canonical(withoutHash(template))) + (collisionCount ? String(collisionCount) : '');
  return safeEncode(String(fnv32a(text)));
}

let eventCounter = 0;

/** Records an event (Normal unless told) about an object, as `kubectl describe` lists them. */
export function recordEvent(ctx: ControllerContext, about: K8sObject, reason: string, message: string, component: string, type: 'Normal' | 'Warning' = 'Normal'): void {
  const at = ctx.api.store.now();
  const now = timestamp(at);
  // Named like the real recorder's events (<object>.<UnixNano in hex>), so listing them by name is chronological.
  const nanos = BigInt(at.getTime()) * 1000000n + BigInt(eventCounter++ % 1000000);
  ctx.api.create(EVENTS, about.metadata.namespace, {
    metadata: { name: `${about.metadata.name}.${nanos.toString(16)}`, namespace: about.metadata.namespace },
    involvedObject: { apiVersion: about.apiVersion, kind: about.kind, namespace: about.metadata.namespace, name: about.metadata.name, uid: about.metadata.uid, resourceVersion: about.metadata.resourceVersion },
    reason,
    message,
    source: { component },
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    type,
    reportingComponent: component,
    reportingInstance: '',
  });
}

/** intstr.GetScaledValueFromIntOrPercent. */
export function scaledValue(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(String(value ?? ''));
  if (!m) return Number(value) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}
