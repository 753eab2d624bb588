// The cluster commands as plain functions of (argument, UI): the vscode side registers them, tests call them.
import { applyManifest, type ManifestSource } from './apply';
import type { ClusterUi } from './clusterUi';
import { cursorDeployment } from './cursorDeployment';
import { KubectlError, errorMessage, isKubectlError } from './errors';
import { deploymentDescription } from './format';
import type { Kubeconfig } from './kubeconfig';
import type { Kubectl } from './kubectl';
import { listNamespaces, type NodeTarget } from './model';
import { namespaceProblem } from './names';
import type { DeploymentRef } from './revisions';
import { Rollouts, type Outcome } from './rollout';
import type { ClusterSelection } from './state';
import { itemsOf, type Deployment } from './types';

/** A command argument: a tree node, `{ name, namespace?, context? }` (CodeLens), `{ path }` (a file), or nothing. */
export type CommandArg = { target?: NodeTarget } | { name?: unknown; namespace?: unknown; context?: unknown; path?: unknown } | undefined;

/** The active editor, as far as the commands care. */
export interface EditorSnapshot {
  languageId: string;
  text: string;
  offset: number;
  /** Shown in messages (the file name). */
  label: string;
}

export interface CommandDeps {
  kubectl: () => Kubectl;
  ui: ClusterUi;
  kubeconfig: () => Promise<Kubeconfig>;
  selection: ClusterSelection;
  protectedContexts: () => string[];
  rolloutTimeoutSec: () => number;
  onMutated: () => void;
  activeEditor: () => EditorSnapshot | undefined;
  /** The target of the node selected in the cluster view, if any (commands run from the palette act on it). */
  selectedTarget?: () => NodeTarget | undefined;
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

export class ClusterCommands {
  readonly rollouts: Rollouts;

  constructor(private readonly deps: CommandDeps) {
    this.rollouts = new Rollouts(deps);
  }

  /** The context and namespace commands act in: the extension's selection, else the kubeconfig's defaults. */
  async scope(context?: string): Promise<{ context: string; namespace: string }> {
    const cfg = await this.deps.kubeconfig();
    const sel = this.deps.selection.get();
    const ctx = context ?? sel.context ?? cfg.currentContext;
    if (!ctx) throw new KubectlError('not-found', `No Kubernetes context: ${cfg.files.join(', ')} sets no current-context. Run "Stevedore: Select Context".`);
    const namespace = this.deps.selection.namespaceOf(ctx) ?? cfg.contexts.find((c) => c.name === ctx)?.namespace ?? 'default';
    return { context: ctx, namespace };
  }

  /**
   * The Deployment a command acts on: the argument, else the Deployment selected in the cluster view (a revision or
   * the Revisions folder count as their Deployment), else the one under the cursor in a YAML editor, else a quick pick.
   */
  async deployment(arg: CommandArg): Promise<DeploymentRef | undefined> {
    const t = arg && 'target' in arg ? arg.target : undefined;
    if (t) {
      if (t.kind !== 'deployment' || !t.name || !t.namespace) throw new KubectlError('invalid-name', 'This command works on a Deployment.');
      return { context: t.context, namespace: t.namespace, name: t.name };
    }
    const given = arg as { name?: unknown; namespace?: unknown; context?: unknown } | undefined;
    if (str(given?.name)) {
      const scope = await this.scope(str(given?.context));
      return { context: scope.context, namespace: str(given?.namespace) ?? scope.namespace, name: str(given?.name)! };
    }
    const selected = this.deps.selectedTarget?.();
    if (selected?.kind === 'deployment' && selected.name && selected.namespace) return { context: selected.context, namespace: selected.namespace, name: selected.name };
    const editor = this.deps.activeEditor();
    const atCursor = editor?.languageId === 'yaml' ? cursorDeployment(editor.text, editor.offset) : undefined;
    const scope = await this.scope();
    if (atCursor) return { context: scope.context, namespace: atCursor.namespace ?? scope.namespace, name: atCursor.name };
    const list = await this.deps.kubectl().json(['get', 'deployments'], scope);
    const deployments = itemsOf<Deployment>(list, 'deployments').sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
    if (!deployments.length) {
      this.deps.ui.showInfo(`No deployments in namespace "${scope.namespace}" (context ${scope.context}).`);
      return undefined;
    }
    const name = await this.deps.ui.pick(
      deployments.map((d) => ({ label: d.metadata?.name ?? '?', description: deploymentDescription(d), value: d.metadata?.name ?? '' })),
      { title: `Deployment in ${scope.namespace} · ${scope.context}`, placeholder: 'Pick a deployment' },
    );
    return name ? { ...scope, name } : undefined;
  }

  /** Runs a command body; any failure becomes one error message (and undefined). */
  async guard<T>(body: () => Promise<T>): Promise<T | undefined> {
    try {
      return await body();
    } catch (e) {
      if (isKubectlError(e) && e.kind === 'cancelled') return undefined;
      this.deps.ui.showError(errorMessage(e));
      return undefined;
    }
  }

