// The cluster tree as plain nodes: contexts → namespaces → kind groups → objects → (Deployment) revisions and pods,
// (HPA) replicas, metrics, conditions and events.
// Lazy: each level runs kubectl only when expanded. Failures become error nodes; children() never rejects.
import { errorMessage, isKubectlError } from './errors';
import {
  deploymentDescription,
  formatAge,
  hpaDescription,
  hpaTooltip,
  ingressDescription,
  podDescription,
  scaledObjectDescription,
  serviceDescription,
  templateImages,
} from './format';
import type { HpaLinks } from './hpaLinks';
import { loadHpaChildren } from './hpaNodes';
import { scaledObjectChildren } from './keda';
import type { Kubeconfig, KubeContext } from './kubeconfig';
import type { Kubectl } from './kubectl';
import { metricsProblems, metricsWarningNodes } from './metricsPipeline';
import { podUsage } from './podTop';
import { listRevisions } from './revisions';
import { itemsOf, selectorString, type Deployment, type HorizontalPodAutoscaler, type Ingress, type K8sObject, type Pod, type ScaledObject, type Service } from './types';

/** A context's namespaces, sorted, or kubectl's message when the user may not list them (other errors throw). */
export async function listNamespaces(kubectl: Kubectl, context: string): Promise<{ names: string[] } | { names?: undefined; forbidden: string }> {
  try {
    const list = await kubectl.json(['get', 'namespaces'], { context });
    return { names: itemsOf<K8sObject>(list, 'namespaces').map((n) => n.metadata?.name ?? '').filter(Boolean).sort() };
  } catch (e) {
    if (!isKubectlError(e) || e.kind !== 'forbidden') throw e;
    return { forbidden: e.message };
  }
}

/** What a command run on a tree item acts on. */
export interface NodeTarget {
  context: string;
  namespace?: string;
  kind?: 'deployment' | 'service' | 'ingress' | 'hpa' | 'scaledobject' | 'pod';
  name?: string;
  revision?: number;
}

export interface ClusterNode {
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  contextValue: string;
  /** A codicon id. */
  icon?: string;
  collapsible: boolean;
  children?: () => Promise<ClusterNode[]>;
  target?: NodeTarget;
  /** Run when the item is clicked. */
  command?: { command: string; title: string; arguments?: unknown[] };
}

export interface ModelDeps {
  kubectl: () => Kubectl;
  kubeconfig: () => Promise<Kubeconfig>;
  /** The extension's own selected context and namespace (marked in the tree). */
  selection: () => { context?: string; namespace?: string };
  now?: () => number;
  /** The workspace search behind a non-scaling HPA's links (hpaLinks.ts). */
  hpaLinks?: HpaLinks;
  /** Also read the metrics pipeline (the metrics APIServices behind a namespace's autoscalers, pod usage); off: no calls. */
  metrics?: boolean;
}

interface Kind {
  kind: NonNullable<NodeTarget['kind']>;
  apiKind: string;
  group: string;
  icon: string;
  describe: (o: K8sObject, now: number) => string;
  tooltip?: (o: K8sObject) => string;
}

const KINDS: Kind[] = [
  { kind: 'deployment', apiKind: 'Deployment', group: 'Deployments', icon: 'rocket', describe: (o) => deploymentDescription(o as Deployment) },
  { kind: 'service', apiKind: 'Service', group: 'Services', icon: 'plug', describe: (o) => serviceDescription(o as Service) },
  { kind: 'ingress', apiKind: 'Ingress', group: 'Ingresses', icon: 'globe', describe: (o) => ingressDescription(o as Ingress) },
  { kind: 'hpa', apiKind: 'HorizontalPodAutoscaler', group: 'HorizontalPodAutoscalers', icon: 'dashboard', describe: (o) => hpaDescription(o as HorizontalPodAutoscaler), tooltip: (o) => hpaTooltip(o as HorizontalPodAutoscaler) },
  { kind: 'scaledobject', apiKind: 'ScaledObject', group: 'ScaledObjects (KEDA)', icon: 'zap', describe: (o) => scaledObjectDescription(o as ScaledObject) },
];

const BASE_RESOURCES = 'deployments,services,ingresses,horizontalpodautoscalers';
const KEDA_RESOURCE = 'scaledobjects.keda.sh';

/** A node that shows an error message in place of children. */
export function errorNode(parentId: string, e: unknown): ClusterNode {
  const stderr = isKubectlError(e) && e.stderr ? `\n\n\`\`\`\n${e.stderr.trim().split('\n').slice(-6).join('\n')}\n\`\`\`` : '';
  return { id: `${parentId}/error`, label: errorMessage(e), tooltip: `${errorMessage(e)}${stderr}`, contextValue: 'stevedore.error', icon: 'error', collapsible: false };
}

