// "Events": the events of a Deployment, its ReplicaSets and their Pods in one list — warnings first, then newest
// first — as a `TYPE REASON AGE OBJECT MESSAGE` table in a read-only document. Two kubectl calls after the
// Deployment: its ReplicaSets and Pods by its selector, and the namespace's events.
import type { ClusterCommands, CommandArg, CommandDeps } from './commands';
import { formatAge } from './format';
import { newestFirst } from './hpaNodes';
import type { Kubectl } from './kubectl';
import { getDeployment, type DeploymentRef } from './revisions';
import { itemsOf, selectorString, type K8sObject, type KubeEvent } from './types';

/** An event with the object it is about, as `kind/name` (kubectl's OBJECT column). */
export interface DeploymentEvent {
  event: KubeEvent;
  object: string;
}

interface Involved {
  involvedObject?: { kind?: string; name?: string };
}

const when = (e: KubeEvent) => e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? undefined;

/** Warnings first, each part newest first. */
export function warningsFirst<T extends { event: KubeEvent }>(events: T[]): T[] {
  const order = newestFirst(events.map((e) => e.event));
  const rank = (e: T) => (e.event.type === 'Warning' ? 0 : 1) * order.length + order.indexOf(e.event);
  return [...events].sort((a, b) => rank(a) - rank(b));
}

/**
 * The events of the Deployment, of the ReplicaSets it owns and of their Pods (those its selector matches now, and
 * deleted ones named after its ReplicaSets), warnings first then newest first.
 */
export async function deploymentEvents(k: Kubectl, ref: DeploymentRef, signal?: AbortSignal): Promise<DeploymentEvent[]> {
  const opts = { context: ref.context, namespace: ref.namespace, signal };
  const d = await getDeployment(k, ref, signal);
  const selector = selectorString(d.spec?.selector);
  const [owned, events] = await Promise.all([
    selector ? k.json(['get', 'replicasets,pods', '-l', selector], opts) : Promise.resolve({ items: [] }),
    k.json(['get', 'events'], opts),
  ]);
  const objects = itemsOf<K8sObject>(owned, 'replica sets and pods');
  const replicaSets = objects.filter((o) => o.kind === 'ReplicaSet' && o.metadata?.ownerReferences?.some((r) => r.uid === d.metadata?.uid)).map((o) => o.metadata?.name ?? '');
  const pods = new Set(objects.filter((o) => o.kind === 'Pod').map((o) => o.metadata?.name));
  const mine = (kind: string | undefined, name: string) =>
    (kind === 'Deployment' && name === ref.name) ||
    (kind === 'ReplicaSet' && replicaSets.includes(name)) ||
    (kind === 'Pod' && (pods.has(name) || replicaSets.some((rs) => name.startsWith(`${rs}-`))));
  const found = itemsOf<KubeEvent & Involved>(events, 'events').flatMap((event) => {
    const { kind, name = '' } = event.involvedObject ?? {};
    return mine(kind, name) ? [{ event, object: `${kind!.toLowerCase()}/${name}` }] : [];
  });
  return warningsFirst(found);
}

/** The events as a table with kubectl's column names; AGE says `(×N)` for repeated events. */
export function eventsTable(events: DeploymentEvent[], now = Date.now()): string[] {
  const rows = [['TYPE', 'REASON', 'AGE', 'OBJECT', 'MESSAGE']];
  for (const { event: e, object } of events) {
    const count = (e.count ?? 1) > 1 ? ` (×${e.count})` : '';
    rows.push([e.type ?? 'Normal', e.reason ?? '', `${formatAge(when(e), now)}${count}`, object, (e.message ?? '').replace(/\s*\n\s*/g, ' ')]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i < r.length - 1 ? cell.padEnd(widths[i]) : cell)).join('  ').trimEnd());
}

/** The "Events" command: the Deployment's and its Pods' events in a read-only document. */
export function showDeploymentEvents(commands: ClusterCommands, deps: CommandDeps, arg?: CommandArg): Promise<DeploymentEvent[] | undefined> {
  return commands.guard(async () => {
    const ref = await commands.deployment(arg);
    if (!ref) return undefined;
    const events = await deploymentEvents(deps.kubectl(), ref);
    const warnings = events.filter((e) => e.event.type === 'Warning').length;
    const head = `Events of deployment/${ref.name}, its ReplicaSets and Pods (context ${ref.context}, namespace ${ref.namespace}): ${events.length}, ${warnings} warning${warnings === 1 ? '' : 's'}; warnings first, then newest first.`;
    const body = events.length ? eventsTable(events) : ['No events (the API server keeps them for about an hour by default).'];
    await deps.ui.showText(`Events: ${ref.name}`, [head, '', ...body, ''].join('\n'));
    return events;
  });
}
