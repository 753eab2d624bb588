// "Preview Scaling" on a HorizontalPodAutoscaler or ScaledObject of the cluster tree: reads the object as it is in
// the cluster (`kubectl get -o json` in the node's context and namespace) and opens the behaviour preview with it.
// The preview itself only computes; this is the one kubectl call, read-only.
import type { ClusterCommands, CommandArg, CommandDeps } from './commands';
import { objectRef } from './kubectl';
import type { NodeTarget } from './model';
import type { HpaPreviewArgs } from '../../../server/src/protocol';

/** kubectl's resource for each previewable tree kind. */
const RESOURCES: Partial<Record<NonNullable<NodeTarget['kind']>, string>> = { hpa: 'horizontalpodautoscalers', scaledobject: 'scaledobjects.keda.sh' };

/** The node the command runs on (its argument), else the cluster view's selection; only HPAs and ScaledObjects. */
function previewTarget(deps: CommandDeps, arg: CommandArg): (NodeTarget & { name: string; namespace: string }) | undefined {
  const t = arg && 'target' in arg && arg.target ? arg.target : deps.selectedTarget?.();
  return t && t.kind && RESOURCES[t.kind] && t.name && t.namespace ? { ...t, name: t.name, namespace: t.namespace } : undefined;
}

/** Runs the preview (`open`: the stevedore.previewScaling command) on the live object; returns what it passed. */
export function previewClusterScaling(commands: ClusterCommands, deps: CommandDeps, open: (args: HpaPreviewArgs) => unknown, arg?: CommandArg): Promise<HpaPreviewArgs | undefined> {
  return commands.guard(async () => {
    const t = previewTarget(deps, arg);
    if (!t) {
      deps.ui.showInfo('Preview Scaling works on a HorizontalPodAutoscaler or ScaledObject: select one in the Clusters view.');
      return undefined;
    }
    const object = await deps.kubectl().json<object>(['get', objectRef(RESOURCES[t.kind!]!, t.name)], { context: t.context, namespace: t.namespace });
    const args: HpaPreviewArgs = { object, origin: `${t.context} · ${t.namespace}` };
    await open(args);
    return args;
  });
}
