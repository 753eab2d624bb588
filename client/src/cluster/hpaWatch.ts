// "Watch" on an HPA node: polls the HPA at the configured interval and refreshes that node (its description and,
// while it is expanded, its replicas, metrics, conditions and events) until it is collapsed or the view hidden. The
// tree does not say either; the watch sees it as VS Code no longer asking for the node's children after a refresh.
import { hpaDescription, hpaTooltip } from './format';
import type { HpaLinks } from './hpaLinks';
import { loadHpaChildren } from './hpaNodes';
import { objectRef, type Kubectl } from './kubectl';
import { errorNode, type ClusterNode } from './model';
import type { HorizontalPodAutoscaler } from './types';

export interface HpaWatchDeps {
  kubectl: () => Kubectl;
  /** The polling interval (`stevedore.cluster.watchInterval`). */
  intervalMs: () => number;
  /** Asks the view to reload this node (ClusterTreeProvider.refreshNode). */
  refresh: (node: ClusterNode) => void;
  now?: () => number;
  /** The workspace search behind a non-scaling HPA's links. */
  links?: HpaLinks;
}

interface Watch {
  node: ClusterNode;
  /** VS Code asked for the node's children since the last refresh. */
  asked: boolean;
  timer?: NodeJS.Timeout;
  latest?: HorizontalPodAutoscaler;
}

export const WATCHING = '· watching';

export class HpaWatch {
  private readonly watches = new Map<string, Watch>();

  constructor(private readonly deps: HpaWatchDeps) {}

  /** True while `id`'s node is watched. */
  isWatching(id: string): boolean {
    return this.watches.has(id);
  }

  /** Starts watching an HPA node (already watched: nothing changes); false when the node is not an HPA. */
  start(node: ClusterNode | undefined): boolean {
    const t = node?.target;
    if (!node || t?.kind !== 'hpa' || !t.name || !t.namespace) return false;
    if (this.watches.has(node.id)) return true;
    const where = { context: t.context, namespace: t.namespace };
    const w: Watch = { node, asked: false };
    // From now on the node's children read the HPA itself (the tree's node holds the HPA as first listed).
    node.children = async () => {
      const now = this.deps.now?.() ?? Date.now();
      try {
        const h = w.latest ?? (await this.fetch(t.name!, where));
        w.latest = undefined; // the next expansion outside a tick reads the HPA again
        return await loadHpaChildren(this.deps.kubectl(), node.id, h, where, now, this.deps.links);
      } catch (e) {
        return [errorNode(node.id, e)];
      }
    };
    this.watches.set(node.id, w);
    void this.tick(w, true);
    return true;
  }

  /** Tells the watch VS Code asked for a node's children (ClusterTreeProvider.childrenRequested). */
  childrenRequested(node: ClusterNode): void {
    const w = this.watches.get(node.id);
    if (w && w.node === node) w.asked = true;
  }

  /** Stops watching `id`; the node keeps its last state without the watching mark, and reads the HPA when expanded. */
  stop(id: string): void {
    const w = this.watches.get(id);
    if (!w) return;
    clearTimeout(w.timer);
    this.watches.delete(id);
    w.node.description = w.node.description?.replace(` ${WATCHING}`, '');
  }

  /** Stops every watch (deactivation, or the cluster settings changed). */
  dispose(): void {
    for (const id of [...this.watches.keys()]) this.stop(id);
  }

  private fetch(name: string, where: { context: string; namespace: string }): Promise<HorizontalPodAutoscaler> {
    return this.deps.kubectl().json<HorizontalPodAutoscaler>(['get', objectRef('horizontalpodautoscaler', name)], where);
  }

  /** One poll: the node was still asked for (or this is the first), so read the HPA and refresh; else stop. */
  private async tick(w: Watch, first = false): Promise<void> {
    if (!this.watches.has(w.node.id)) return;
    if (!first && !w.asked) return this.stop(w.node.id);
    w.asked = false;
    const t = w.node.target!;
    try {
      const h = await this.fetch(t.name!, { context: t.context, namespace: t.namespace! });
      w.latest = h;
      w.node.description = `${hpaDescription(h)} ${WATCHING}`;
      w.node.tooltip = hpaTooltip(h);
    } catch (e) {
      w.latest = undefined;
      w.node.description = `${w.node.description?.replace(` ${WATCHING}`, '') ?? ''} ${WATCHING} (${e instanceof Error ? e.message : String(e)})`;
    }
    if (!this.watches.has(w.node.id)) return;
    this.deps.refresh(w.node);
    w.timer = setTimeout(() => void this.tick(w), this.deps.intervalMs());
  }
}
