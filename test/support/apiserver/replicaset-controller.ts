// The ReplicaSet controller and a stand-in kubelet: keeps the number of Pods of each ReplicaSet at spec.replicas and
// moves new Pods from Pending to Running and ready on the next tick (or into CrashLoopBackOff while rollouts fail).
import { isControlledBy, ownerRef, PODS, recordEvent, REPLICASETS, type ControllerContext } from './workloads';
import { recordPodEvents } from './events';
import { randomSuffix, semanticEqual, timestamp, type K8sObject } from './util';

const NODE = 'stevedore-node-1';
let podIpCounter = 2;

const isReady = (pod: K8sObject) => (pod.status?.conditions ?? []).some((c: K8sObject) => c.type === 'Ready' && c.status === 'True');

function qosClass(spec: K8sObject): string {
  const containers: K8sObject[] = spec.containers ?? [];
  return containers.some((c) => Object.keys(c.resources?.requests ?? {}).length || Object.keys(c.resources?.limits ?? {}).length) ? 'Burstable' : 'BestEffort';
}

function createPod(ctx: ControllerContext, rs: K8sObject): void {
  const template = rs.spec.template ?? {};
  const pod = ctx.api.create(PODS, rs.metadata.namespace, {
    metadata: {
      name: `${rs.metadata.name}-${randomSuffix()}`,
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace,
      labels: template.metadata?.labels,
      annotations: template.metadata?.annotations,
      ownerReferences: [ownerRef(rs)],
    },
    spec: { ...template.spec, nodeName: NODE, serviceAccountName: template.spec?.serviceAccountName ?? 'default' },
  });
  if (ctx.failRollouts) ctx.brokenPods.add(pod.metadata.uid);
  recordEvent(ctx, rs, 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, 'replicaset-controller');
}

/** The status a kubelet would report for a started pod; broken pods crash-loop and restart every 5 ticks. */
function runningStatus(ctx: ControllerContext, pod: K8sObject): K8sObject {
  const now = timestamp(ctx.api.store.now());
  const broken = ctx.brokenPods.has(pod.metadata.uid);
  const prev: K8sObject = pod.status ?? {};
  const started = prev.startTime ?? now;
  const ip = prev.podIP ?? `10.244.0.${podIpCounter++ % 250}`;
  const containerStatuses = (pod.spec.containers ?? []).map((c: K8sObject) => {
    const before = (prev.containerStatuses ?? []).find((s: K8sObject) => s.name === c.name);
    const restarts = broken ? (before?.restartCount ?? 0) + (ctx.tick % 5 === 0 || !before ? 1 : 0) : (before?.restartCount ?? 0);
    const base = { name: c.name, image: c.image, imageID: `${c.image}@sha256:${'0'.repeat(64)}`, containerID: `containerd://${pod.metadata.uid.replace(/-/g, '')}${c.name}`, restartCount: restarts };
    if (!broken) return { ...base, ready: true, started: true, state: { running: { startedAt: before?.state?.running?.startedAt ?? now } } };
    const finished = before?.lastState?.terminated && restarts === before.restartCount ? before.lastState : { terminated: { exitCode: 1, reason: 'Error', startedAt: started, finishedAt: now } };
    return { ...base, ready: false, started: false, lastState: finished, state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off restarting failed container ${c.name} in pod ${pod.metadata.name}` } } };
  });
  const ready = broken ? 'False' : 'True';
  const since = (type: string, status: string) => (prev.conditions ?? []).find((c: K8sObject) => c.type === type && c.status === status)?.lastTransitionTime ?? now;
  const notReady = broken ? { reason: 'ContainersNotReady', message: `containers with unready status: [${(pod.spec.containers ?? []).map((c: K8sObject) => c.name).join(' ')}]` } : {};
  return {
    phase: 'Running',
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: since('PodReadyToStartContainers', 'True') },
      { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: since('Initialized', 'True') },
      { type: 'Ready', status: ready, lastProbeTime: null, lastTransitionTime: since('Ready', ready), ...notReady },
      { type: 'ContainersReady', status: ready, lastProbeTime: null, lastTransitionTime: since('ContainersReady', ready), ...notReady },
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: since('PodScheduled', 'True') },
    ],
    hostIP: '10.0.0.10',
    hostIPs: [{ ip: '10.0.0.10' }],
    podIP: ip,
    podIPs: [{ ip }],
    startTime: started,
    containerStatuses,
    qosClass: qosClass(pod.spec),
  };
}

/** The kubelet's part: start pods; keep broken ones restarting. */
export function syncPod(ctx: ControllerContext, pod: K8sObject): void {
  if (pod.status?.phase !== 'Pending' && !ctx.brokenPods.has(pod.metadata.uid)) return;
  const status = runningStatus(ctx, pod);
  if (semanticEqual(status, pod.status)) return;
  recordPodEvents(ctx, pod, pod.status, status);
  ctx.api.update(PODS, pod.metadata.namespace, pod.metadata.name, { ...pod, status }, { status: true });
}

/** One reconciliation of a ReplicaSet: create or delete Pods, then report counts. */
export function syncReplicaSet(ctx: ControllerContext, rs: K8sObject): void {
  const ns = rs.metadata.namespace;
  let pods = ctx.api.list(PODS, ns).filter((p) => isControlledBy(p, rs));
  const want = rs.spec.replicas ?? 0;
  for (let i = pods.length; i < want; i++) createPod(ctx, rs);
  if (pods.length > want) {
    // Delete the least useful pods first: not ready, then the newest.
    const order = [...pods].sort((a, b) => Number(isReady(a)) - Number(isReady(b)) || String(b.metadata.creationTimestamp).localeCompare(String(a.metadata.creationTimestamp)));
    for (const pod of order.slice(0, pods.length - want)) {
      ctx.api.delete(PODS, ns, pod.metadata.name);
      ctx.brokenPods.delete(pod.metadata.uid);
      recordEvent(ctx, rs, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, 'replicaset-controller');
    }
  }
  pods = ctx.api.list(PODS, ns).filter((p) => isControlledBy(p, rs));
  const ready = pods.filter(isReady).length;
  const status: K8sObject = { replicas: pods.length, fullyLabeledReplicas: pods.length, readyReplicas: ready, availableReplicas: ready, observedGeneration: rs.metadata.generation };
  for (const key of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas']) if (!status[key]) delete status[key];
  if (!semanticEqual(status, rs.status)) ctx.api.update(REPLICASETS, ns, rs.metadata.name, { ...rs, status }, { status: true });
}
