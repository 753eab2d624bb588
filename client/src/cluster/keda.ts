// The children of a KEDA ScaledObject in the cluster tree: its Ready/Active/Fallback conditions, the HPA KEDA created
// for it (`status.hpaName`, else `keda-hpa-<name>`, read on expansion) and its triggers with a metadata summary.
import { isKubectlError } from './errors';
import { hpaDescription } from './format';
import type { Kubectl } from './kubectl';
import type { ClusterNode } from './model';
import type { Condition, HorizontalPodAutoscaler, ScaledObject } from './types';

/** The ScaledObject fields this view reads beyond the tree's one-line description. */
interface KedaScaledObject extends ScaledObject {
  status?: ScaledObject['status'] & { hpaName?: string };
}

interface Trigger {
  type?: string;
  name?: string;
  metadata?: Record<string, string>;
  authenticationRef?: { name?: string };
}

const CONDITIONS = ['Ready', 'Active', 'Fallback'];
const SUMMARY_LENGTH = 80;

/** The name of the HPA KEDA manages for `so`. */
export function kedaHpaName(so: ScaledObject): string {
  return (so as KedaScaledObject).status?.hpaName || `keda-hpa-${so.metadata?.name ?? ''}`;
}

/** `query=…, threshold=100` cut to a readable length. */
export function triggerSummary(metadata: Record<string, string> | undefined): string {
  const text = Object.entries(metadata ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH - 1)}…` : text;
}

/** A condition is bad when Ready is not True or Fallback is True; Active False only means idle (at the minimum). */
function icon(c: Condition): string {
  if (c.type === 'Fallback') return c.status === 'True' ? 'warning' : 'pass';
  if (c.type === 'Active') return c.status === 'True' ? 'zap' : 'debug-pause';
  return c.status === 'True' ? 'pass' : 'warning';
}

/** The nodes under a ScaledObject; reads its HPA with kubectl. */
export async function scaledObjectChildren(kubectl: Kubectl, parentId: string, so: ScaledObject, where: { context: string; namespace: string }): Promise<ClusterNode[]> {
  const o = so as KedaScaledObject;
  const leaf = (id: string, label: string, description: string, nodeIcon: string, tooltip?: string): ClusterNode => ({
    id: `${parentId}/${id}`,
    label,
    description,
    tooltip,
    contextValue: 'stevedore.scaledobject.detail',
    icon: nodeIcon,
    collapsible: false,
  });
  const conditions = o.status?.conditions ?? [];
  const nodes = CONDITIONS.map((type) => {
    const c = conditions.find((x) => x.type === type);
    if (!c) return leaf(`condition:${type}`, type, 'not reported yet', 'circle-outline');
    return leaf(`condition:${type}`, type, `${c.status ?? '?'}${c.reason ? ` · ${c.reason}` : ''}${c.message ? `: ${c.message}` : ''}`, icon(c), c.message);
  });

  const hpaName = kedaHpaName(o);
  try {
    const h = await kubectl.json<HorizontalPodAutoscaler>(['get', 'horizontalpodautoscalers', hpaName], where);
    nodes.push({
      ...leaf('hpa', `HPA ${hpaName}`, hpaDescription(h), 'dashboard', `The HorizontalPodAutoscaler KEDA created for **${o.metadata?.name ?? ''}**; KEDA overwrites manual edits.`),
      contextValue: 'stevedore.hpa',
      target: { ...where, kind: 'hpa', name: hpaName },
    });
  } catch (e) {
    if (!isKubectlError(e) || e.kind !== 'not-found') throw e;
    nodes.push(leaf('hpa', `HPA ${hpaName}`, 'not created: KEDA has not reconciled this ScaledObject (is KEDA running?)', 'warning'));
  }

  ((o.spec?.triggers ?? []) as Trigger[]).forEach((t, i) => {
    const full = Object.entries(t.metadata ?? {}).map(([k, v]) => `- ${k}: \`${v}\``).join('\n');
    const auth = t.authenticationRef?.name ? ` · auth ${t.authenticationRef.name}` : '';
    nodes.push(leaf(`trigger:${i}`, `Trigger ${t.type ?? '?'}${t.name ? ` (${t.name})` : ''}`, `${triggerSummary(t.metadata)}${auth}`, 'symbol-event', `**${t.type ?? '?'}** trigger${auth}\n\n${full}`));
  });
  return nodes;
}
