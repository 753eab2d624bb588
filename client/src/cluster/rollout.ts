// Rollout status, history, undo and restart as flows against an injected UI; the vscode side only adapts.
import type { ClusterUi } from './clusterUi';
import { KubectlError, errorMessage, isKubectlError } from './errors';
import { formatAge, rolloutFailure } from './format';
import { Kubectl, objectRef } from './kubectl';
import { getDeployment, listRevisions, previousRevision, type DeploymentRef, type Revision } from './revisions';

export interface RolloutDeps {
  kubectl: () => Kubectl;
  ui: ClusterUi;
  /** Glob patterns (`*`, `?`) of contexts that need the deployment name typed before a change. */
  protectedContexts: () => string[];
  rolloutTimeoutSec: () => number;
  /** Called after every command that changed the cluster (refreshes the tree). */
  onMutated: () => void;
}

/** What the user was finally told. `reason` is e.g. ProgressDeadlineExceeded, `cancelled` or `refused`. */
export interface Outcome {
  ok: boolean;
  message: string;
  reason?: string;
}

/** True when `context` matches one of the glob patterns (case-insensitive). */
export function isProtected(context: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => {
    const re = p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    return new RegExp(`^${re}$`, 'i').test(context);
  });
}

const where = (ref: DeploymentRef) => `${ref.namespace} · ${ref.context}`;
const opts = (ref: DeploymentRef, signal?: AbortSignal) => ({ context: ref.context, namespace: ref.namespace, signal });

function revisionLine(r: Revision): string {
  return [`${r.revision}`, r.image, r.changeCause].filter(Boolean).join(' — ');
}

export class Rollouts {
  constructor(private readonly deps: RolloutDeps) {}

  /** Streams `kubectl rollout status --watch` into a cancellable progress notification. */
  async status(ref: DeploymentRef): Promise<Outcome> {
    const { ui } = this.deps;
    const k = this.deps.kubectl();
    const timeout = this.deps.rolloutTimeoutSec();
    const args = ['rollout', 'status', objectRef('deployment', ref.name), '--watch', `--timeout=${timeout}s`];
    try {
      await ui.progress(`Rollout of ${ref.name} (${where(ref)})`, true, (report, signal) =>
        k.stream(args, (line, from) => from === 'stdout' && line.trim() && report(line.trim()), { ...opts(ref, signal), timeoutMs: (timeout + 30) * 1000 }),
      );
      return this.tell(true, `Deployment "${ref.name}" rolled out successfully (${where(ref)}).`);
    } catch (e) {
      if (isKubectlError(e) && e.kind === 'cancelled') {
        ui.showInfo(`Stopped watching the rollout of "${ref.name}"; the rollout itself goes on.`);
        return { ok: false, message: 'cancelled', reason: 'cancelled' };
      }
      return this.tell(false, ...(await this.failureOf(ref, e, timeout)));
    }
  }

  private async failureOf(ref: DeploymentRef, e: unknown, timeout: number): Promise<[string, string?]> {
    if (!isKubectlError(e) || !['failed', 'timeout'].includes(e.kind)) return [errorMessage(e)];
    const timedOut = /timed out waiting for the condition/.test(e.stderr);
    let cond;
    try {
      cond = rolloutFailure(await getDeployment(this.deps.kubectl(), ref));
    } catch {
      cond = undefined;
    }
    const reason = cond?.reason ?? (/exceeded its progress deadline/.test(e.stderr) ? 'ProgressDeadlineExceeded' : undefined);
    const detail = cond?.message ? ` — ${cond.message}` : '';
    if (timedOut) return [`Rollout of "${ref.name}" did not finish within ${timeout}s (${where(ref)})${reason ? `: ${reason}${detail}` : ''}.`, reason ?? 'timeout'];
    if (reason) return [`Rollout of "${ref.name}" failed (${where(ref)}): ${reason}${detail}`, reason];
    return [errorMessage(e)];
  }

  private tell(ok: boolean, message: string, reason?: string): Outcome {
    if (ok) this.deps.ui.showInfo(message);
    else this.deps.ui.showError(message);
    return { ok, message, reason };
  }