function infoNode(parentId: string, label: string, tooltip?: string): ClusterNode {
  return { id: `${parentId}/info:${label}`, label, tooltip, contextValue: 'stevedore.info', icon: 'info', collapsible: false };
}

function safe(parentId: string, load: () => Promise<ClusterNode[]>): () => Promise<ClusterNode[]> {
  return async () => {
    try {
      return await load();
    } catch (e) {
      return [errorNode(parentId, e)];
    }
  };
}

const byName = (a: K8sObject, b: K8sObject) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');

export class ClusterModel {
  private readonly keda = new Map<string, Promise<boolean>>();

  constructor(private readonly deps: ModelDeps) {}

  /** Forgets cached discovery (KEDA CRD presence); called by the refresh command. */
  clearCaches(): void {
    this.keda.clear();
  }

  /** The contexts of the kubeconfig, or an error node. */
  async roots(): Promise<ClusterNode[]> {
    return safe('root', async () => {
      const cfg = await this.deps.kubeconfig();
      if (!cfg.contexts.length) {
        return [infoNode('root', `No contexts in ${cfg.files.join(', ')}`, 'Set `stevedore.kubeconfig` or the KUBECONFIG environment variable to a kubeconfig with contexts.')];
      }
      const selected = this.deps.selection().context ?? cfg.currentContext;
      return cfg.contexts.map((c) => this.contextNode(c, c.name === cfg.currentContext, c.name === selected));
    })();
  }

  private contextNode(c: KubeContext, current: boolean, selected: boolean): ClusterNode {
    const id = `ctx:${c.name}`;
    return {
      id,
      label: c.name,
      description: [selected ? '● selected' : '', current ? 'current-context' : ''].filter(Boolean).join(' · ') || undefined,
      tooltip: [`**${c.name}**${current ? ' (kubectl current-context)' : ''}`, `cluster: ${c.cluster ?? '?'}`, `server: ${c.server ?? '?'}`, `user: ${c.user ?? '?'}`, `namespace: ${c.namespace ?? 'default'}`].join('\n\n'),
      contextValue: current ? 'stevedore.context.current' : 'stevedore.context',
      icon: current ? 'vm-active' : 'vm-outline',
      collapsible: true,
      target: { context: c.name },
      children: safe(id, () => this.namespaces(id, c)),
    };
  }

  private async namespaces(parentId: string, c: KubeContext): Promise<ClusterNode[]> {
    const sel = this.deps.selection();
    const selectedNs = sel.context === c.name ? sel.namespace : undefined;
    const listed = await listNamespaces(this.deps.kubectl(), c.name);
    // Many users may not list namespaces but can work in their own: show that one.
    const names = listed.names ?? [selectedNs ?? c.namespace ?? 'default'];
    const note = listed.names ? undefined : infoNode(parentId, 'Cannot list namespaces here; use "Select Namespace" to open another', listed.forbidden);
    const nodes = names.map((ns) => this.namespaceNode(c.name, ns, ns === (selectedNs ?? c.namespace ?? 'default')));
    return note ? [...nodes, note] : nodes;
  }

  private namespaceNode(context: string, ns: string, selected: boolean): ClusterNode {
    const id = `ctx:${context}/ns:${ns}`;
    return {
      id,
      label: ns,
      description: selected ? '● selected' : undefined,
      contextValue: 'stevedore.namespace',
      icon: 'symbol-namespace',
      collapsible: true,
      target: { context, namespace: ns },
      children: safe(id, () => this.kindGroups(id, context, ns)),
    };
  }

  private hasKeda(context: string): Promise<boolean> {
    let cached = this.keda.get(context);
    if (!cached) {
      cached = this.deps
        .kubectl()
        .run(['api-resources', '--api-group=keda.sh', '-o', 'name'], { context })
        .then((r) => r.stdout.split('\n').some((l) => l.trim() === KEDA_RESOURCE))
        .catch(() => {
          this.keda.delete(context); // try again on the next expansion
          return false;
        });
      this.keda.set(context, cached);
    }
    return cached;
  }

  private async kindGroups(parentId: string, context: string, ns: string): Promise<ClusterNode[]> {
    const keda = await this.hasKeda(context);
    const resources = keda ? `${BASE_RESOURCES},${KEDA_RESOURCE}` : BASE_RESOURCES;
    const list = await this.deps.kubectl().json(['get', resources], { context, namespace: ns });
    const items = itemsOf<K8sObject>(list, 'objects');
    const now = this.deps.now?.() ?? Date.now();
    const warnings = this.deps.metrics ? metricsWarningNodes(parentId, context, ns, await metricsProblems(this.deps.kubectl(), context, items)) : [];
    return [...warnings, ...KINDS.filter((k) => keda || k.kind !== 'scaledobject').map((k) => {
      const id = `${parentId}/${k.kind}`;
      const objects = items.filter((o) => o.kind === k.apiKind).sort(byName);
      const nodes = objects.map((o) => this.objectNode(id, k, o, context, ns, now));
      return {
        id,
        label: k.group,
        description: String(objects.length),
        contextValue: `stevedore.group.${k.kind}`,
        icon: k.icon,
        collapsible: objects.length > 0,
        children: async () => nodes,
      };
    })];
  }

