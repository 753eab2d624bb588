// The deployment controller, after k8s.io/kubernetes/pkg/controller/deployment: finds or creates the ReplicaSet of the
// current template (revision = max + 1, also when rolling back to an old one), scales new and old ReplicaSets within
// maxSurge/maxUnavailable, prunes history beyond revisionHistoryLimit and writes status and conditions.
// Time is scaled: progressDeadlineSeconds counts controller ticks, so a deadline of 30 is 3 s at the test tick (100 ms).
import {
  DEPLOYMENTS, DESIRED_REPLICAS, HASH_LABEL, MAX_REPLICAS, REPLICASETS, REVISION, REVISION_HISTORY, SKIP_COPY,
  isControlledBy, ownerRef, recordEvent, revisionOf, scaledValue, templateHash, templatesEqual, type ControllerContext,
} from './workloads';
import { clone, semanticEqual, timestamp, type K8sObject } from './util';

function fenceposts(d: K8sObject, desired: number): { surge: number; unavailable: number } {
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  const surge = scaledValue(ru.maxSurge ?? '25%', desired, true);
  const unavailable = scaledValue(ru.maxUnavailable ?? '25%', desired, false);
  return surge === 0 && unavailable === 0 ? { surge, unavailable: 1 } : { surge, unavailable };
}

function rsAnnotations(d: K8sObject, rs: K8sObject | undefined, revision: number, desired: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries<string>(rs?.metadata.annotations ?? {})) if (SKIP_COPY.has(k)) out[k] = v;
  for (const [k, v] of Object.entries<string>(d.metadata.annotations ?? {})) if (!SKIP_COPY.has(k)) out[k] = v;
  const old = rs ? revisionOf(rs) : 0;
  if (old && old !== revision) {
    out[REVISION_HISTORY] = [out[REVISION_HISTORY], String(old)].filter(Boolean).join(',');
  }
  out[REVISION] = String(revision);
  out[DESIRED_REPLICAS] = String(desired);
  out[MAX_REPLICAS] = String(desired + (d.spec.strategy?.type === 'Recreate' ? 0 : fenceposts(d, desired).surge));
  return out;
}

function createReplicaSet(ctx: ControllerContext, d: K8sObject, revision: number, desired: number): K8sObject {
  const hash = templateHash(d.spec.template, d.status?.collisionCount);
  const template = clone(d.spec.template);
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [HASH_LABEL]: hash } };
  const selector = clone(d.spec.selector);
  selector.matchLabels = { ...selector.matchLabels, [HASH_LABEL]: hash };
  return ctx.api.create(REPLICASETS, d.metadata.namespace, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: template.metadata.labels,
      annotations: rsAnnotations(d, undefined, revision, desired),
      ownerReferences: [ownerRef(d)],
    },
    spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds ?? 0, selector, template },
  });
}

function scale(ctx: ControllerContext, d: K8sObject, rs: K8sObject, replicas: number): K8sObject {
  const from = rs.spec.replicas ?? 0;
  if (from === replicas) return rs;
  const desired = d.spec.replicas ?? 1;
  const updated = ctx.api.patch(REPLICASETS, rs.metadata.namespace, rs.metadata.name, 'application/merge-patch+json', {
    metadata: { annotations: { [DESIRED_REPLICAS]: String(desired), [MAX_REPLICAS]: rsAnnotations(d, rs, revisionOf(rs), desired)[MAX_REPLICAS] } },
    spec: { replicas },
  });
  recordEvent(ctx, d, 'ScalingReplicaSet', `Scaled ${replicas > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${replicas}`, 'deployment-controller');
  return updated;
}

const sum = (list: K8sObject[], f: (rs: K8sObject) => number | undefined) => list.reduce((n, rs) => n + (f(rs) ?? 0), 0);