  rolloutStatus(arg?: CommandArg): Promise<Outcome | undefined> {
    return this.guard(async () => {
      const ref = await this.deployment(arg);
      return ref && this.rollouts.status(ref);
    });
  }

  rolloutHistory(arg?: CommandArg) {
    return this.guard(async () => {
      const ref = await this.deployment(arg);
      return ref && this.rollouts.history(ref);
    });
  }

  rolloutUndo(arg?: CommandArg): Promise<Outcome | undefined> {
    return this.guard(async () => {
      const ref = await this.deployment(arg);
      const revision = arg && 'target' in arg ? arg.target?.revision : undefined;
      return ref && this.rollouts.undo(ref, revision);
    });
  }

  rolloutRestart(arg?: CommandArg): Promise<Outcome | undefined> {
    return this.guard(async () => {
      const ref = await this.deployment(arg);
      return ref && this.rollouts.restart(ref);
    });
  }

  private async pickContext(arg: CommandArg, title: string): Promise<string | undefined> {
    const given = arg && 'target' in arg ? arg.target?.context : str((arg as { context?: unknown } | undefined)?.context);
    if (given) return given;
    const cfg = await this.deps.kubeconfig();
    if (!cfg.contexts.length) throw new KubectlError('not-found', `No contexts in ${cfg.files.join(', ')}. Set "stevedore.kubeconfig" or KUBECONFIG.`);
    const selected = this.deps.selection.get().context ?? cfg.currentContext;
    return this.deps.ui.pick(
      cfg.contexts.map((c) => ({ label: c.name, description: [c.name === cfg.currentContext ? 'current-context' : '', c.namespace ? `ns ${c.namespace}` : ''].filter(Boolean).join(' · '), detail: c.server, value: c.name })),
      { title, activeIndex: Math.max(0, cfg.contexts.findIndex((c) => c.name === selected)) },
    );
  }

  /** Selects the context the extension works in (not kubectl's current-context). */
  selectContext(arg?: CommandArg): Promise<string | undefined> {
    return this.guard(async () => {
      const context = await this.pickContext(arg, 'Context for Stevedore (your kubeconfig is not changed)');
      if (!context) return undefined;
      await this.deps.selection.setContext(context);
      this.deps.onMutated();
      return context;
    });
  }

  /** Selects the namespace within the selected context; asks for a name when namespaces cannot be listed. */
  selectNamespace(arg?: CommandArg): Promise<string | undefined> {
    return this.guard(async () => {
      const t = arg && 'target' in arg ? arg.target : undefined;
      const scope = await this.scope(t?.context);
      let namespace = t?.namespace;
      if (!namespace) {
        const { names } = await listNamespaces(this.deps.kubectl(), scope.context);
        namespace = names
          ? await this.deps.ui.pick(names.map((n) => ({ label: n, value: n })), { title: `Namespace in ${scope.context}`, activeIndex: Math.max(0, names.indexOf(scope.namespace)) })
          : await this.deps.ui.ask(`You may not list namespaces in ${scope.context}. Namespace to use:`, scope.namespace);
      }
      if (!namespace) return undefined;
      const problem = namespaceProblem(namespace);
      if (problem) throw new KubectlError('invalid-name', `Not a namespace: ${problem}.`);
      await this.deps.selection.setNamespace(scope.context, namespace);
      this.deps.onMutated();
      return namespace;
    });
  }

  /** The one command that writes the kubeconfig: `kubectl config use-context`, after a confirmation. */
  useAsCurrentContext(arg?: CommandArg): Promise<string | undefined> {
    return this.guard(async () => {
      const context = await this.pickContext(arg, "Set kubectl's current-context");
      if (!context) return undefined;
      const cfg = await this.deps.kubeconfig();
      const ok = await this.deps.ui.confirm(
        `Make "${context}" kubectl's current-context?`,
        `This runs "kubectl config use-context ${context}" and changes ${cfg.files[0] ?? 'your kubeconfig'} for every terminal and tool that uses it.`,
        'Use Context',
      );
      if (!ok) return undefined;
      const r = await this.deps.kubectl().run(['config', 'use-context', context], { context });
      this.deps.ui.showInfo(r.stdout.trim() || `kubectl's current-context is now "${context}".`);
      this.deps.onMutated();
      return context;
    });
  }

  /** Diff, confirm, apply: a file (`{ path }`) or the active editor's text. */
  applyFile(arg?: CommandArg): Promise<Outcome | undefined> {
    return this.guard(async () => {
      const path = str((arg as { path?: unknown } | undefined)?.path);
      let source: ManifestSource;
      if (path) source = { path };
      else {
        const editor = this.deps.activeEditor();
        if (!editor) throw new KubectlError('failed', 'Open a Kubernetes manifest to apply it.');
        source = { text: editor.text, label: editor.label };
      }
      return applyManifest(this.deps, source, await this.scope());
    });
  }
}
