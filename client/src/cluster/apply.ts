// Apply a manifest only after showing `kubectl diff` and getting a confirmation.
import * as path from 'node:path';
import type { ClusterUi } from './clusterUi';
import { KubectlError } from './errors';
import type { Kubectl } from './kubectl';
import { isProtected, type Outcome } from './rollout';

/** A manifest on disk, or editor text sent on stdin (`-f -`) so unsaved edits are what gets applied. */
export type ManifestSource = { path: string } | { text: string; label: string };

export interface ApplyDeps {
  kubectl: () => Kubectl;
  ui: ClusterUi;
  protectedContexts: () => string[];
  onMutated: () => void;
}

/** The objects a `kubectl diff` output touches, from its `diff -u -N LIVE/… MERGED/group.version.Kind.ns.name` headers. */
export function changedObjects(diff: string): string[] {
  const names = new Set<string>();
  for (const m of diff.matchAll(/^\+\+\+ \S*?\/MERGED-[^/\s]+\/(\S+)/gm)) names.add(m[1]);
  for (const m of diff.matchAll(/^diff -u -N \S+ \S*?\/MERGED-[^/\s]+\/(\S+)/gm)) names.add(m[1]);
  return [...names];
}

/** `kubectl diff -f` → show the diff → confirm → `kubectl apply -f`. */
export async function applyManifest(deps: ApplyDeps, source: ManifestSource, scope: { context: string; namespace: string }): Promise<Outcome> {
  const { ui } = deps;
  let file: string;
  let stdin: string | undefined;
  let label: string;
  if ('path' in source) {
    if (!path.isAbsolute(source.path)) throw new KubectlError('invalid-name', `Refusing to apply "${source.path}": not an absolute path.`);
    file = source.path;
    label = path.basename(source.path);
  } else {
    file = '-';
    stdin = source.text;
    label = source.label;
  }
  const run = { context: scope.context, namespace: scope.namespace, stdin };
  const where = `${scope.namespace} · ${scope.context}`;
  const diff = await deps.kubectl().run(['diff', '-f', file], { ...run, okExitCodes: [1] });
  if (diff.exitCode === 0) {
    const message = `No changes: ${label} matches what runs in ${where}.`;
    ui.showInfo(message);
    return { ok: true, message, reason: 'unchanged' };
  }
  await ui.showDiff(`${label} ↔ ${scope.context}`, diff.stdout);
  const objects = changedObjects(diff.stdout);
  const prot = isProtected(scope.context, deps.protectedContexts());
  const detail = [`Context: ${scope.context}${prot ? ' (protected)' : ''}`, `Namespace: ${scope.namespace}`, objects.length ? `Changes: ${objects.join(', ')}` : ''].filter(Boolean).join('\n');
  if (!(await ui.confirm(`Apply ${label} to ${scope.context}?`, detail, 'Apply'))) return { ok: false, message: 'not confirmed', reason: 'refused' };
  if (prot) {
    const typed = await ui.askToType(scope.context, `Context "${scope.context}" is protected. Type its name to apply ${label}.`);
    if (typed === undefined) return { ok: false, message: 'not confirmed', reason: 'refused' };
    if (typed.trim() !== scope.context) {
      const message = `Nothing applied: you typed "${typed}", not "${scope.context}".`;
      ui.showError(message);
      return { ok: false, message, reason: 'refused' };
    }
  }
  const result = await deps.kubectl().run(['apply', '-f', file], run);
  deps.onMutated();
  const summary = result.stdout.trim().split('\n').filter(Boolean).join(', ');
  const message = `Applied ${label} to ${where}: ${summary || 'done'}.`;
  ui.showInfo(message);
  return { ok: true, message };
}
