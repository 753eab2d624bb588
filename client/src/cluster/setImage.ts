// "Set Image…": the guide's "change the image tag and apply" in one step — pick a container (skipped when there is
// one), type the new image (prefilled with the current), confirm (protected contexts: type the name), then
// `kubectl set image`, the change-cause annotation kubectl's old --record wrote, and the rollout status watch.
import type { ClusterCommands, CommandArg, CommandDeps } from './commands';
import { KubectlError } from './errors';
import { CHANGE_CAUSE_ANNOTATION } from './format';
import { objectRef } from './kubectl';
import { getDeployment, type DeploymentRef } from './revisions';
import { isProtected, type Outcome } from './rollout';

/** Why `image` is not an image reference kubectl can set, or undefined. */
export function imageProblem(image: string): string | undefined {
  if (!image) return 'the image is empty';
  if (/\s/.test(image)) return 'an image reference has no spaces';
  if (!/^[a-z0-9][\w.\-/:@]*$/i.test(image) || image.endsWith(':') || image.endsWith('@')) return 'expected e.g. registry.example.com/web:1.3.0 or web@sha256:…';
  return undefined;
}

/** The command recorded as the change-cause (what a user would have typed, without the Stevedore flags). */
export function changeCause(ref: DeploymentRef, container: string, image: string): string {
  return `kubectl set image deployment/${ref.name} ${container}=${image}`;
}

const where = (ref: DeploymentRef) => `${ref.namespace} · ${ref.context}`;

/** The "Set Image…" command. */
export function setImage(commands: ClusterCommands, deps: CommandDeps, arg?: CommandArg): Promise<Outcome | undefined> {
  return commands.guard(async () => {
    const ref = await commands.deployment(arg);
    if (!ref) return undefined;
    const { ui } = deps;
    const d = await getDeployment(deps.kubectl(), ref);
    const containers = (d.spec?.template?.spec?.containers ?? []).filter((c): c is { name: string; image?: string } => !!c.name);
    if (!containers.length) throw new KubectlError('failed', `Deployment "${ref.name}" has no containers (${where(ref)}).`);
    const container =
      containers.length === 1
        ? containers[0]
        : await ui.pick(containers.map((c) => ({ label: c.name, description: c.image, value: c })), { title: `Container of ${ref.name} (${where(ref)})`, placeholder: 'Container whose image to set' });
    if (!container) return undefined;
    const current = container.image ?? '';
    const typed = await ui.ask(`New image for container "${container.name}" of deployment "${ref.name}" (${where(ref)})`, current);
    if (typed === undefined) return undefined;
    const image = typed.trim();
    const problem = imageProblem(image);
    if (problem) {
      ui.showError(`Not an image: "${typed}" (${problem}).`);
      return { ok: false, message: problem, reason: 'invalid' };
    }
    if (image === current) {
      ui.showInfo(`Nothing changed: container "${container.name}" of "${ref.name}" already runs ${image}.`);
      return { ok: false, message: 'unchanged', reason: 'unchanged' };
    }
    const prot = isProtected(ref.context, deps.protectedContexts());
    const detail = [
      `Context: ${ref.context}${prot ? ' (protected)' : ''}`,
      `Namespace: ${ref.namespace}`,
      `Deployment: ${ref.name}`,
      `Container: ${container.name}`,
      `Image: ${current} → ${image}`,
      '',
      'The pods are replaced by a rolling update.',
    ].join('\n');
    if (!(await commands.rollouts.confirmChange(ref, `Set the image of "${container.name}" in deployment "${ref.name}"?`, detail, 'Set Image'))) {
      return { ok: false, message: 'not confirmed', reason: 'refused' };
    }
    const opts = { context: ref.context, namespace: ref.namespace };
    const k = deps.kubectl();
    const target = objectRef('deployment', ref.name);
    await k.run(['set', 'image', target, `${container.name}=${image}`], opts);
    deps.onMutated();
    // Recorded after the change, as `kubectl annotate` would; the controller copies it to the new ReplicaSet.
    await k.run(['annotate', target, `${CHANGE_CAUSE_ANNOTATION}=${changeCause(ref, container.name, image)}`, '--overwrite'], opts);
    const status = await commands.rollouts.status(ref);
    deps.onMutated();
    return status;
  });
}