function rollingStep(ctx: ControllerContext, d: K8sObject, newRS: K8sObject, old: K8sObject[]): void {
  const desired = d.spec.replicas ?? 1;
  const { surge, unavailable } = fenceposts(d, desired);
  const all = [newRS, ...old];
  // reconcileNewReplicaSet
  if ((newRS.spec.replicas ?? 0) > desired) newRS = scale(ctx, d, newRS, desired);
  else if ((newRS.spec.replicas ?? 0) < desired) {
    const room = desired + surge - sum(all, (rs) => rs.spec.replicas);
    if (room > 0) newRS = scale(ctx, d, newRS, (newRS.spec.replicas ?? 0) + Math.min(room, desired - (newRS.spec.replicas ?? 0)));
  }
  // reconcileOldReplicaSets
  const active = old.filter((rs) => (rs.spec.replicas ?? 0) > 0).sort((a, b) => revisionOf(a) - revisionOf(b));
  if (!active.length) return;
  const minAvailable = desired - unavailable;
  const allPods = (newRS.spec.replicas ?? 0) + sum(active, (rs) => rs.spec.replicas);
  const newUnavailable = (newRS.spec.replicas ?? 0) - (newRS.status?.availableReplicas ?? 0);
  let budget = allPods - minAvailable - newUnavailable;
  if (budget <= 0) return;
  // cleanupUnhealthyReplicas, then scale down available ones while availability allows it
  for (const [i, rs] of active.entries()) {
    const unhealthy = (rs.spec.replicas ?? 0) - (rs.status?.availableReplicas ?? 0);
    const cut = Math.min(unhealthy, budget);
    if (cut > 0) {
      active[i] = scale(ctx, d, rs, rs.spec.replicas - cut);
      budget -= cut;
    }
  }
  let available = (newRS.status?.availableReplicas ?? 0) + sum(active, (rs) => rs.status?.availableReplicas);
  for (const [i, rs] of active.entries()) {
    if (available <= minAvailable) break;
    const cut = Math.min(rs.spec.replicas ?? 0, available - minAvailable);
    if (cut > 0) {
      active[i] = scale(ctx, d, rs, rs.spec.replicas - cut);
      available -= cut;
    }
  }
}

function recreateStep(ctx: ControllerContext, d: K8sObject, newRS: K8sObject, old: K8sObject[]): void {
  const running = old.filter((rs) => (rs.spec.replicas ?? 0) > 0);
  for (const rs of running) scale(ctx, d, rs, 0);
  if (running.length || old.some((rs) => (rs.status?.replicas ?? 0) > 0)) return;
  scale(ctx, d, newRS, d.spec.replicas ?? 1);
}

function pruneHistory(ctx: ControllerContext, d: K8sObject, old: K8sObject[]): void {
  const limit = d.spec.revisionHistoryLimit ?? 10;
  const idle = old.filter((rs) => !(rs.spec.replicas ?? 0) && !(rs.status?.replicas ?? 0)).sort((a, b) => revisionOf(a) - revisionOf(b));
  for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) ctx.api.delete(REPLICASETS, rs.metadata.namespace, rs.metadata.name);
}

function condition(type: string, status: string, reason: string, message: string, now: string, previous?: K8sObject): K8sObject {
  const keepTransition = previous && previous.status === status;
  return { type, status, lastUpdateTime: now, lastTransitionTime: keepTransition ? previous.lastTransitionTime : now, reason, message };
}

/** One reconciliation of a Deployment. */
export function syncDeployment(ctx: ControllerContext, d: K8sObject): void {
  const ns = d.metadata.namespace;
  const desired = d.spec.replicas ?? 1;
  const owned = () => ctx.api.list(REPLICASETS, ns).filter((rs) => isControlledBy(rs, d));
  let rsList = owned();
  let newRS = rsList.find((rs) => templatesEqual(rs.spec.template, d.spec.template));
  let rolloutEvent: { reason: string; message: string } | undefined;
  if (!d.spec.paused) {
    const maxRevision = Math.max(0, ...rsList.map(revisionOf));
    if (!newRS) {
      newRS = createReplicaSet(ctx, d, maxRevision + 1, desired);
      rolloutEvent = { reason: 'NewReplicaSetCreated', message: `Created new replica set "${newRS.metadata.name}"` };
    } else {
      const revision = revisionOf(newRS) < maxRevision ? maxRevision + 1 : revisionOf(newRS);
      const annotations = rsAnnotations(d, newRS, revision, desired);
      if (!semanticEqual(annotations, newRS.metadata.annotations)) {
        newRS = ctx.api.update(REPLICASETS, ns, newRS.metadata.name, { ...newRS, metadata: { ...newRS.metadata, annotations } });
      }
      if (!d.status?.conditions?.some((c: K8sObject) => c.type === 'Progressing')) {
        rolloutEvent = { reason: 'FoundNewReplicaSet', message: `Found new replica set "${newRS.metadata.name}"` };
      }
    }
    const revision = String(revisionOf(newRS));
    if (d.metadata.annotations?.[REVISION] !== revision) {
      d = ctx.api.patch(DEPLOYMENTS, ns, d.metadata.name, 'application/merge-patch+json', { metadata: { annotations: { [REVISION]: revision } } });
    }
    const old = rsList.filter((rs) => rs.metadata.uid !== newRS!.metadata.uid);
    if (d.spec.strategy?.type === 'Recreate') recreateStep(ctx, d, newRS, old);
    else rollingStep(ctx, d, newRS, old);
    rsList = owned();
    pruneHistory(ctx, d, rsList.filter((rs) => rs.metadata.uid !== newRS!.metadata.uid));
    rsList = owned();
    newRS = rsList.find((rs) => rs.metadata.uid === newRS!.metadata.uid);
  }
  writeStatus(ctx, d, rsList, newRS, rolloutEvent);
}

