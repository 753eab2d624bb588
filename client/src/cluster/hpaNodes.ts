// The children of an HPA in the cluster tree: replicas and bounds, each metric current vs target, the conditions
// with reason and message, and the HPA's recent events newest first — what `kubectl describe hpa` shows, as nodes.
import { formatAge, readings } from './format';
import { missingRequestLinks, missingRequest, type HpaLinks } from './hpaLinks';
import type { Kubectl } from './kubectl';
import type { ClusterNode } from './model';
import { itemsOf, type HorizontalPodAutoscaler, type KubeEvent } from './types';

/** How many events an HPA node lists. */
export const HPA_EVENT_LIMIT = 10;

const when = (e: KubeEvent) => e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? '';

/** Events newest first (ties: the later name, which the recorder makes from the time). */
export function newestFirst(events: KubeEvent[]): KubeEvent[] {
  return [...events].sort((a, b) => when(b).localeCompare(when(a)) || (b.metadata?.name ?? '').localeCompare(a.metadata?.name ?? ''));
}

/** Fetches the HPA's events and builds its nodes (the tree's expansion, and each refresh of a watched HPA). */
export async function loadHpaChildren(k: Kubectl, parentId: string, h: HorizontalPodAutoscaler, where: { context: string; namespace: string }, now: number, links?: HpaLinks): Promise<ClusterNode[]> {
  const selector = `involvedObject.kind=HorizontalPodAutoscaler,involvedObject.name=${h.metadata?.name ?? ''}`;
  const list = await k.json(['get', 'events', '--field-selector', selector], where);
  return hpaChildren(parentId, h, itemsOf<KubeEvent>(list, 'events'), now, links);
}

/** The nodes under an HPA; `events` are the HPA's own (any order); `links` finds the manifest of a non-scaling one. */
export function hpaChildren(parentId: string, h: HorizontalPodAutoscaler, events: KubeEvent[], now: number, links?: HpaLinks): ClusterNode[] {
  const leaf = (id: string, label: string, description: string | undefined, icon: string, tooltip?: string): ClusterNode => ({
    id: `${parentId}/${id}`,
    label,
    description,
    tooltip,
    contextValue: 'stevedore.hpa.detail',
    icon,
    collapsible: false,
  });
  const s = h.status ?? {};
  const scaled = s.lastScaleTime ? ` · last scaled ${formatAge(s.lastScaleTime, now)} ago` : '';
  const nodes = [leaf('replicas', 'Replicas', `${s.currentReplicas ?? 0} current · ${s.desiredReplicas ?? 0} desired · min ${h.spec?.minReplicas ?? 1} · max ${h.spec?.maxReplicas ?? '?'}${scaled}`, 'layers')];
  const active = s.conditions?.find((c) => c.type === 'ScalingActive');
  const why = active?.status === 'False' ? `${active.reason ?? ''}${active.message ? `: ${active.message}` : ''}` : undefined;
  for (const r of readings(h)) {
    const description = r.current !== undefined ? `${r.current} / ${r.target ?? '?'}` : `unknown / ${r.target ?? '?'}${why ? ` — ${active?.reason}` : ''}`;
    nodes.push(leaf(`metric:${r.name}`, r.name, description, 'pulse', why && r.current === undefined ? why : undefined));
  }
  for (const c of s.conditions ?? []) {
    const bad = (c.type === 'ScalingLimited' ? c.status === 'True' : c.status === 'False');
    nodes.push(leaf(`condition:${c.type}`, c.type ?? '?', `${c.status ?? '?'} · ${c.reason ?? ''}${c.message ? `: ${c.message}` : ''}`, bad ? 'warning' : 'pass', c.message));
    const missing = c.type === 'ScalingActive' ? missingRequest(h) : undefined;
    const node = nodes[nodes.length - 1];
    if (missing) Object.assign(node, { collapsible: true, children: () => missingRequestLinks(node.id, missing, h.metadata?.namespace ?? '', links) });
  }
  const recent = newestFirst(events).slice(0, HPA_EVENT_LIMIT);
  const eventsId = `${parentId}/events`;
  nodes.push({
    id: eventsId,
    label: 'Events',
    description: String(recent.length),
    contextValue: 'stevedore.hpa.events',
    icon: 'history',
    collapsible: recent.length > 0,
    children: async () =>
      recent.map((e, i) => ({
        id: `${eventsId}:${e.metadata?.name ?? i}`,
        label: e.reason ?? '?',
        description: [e.message, (e.count ?? 1) > 1 ? `×${e.count}` : '', formatAge(when(e) || undefined, now)].filter(Boolean).join(' · '),
        tooltip: `**${e.type ?? 'Normal'} ${e.reason ?? ''}**\n\n${e.message ?? ''}`,
        contextValue: 'stevedore.event',
        icon: e.type === 'Warning' ? 'warning' : 'info',
        collapsible: false,
      })),
  });
  return nodes;
}