  private objectNode(parentId: string, k: Kind, o: K8sObject, context: string, ns: string, now: number): ClusterNode {
    const name = o.metadata?.name ?? '?';
    const id = `${parentId}:${name}`;
    const node: ClusterNode = {
      id,
      label: name,
      description: k.describe(o, now),
      tooltip: k.tooltip?.(o) ?? `**${k.apiKind} ${name}**\n\nnamespace: ${ns} · age ${formatAge(o.metadata?.creationTimestamp, now)}`,
      contextValue: `stevedore.${k.kind}`,
      icon: k.icon,
      collapsible: k.kind === 'deployment' || k.kind === 'hpa' || k.kind === 'scaledobject',
      target: { context, namespace: ns, kind: k.kind, name },
    };
    if (k.kind === 'hpa') {
      node.children = safe(id, () => loadHpaChildren(this.deps.kubectl(), id, o as HorizontalPodAutoscaler, { context, namespace: ns }, this.deps.now?.() ?? Date.now(), this.deps.hpaLinks));
    }
    if (k.kind === 'scaledobject') node.children = safe(id, () => scaledObjectChildren(this.deps.kubectl(), id, o as ScaledObject, { context, namespace: ns }));
    if (k.kind === 'deployment') {
      const d = o as Deployment;
      node.tooltip = `**Deployment ${name}**\n\n${node.description}\n\nimage: ${templateImages(d.spec?.template)}`;
      node.children = async () => this.deploymentChildren(id, d, context, ns);
    }
    return node;
  }

  private deploymentChildren(parentId: string, d: Deployment, context: string, namespace: string): ClusterNode[] {
    const name = d.metadata?.name ?? '?';
    const ref = { context, namespace, name };
    const revId = `${parentId}/revisions`;
    const podId = `${parentId}/pods`;
    return [
      {
        id: revId,
        label: 'Revisions',
        contextValue: 'stevedore.revisions',
        icon: 'history',
        collapsible: true,
        target: { ...ref, kind: 'deployment' },
        children: safe(revId, async () => {
          const now = this.deps.now?.() ?? Date.now();
          const revisions = await listRevisions(this.deps.kubectl(), ref, d);
          if (!revisions.length) return [infoNode(revId, 'No revisions')];
          return revisions.map((r) => ({
            id: `${revId}:${r.revision}`,
            label: `Revision ${r.revision}${r.current ? ' (current)' : ''}`,
            description: [r.image, r.changeCause, formatAge(r.created, now)].filter(Boolean).join(' · '),
            tooltip: `**Revision ${r.revision}** of ${name}\n\nReplicaSet: ${r.replicaSet}\n\nimage: ${r.image}\n\nchange-cause: ${r.changeCause ?? '(none)'}`,
            contextValue: r.current ? 'stevedore.revision.current' : 'stevedore.revision',
            icon: 'git-commit',
            collapsible: false,
            target: { ...ref, kind: 'deployment' as const, revision: r.revision },
          }));
        }),
      },
      {
        id: podId,
        label: 'Pods',
        contextValue: 'stevedore.pods',
        icon: 'vm',
        collapsible: true,
        children: safe(podId, async () => {
          const now = this.deps.now?.() ?? Date.now();
          const selector = selectorString(d.spec?.selector);
          const usage = this.deps.metrics ? podUsage(this.deps.kubectl(), context, namespace, selector || undefined) : undefined;
          const list = await this.deps.kubectl().json(['get', 'pods', ...(selector ? ['-l', selector] : [])], { context, namespace });
          const top = await usage;
          const pods = itemsOf<Pod>(list, 'pods').sort(byName);
          if (!pods.length) return [infoNode(podId, 'No pods')];
          return pods.map((p) => ({
            id: `${podId}:${p.metadata?.name}`,
            label: p.metadata?.name ?? '?',
            description: [podDescription(p, now), top?.get(p.metadata?.name ?? '')].filter(Boolean).join(' · '),
            contextValue: 'stevedore.pod',
            icon: p.status?.phase === 'Running' ? 'vm-running' : 'vm-outline',
            collapsible: false,
            target: { context, namespace, kind: 'pod' as const, name: p.metadata?.name },
          }));
        }),
      },
    ];
  }
}