function writeStatus(ctx: ControllerContext, d: K8sObject, rsList: K8sObject[], newRS: K8sObject | undefined, rolloutEvent?: { reason: string; message: string }): void {
  const desired = d.spec.replicas ?? 1;
  const available = sum(rsList, (rs) => rs.status?.availableReplicas);
  const status: K8sObject = {
    observedGeneration: d.metadata.generation,
    replicas: sum(rsList, (rs) => rs.status?.replicas),
    updatedReplicas: newRS?.status?.replicas ?? 0,
    readyReplicas: sum(rsList, (rs) => rs.status?.readyReplicas),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, sum(rsList, (rs) => rs.spec.replicas) - available),
  };
  const nowMs = ctx.api.store.now().getTime();
  const now = timestamp(new Date(nowMs));
  const previous: K8sObject[] = d.status?.conditions ?? [];
  const prevAvailable = previous.find((c) => c.type === 'Available');
  const prevProgressing = previous.find((c) => c.type === 'Progressing');
  const minAvailable = desired - (d.spec.strategy?.type === 'Recreate' ? 0 : fenceposts(d, desired).unavailable);
  const availableCond = available >= minAvailable
    ? ['True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.']
    : ['False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'];
  const conditions: K8sObject[] = [
    prevAvailable && prevAvailable.status === availableCond[0] && prevAvailable.reason === availableCond[1]
      ? prevAvailable
      : condition('Available', availableCond[0], availableCond[1], availableCond[2], now, prevAvailable),
  ];
  const rsName = newRS?.metadata.name ?? '';
  const old = d.status ?? {};
  let progressing = prevProgressing;
  const set = (s: string, reason: string, message: string) => {
    progressing = condition('Progressing', s, reason, message, now, prevProgressing);
    ctx.progressAt.set(d.metadata.uid, nowMs);
  };
  if (d.spec.paused) {
    if (prevProgressing?.reason !== 'DeploymentPaused') set('Unknown', 'DeploymentPaused', 'Deployment is paused');
  } else if (rolloutEvent) set('True', rolloutEvent.reason, rolloutEvent.message);
  else if (status.updatedReplicas === desired && status.replicas === desired && available === desired && status.observedGeneration >= d.metadata.generation) {
    if (prevProgressing?.reason !== 'NewReplicaSetAvailable') set('True', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`);
  } else if (
    status.updatedReplicas > (old.updatedReplicas ?? 0) ||
    status.replicas - status.updatedReplicas < (old.replicas ?? 0) - (old.updatedReplicas ?? 0) ||
    status.readyReplicas > (old.readyReplicas ?? 0) ||
    available > (old.availableReplicas ?? 0)
  ) {
    set('True', 'ReplicaSetUpdated', `ReplicaSet "${rsName}" is progressing.`);
  } else if (prevProgressing && !['NewReplicaSetAvailable', 'ProgressDeadlineExceeded', 'DeploymentPaused'].includes(prevProgressing.reason)) {
    const since = ctx.progressAt.get(d.metadata.uid) ?? Date.parse(prevProgressing.lastUpdateTime);
    if (since + (d.spec.progressDeadlineSeconds ?? 600) * ctx.tickMs < nowMs) set('False', 'ProgressDeadlineExceeded', `ReplicaSet "${rsName}" has timed out progressing.`);
  }
  if (progressing) conditions.push(progressing);
  status.conditions = conditions;
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  for (const key of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']) if (!status[key]) delete status[key];
  if (semanticEqual(status, d.status)) return;
  ctx.api.update(DEPLOYMENTS, d.metadata.namespace, d.metadata.name, { ...d, status }, { status: true });
}
