// A Deployment's revisions are its ReplicaSets, numbered by the deployment.kubernetes.io/revision annotation.
import { CHANGE_CAUSE_ANNOTATION, REVISION_ANNOTATION, templateImages } from './format';
import { Kubectl, objectRef } from './kubectl';
import { itemsOf, selectorString, type Deployment, type ReplicaSet } from './types';

/** A Deployment addressed by context, namespace and name. */
export interface DeploymentRef {
  context: string;
  namespace: string;
  name: string;
}

export interface Revision {
  revision: number;
  replicaSet: string;
  image: string;
  changeCause?: string;
  created?: string;
  /** True for the revision the Deployment runs now. */
  current: boolean;
}

/** Fetches one Deployment. */
export function getDeployment(k: Kubectl, ref: DeploymentRef, signal?: AbortSignal): Promise<Deployment> {
  return k.json<Deployment>(['get', objectRef('deployment', ref.name)], { context: ref.context, namespace: ref.namespace, signal });
}

/** The Deployment's revisions, newest first (one `kubectl get rs -l <selector>` call). */
export async function listRevisions(k: Kubectl, ref: DeploymentRef, deployment?: Deployment, signal?: AbortSignal): Promise<Revision[]> {
  const d = deployment ?? (await getDeployment(k, ref, signal));
  const selector = selectorString(d.spec?.selector);
  const list = await k.json(['get', 'replicasets', ...(selector ? ['-l', selector] : [])], { context: ref.context, namespace: ref.namespace, signal });
  const uid = d.metadata?.uid;
  const currentRev = d.metadata?.annotations?.[REVISION_ANNOTATION];
  return itemsOf<ReplicaSet>(list, 'replica sets')
    .filter((rs) => !uid || (rs.metadata?.ownerReferences ?? []).some((o) => o.uid === uid))
    .map((rs) => {
      const rev = rs.metadata?.annotations?.[REVISION_ANNOTATION];
      return {
        revision: rev ? Number(rev) : NaN,
        replicaSet: rs.metadata?.name ?? '?',
        image: templateImages(rs.spec?.template),
        changeCause: rs.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION],
        created: rs.metadata?.creationTimestamp,
        current: rev !== undefined && rev === currentRev,
      };
    })
    .filter((r) => Number.isInteger(r.revision) && r.revision > 0)
    .sort((a, b) => b.revision - a.revision);
}

/** The revision an undo goes back to by default: the newest one older than the current. */
export function previousRevision(revisions: Revision[]): Revision | undefined {
  const current = revisions.find((r) => r.current)?.revision ?? Infinity;
  return revisions.filter((r) => r.revision < current).sort((a, b) => b.revision - a.revision)[0];
}
