// "Scale…": asks the replica count, confirms naming context, namespace and Deployment, runs `kubectl scale`. When an
// HPA or a KEDA ScaledObject scales the Deployment, a manual scale would be undone at its next sync: the flow says so
// and offers to edit the autoscaler's min/max instead (a merge patch of the HPA or ScaledObject).
import type { ClusterCommands, CommandArg, CommandDeps } from './commands';
import { isKubectlError } from './errors';
import { objectRef, type Kubectl } from './kubectl';
import { getDeployment, type DeploymentRef } from './revisions';
import { isProtected, type Outcome } from './rollout';
import { itemsOf, type HorizontalPodAutoscaler, type ScaledObject } from './types';

/** The autoscaler that owns a Deployment's replica count. */
export interface Autoscaler {
  kind: 'HPA' | 'ScaledObject';
  name: string;
  min: number;
  max: number;
}

const KEDA_RESOURCE = 'scaledobjects.keda.sh';

/** The ScaledObject (preferred: KEDA drives the HPA it creates) or HPA whose scale target is the Deployment, if any. */
export async function autoscalerOf(k: Kubectl, ref: DeploymentRef): Promise<Autoscaler | undefined> {
  const opts = { context: ref.context, namespace: ref.namespace };
  const scaledObjects = k.json(['get', KEDA_RESOURCE], opts).then(
    (l) => itemsOf<ScaledObject>(l, 'scaled objects'),
    // No KEDA in this cluster: its resource type is unknown.
    (e: unknown) => (isKubectlError(e) && e.kind === 'not-found' ? [] : Promise.reject(e)),
  );
  const [hpas, sos] = await Promise.all([k.json(['get', 'horizontalpodautoscalers'], opts).then((l) => itemsOf<HorizontalPodAutoscaler>(l, 'HPAs')), scaledObjects]);
  const so = sos.find((s) => s.spec?.scaleTargetRef?.name === ref.name && (s.spec.scaleTargetRef as { kind?: string }).kind !== 'StatefulSet');
  if (so) return { kind: 'ScaledObject', name: so.metadata?.name ?? '?', min: so.spec?.minReplicaCount ?? 0, max: so.spec?.maxReplicaCount ?? 100 };
  const hpa = hpas.find((h) => h.spec?.scaleTargetRef?.kind === 'Deployment' && h.spec.scaleTargetRef.name === ref.name);
  if (hpa) return { kind: 'HPA', name: hpa.metadata?.name ?? '?', min: hpa.spec?.minReplicas ?? 1, max: hpa.spec?.maxReplicas ?? 1 };
  return undefined;
}

/** A whole number from `min` up, or undefined. */
function count(text: string | undefined, min: number): number | undefined {
  const t = text?.trim() ?? '';
  return /^\d{1,6}$/.test(t) && Number(t) >= min ? Number(t) : undefined;
}

const where = (ref: DeploymentRef) => `${ref.namespace} · ${ref.context}`;

export class ScaleFlow {
  constructor(
    private readonly commands: ClusterCommands,
    private readonly deps: CommandDeps,
  ) {}

  /** The "Scale…" command. */
  run(arg?: CommandArg): Promise<Outcome | undefined> {
    return this.commands.guard(async () => {
      const ref = await this.commands.deployment(arg);
      if (!ref) return undefined;
      const k = this.deps.kubectl();
      const [d, owner] = await Promise.all([getDeployment(k, ref), autoscalerOf(k, ref)]);
      if (owner) return this.offerBounds(ref, owner);
      return this.scale(ref, d.spec?.replicas ?? 1);
    });
  }