  /** Shows the revisions with image, change-cause and age. */
  async history(ref: DeploymentRef): Promise<Revision[]> {
    const revisions = await listRevisions(this.deps.kubectl(), ref);
    const rows = [['REVISION', 'IMAGE', 'AGE', 'CHANGE-CAUSE'], ...revisions.map((r) => [`${r.revision}${r.current ? ' (current)' : ''}`, r.image, formatAge(r.created), r.changeCause ?? ''])];
    const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
    const table = rows.map((row) => row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i]) : cell)).join('  ').trimEnd());
    await this.deps.ui.showText(`Rollout history: ${ref.name}`, [`Rollout history of deployment/${ref.name} (context ${ref.context}, namespace ${ref.namespace})`, '', ...table, ''].join('\n'));
    return revisions;
  }

  /** Pick a revision (default: the previous one), confirm, type the name on protected contexts, undo, watch. */
  async undo(ref: DeploymentRef, toRevision?: number): Promise<Outcome | undefined> {
    const { ui } = this.deps;
    const revisions = await listRevisions(this.deps.kubectl(), ref);
    const current = revisions.find((r) => r.current);
    const candidates = revisions.filter((r) => !r.current);
    if (!candidates.length) {
      ui.showInfo(`Deployment "${ref.name}" has no earlier revision to roll back to (${where(ref)}).`);
      return undefined;
    }
    let target = toRevision !== undefined ? revisions.find((r) => r.revision === toRevision) : undefined;
    if (toRevision !== undefined && !target) throw new KubectlError('not-found', `Deployment "${ref.name}" has no revision ${toRevision} (${where(ref)}).`);
    if (!target) {
      const def = previousRevision(revisions);
      target = await ui.pick(
        candidates.map((r) => ({ label: `Revision ${r.revision}`, description: r.image, detail: [r.changeCause, formatAge(r.created)].filter(Boolean).join(' · '), value: r })),
        { title: `Roll back ${ref.name} (${where(ref)}) to…`, placeholder: 'Revision to roll back to', activeIndex: def ? candidates.indexOf(def) : 0 },
      );
      if (!target) return undefined;
    }
    const prot = isProtected(ref.context, this.deps.protectedContexts());
    const detail = [
      `Context: ${ref.context}${prot ? ' (protected)' : ''}`,
      `Namespace: ${ref.namespace}`,
      `Deployment: ${ref.name}`,
      `Target revision: ${revisionLine(target)}`,
      current ? `Current revision: ${revisionLine(current)}` : '',
    ].filter(Boolean).join('\n');
    if (!(await this.confirmChange(ref, `Roll back deployment "${ref.name}" to revision ${target.revision}?`, detail, 'Roll Back'))) {
      return { ok: false, message: 'not confirmed', reason: 'refused' };
    }
    const result = await this.deps.kubectl().run(['rollout', 'undo', objectRef('deployment', ref.name), `--to-revision=${target.revision}`], opts(ref));
    this.deps.onMutated();
    ui.showInfo(`${result.stdout.trim() || `Rolled back "${ref.name}"`} to revision ${target.revision} (${where(ref)}); watching the rollout…`);
    const status = await this.status(ref);
    this.deps.onMutated();
    return status;
  }

  /** Confirms, then `kubectl rollout restart` and a status watch. */
  async restart(ref: DeploymentRef): Promise<Outcome | undefined> {
    const prot = isProtected(ref.context, this.deps.protectedContexts());
    const detail = `Context: ${ref.context}${prot ? ' (protected)' : ''}\nNamespace: ${ref.namespace}\nDeployment: ${ref.name}\n\nAll pods are replaced, one batch at a time.`;
    if (!(await this.confirmChange(ref, `Restart deployment "${ref.name}"?`, detail, 'Restart'))) {
      return { ok: false, message: 'not confirmed', reason: 'refused' };
    }
    await this.deps.kubectl().run(['rollout', 'restart', objectRef('deployment', ref.name)], opts(ref));
    this.deps.onMutated();
    const status = await this.status(ref);
    this.deps.onMutated();
    return status;
  }

  /** The modal confirmation, plus typing the deployment name when the context is protected. */
  async confirmChange(ref: DeploymentRef, message: string, detail: string, action: string): Promise<boolean> {
    const { ui } = this.deps;
    if (!(await ui.confirm(message, detail, action))) return false;
    if (!isProtected(ref.context, this.deps.protectedContexts())) return true;
    const typed = await ui.askToType(ref.name, `Context "${ref.context}" is protected. Type the deployment name "${ref.name}" to confirm.`);
    if (typed === undefined) return false;
    if (typed.trim() !== ref.name) {
      ui.showError(`Nothing changed: you typed "${typed}", not "${ref.name}" (protected context ${ref.context}).`);
      return false;
    }
    return true;
  }
}
