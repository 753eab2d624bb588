// The kubelet's and scheduler's events about Pods, as a real cluster records them: Scheduled, Pulled, Created and
// Started when a pod starts; a Warning BackOff, counted up (one event, count and lastTimestamp bumped, as the real
// recorder aggregates it), each time a crash-looping container restarts. `kubectl describe pod` and the
// Deployment events view read them (core/v1, listed with involvedObject.* field selectors).
import { timestamp, type K8sObject } from './util';
import { EVENTS, recordEvent, type ControllerContext } from './workloads';

const NODE_OF = (pod: K8sObject) => pod.spec?.nodeName ?? 'stevedore-node-1';
const restartsOf = (status: K8sObject | undefined, name: string): number => (status?.containerStatuses ?? []).find((s: K8sObject) => s.name === name)?.restartCount ?? 0;

/** Records the events of a pod's status change from `before` to `after` (what syncPod is about to write). */
export function recordPodEvents(ctx: ControllerContext, pod: K8sObject, before: K8sObject | undefined, after: K8sObject): void {
  const about = { ...pod, apiVersion: 'v1', kind: 'Pod' };
  const containers: K8sObject[] = pod.spec?.containers ?? [];
  if (before?.phase !== 'Running' && after.phase === 'Running') {
    recordEvent(ctx, about, 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${NODE_OF(pod)}`, 'default-scheduler');
    for (const c of containers) {
      recordEvent(ctx, about, 'Pulled', `Container image "${c.image}" already present on machine`, 'kubelet');
      recordEvent(ctx, about, 'Created', `Created container: ${c.name}`, 'kubelet');
      recordEvent(ctx, about, 'Started', `Started container ${c.name}`, 'kubelet');
    }
  }
  for (const c of containers) {
    if (after.containerStatuses?.find((s: K8sObject) => s.name === c.name)?.state?.waiting?.reason !== 'CrashLoopBackOff') continue;
    if (restartsOf(after, c.name) > restartsOf(before, c.name)) backOff(ctx, about, c.name);
  }
}

/** One BackOff warning per pod and container, its count raised on every restart. */
function backOff(ctx: ControllerContext, pod: K8sObject, container: string): void {
  const message = `Back-off restarting failed container ${container} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
  const ns = pod.metadata.namespace;
  const existing = ctx.api.list(EVENTS, ns).find((e) => e.involvedObject?.uid === pod.metadata.uid && e.reason === 'BackOff' && e.message === message);
  if (!existing) return recordEvent(ctx, pod, 'BackOff', message, 'kubelet', 'Warning');
  const now = timestamp(ctx.api.store.now());
  ctx.api.update(EVENTS, ns, existing.metadata.name, { ...existing, count: (existing.count ?? 1) + 1, lastTimestamp: now });
}