  private async scale(ref: DeploymentRef, current: number): Promise<Outcome | undefined> {
    const { ui } = this.deps;
    const answer = await ui.ask(`Replicas for deployment "${ref.name}" (${where(ref)}); now ${current}`, String(current));
    if (answer === undefined) return undefined;
    const replicas = count(answer, 0);
    if (replicas === undefined) return this.refuse(`Not a replica count: "${answer}" (a whole number, 0 or more).`);
    const prot = isProtected(ref.context, this.deps.protectedContexts());
    const detail = [`Context: ${ref.context}${prot ? ' (protected)' : ''}`, `Namespace: ${ref.namespace}`, `Deployment: ${ref.name}`, `Replicas: ${current} → ${replicas}`, replicas === 0 ? '\nAll of its pods are stopped.' : ''].filter(Boolean).join('\n');
    if (!(await this.commands.rollouts.confirmChange(ref, `Scale deployment "${ref.name}" to ${replicas} replica${replicas === 1 ? '' : 's'}?`, detail, 'Scale'))) {
      return { ok: false, message: 'not confirmed', reason: 'refused' };
    }
    const r = await this.deps.kubectl().run(['scale', objectRef('deployment', ref.name), `--replicas=${replicas}`], { context: ref.context, namespace: ref.namespace });
    this.deps.onMutated();
    const message = `${r.stdout.trim() || `deployment.apps/${ref.name} scaled`} to ${replicas} (${where(ref)}).`;
    ui.showInfo(message);
    return { ok: true, message };
  }

  private async offerBounds(ref: DeploymentRef, a: Autoscaler): Promise<Outcome | undefined> {
    const { ui } = this.deps;
    const what = `${a.kind} ${a.name}`;
    const edit = `Edit ${a.kind} min/max`;
    const told = `${ref.name} is scaled by ${what} (${a.min}–${a.max}); a manual scale is undone at its next sync.`;
    if (!(await ui.confirm(told, `Context: ${ref.context}\nNamespace: ${ref.namespace}\n\nChange the ${a.kind}'s bounds instead?`, edit))) {
      return { ok: false, message: told, reason: 'autoscaled' };
    }
    const minText = await ui.ask(`Minimum replicas of ${what} (now ${a.min})`, String(a.min));
    if (minText === undefined) return undefined;
    const min = count(minText, a.kind === 'HPA' ? 1 : 0);
    if (min === undefined) return this.refuse(`Not a minimum: "${minText}" (a whole number, ${a.kind === 'HPA' ? 1 : 0} or more).`);
    const maxText = await ui.ask(`Maximum replicas of ${what} (now ${a.max}; at least ${Math.max(min, 1)})`, String(Math.max(a.max, min, 1)));
    if (maxText === undefined) return undefined;
    const max = count(maxText, Math.max(min, 1));
    if (max === undefined) return this.refuse(`Not a maximum: "${maxText}" (a whole number, at least ${Math.max(min, 1)}).`);
    const prot = isProtected(ref.context, this.deps.protectedContexts());
    const detail = `Context: ${ref.context}${prot ? ' (protected)' : ''}\nNamespace: ${ref.namespace}\n${a.kind}: ${a.name} (scales deployment ${ref.name})\nMin: ${a.min} → ${min}\nMax: ${a.max} → ${max}`;
    if (!(await this.commands.rollouts.confirmChange(ref, `Set ${what} to ${min}–${max} replicas?`, detail, 'Set Min/Max'))) {
      return { ok: false, message: 'not confirmed', reason: 'refused' };
    }
    const [resource, spec] = a.kind === 'HPA' ? ['horizontalpodautoscaler', { minReplicas: min, maxReplicas: max }] : [KEDA_RESOURCE, { minReplicaCount: min, maxReplicaCount: max }];
    const args = ['patch', objectRef(resource as string, a.name), '--type=merge', '-p', JSON.stringify({ spec })];
    await this.deps.kubectl().run(args, { context: ref.context, namespace: ref.namespace });
    this.deps.onMutated();
    const message = `${what} now scales ${ref.name} between ${min} and ${max} replicas (${where(ref)}).`;
    ui.showInfo(message);
    return { ok: true, message };
  }

  private refuse(message: string): Outcome {
    this.deps.ui.showError(message);
    return { ok: false, message, reason: 'invalid' };
  }
}
