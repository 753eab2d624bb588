// The extension's own selected context and namespace (per context). Never written to the kubeconfig.

/** The subset of vscode.Memento used here. */
export interface Store {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

interface Saved {
  context?: string;
  namespaces?: Record<string, string>;
}

const KEY = 'stevedore.cluster.selection';

export class ClusterSelection {
  private saved: Saved;

  constructor(private readonly store?: Store) {
    this.saved = store?.get<Saved>(KEY) ?? {};
  }

  /** The selected context and its selected namespace (either may be unset: kubeconfig defaults apply). */
  get(): { context?: string; namespace?: string } {
    const context = this.saved.context;
    return { context, namespace: context ? this.saved.namespaces?.[context] : undefined };
  }

  /** The namespace chosen earlier for `context`, if any. */
  namespaceOf(context: string): string | undefined {
    return this.saved.namespaces?.[context];
  }

  async setContext(context: string): Promise<void> {
    this.saved = { ...this.saved, context };
    await this.store?.update(KEY, this.saved);
  }

  async setNamespace(context: string, namespace: string): Promise<void> {
    this.saved = { context, namespaces: { ...this.saved.namespaces, [context]: namespace } };
    await this.store?.update(KEY, this.saved);
  }
}
