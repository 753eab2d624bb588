// "Describe": `kubectl describe <kind> <name>` in a read-only editor on the `stevedore-describe:` scheme, whose path
// names context/namespace/kind/name. The command runs kubectl (never the provider, so a restored tab cannot start
// kubectl by itself); running it again refreshes the open document.
import type * as vscodeT from 'vscode';
import type { ClusterCommands, CommandArg, CommandDeps } from './commands';
import { KubectlError } from './errors';
import { objectRef, type Kubectl } from './kubectl';
import type { NodeTarget } from './model';
import { itemsOf, type K8sObject } from './types';
import { VirtualDocs } from './ui';

export const DESCRIBE_SCHEME = 'stevedore-describe';

export type DescribableKind = 'hpa' | 'deployment' | 'service' | 'ingress' | 'pod';

/** One object to describe. */
export interface DescribeRef {
  context: string;
  namespace: string;
  kind: DescribableKind;
  name: string;
}

/** The API kind of each describable kind, in the order the palette lists them. */
const API_KINDS: Record<DescribableKind, string> = {
  deployment: 'Deployment',
  hpa: 'HorizontalPodAutoscaler',
  service: 'Service',
  ingress: 'Ingress',
  pod: 'Pod',
};
const LIST = 'deployments,horizontalpodautoscalers,services,ingresses,pods';

const isDescribable = (k: unknown): k is DescribableKind => typeof k === 'string' && k in API_KINDS;

/** The URI path of a describe document: `/<context>/<namespace>/<kind>/<name>`, each segment URI-encoded. */
export function describePath(ref: DescribeRef): string {
  return '/' + [ref.context, ref.namespace, ref.kind, ref.name].map(encodeURIComponent).join('/');
}

/** The object a describe document's path names, or undefined for any other path. */
export function parseDescribePath(path: string): DescribeRef | undefined {
  const parts = path.split('/');
  if (parts.length !== 5 || parts[0] !== '') return undefined;
  let context: string, namespace: string, kind: string, name: string;
  try {
    [context, namespace, kind, name] = parts.slice(1).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  return isDescribable(kind) && context && namespace && name ? { context, namespace, kind, name } : undefined;
}

/** `kubectl describe <kind> <name>` in the object's context and namespace; its output as is. */
export async function describeObject(k: Kubectl, ref: DescribeRef, signal?: AbortSignal): Promise<string> {
  const { stdout } = await k.run(['describe', objectRef(ref.kind, ref.name)], { context: ref.context, namespace: ref.namespace, signal });
  return stdout;
}

/** Where the describe text goes: the editor (DescribeDocs), or a recorder in tests. */
export interface DescribeView {
  show(ref: DescribeRef, text: string): Promise<void>;
}

/**
 * The object "Describe" acts on: a tree node of a describable kind, else the one selected in the cluster view,
 * else a quick pick of the Deployments, HPAs, Services, Ingresses and Pods in the selected namespace.
 */
export async function describeTarget(commands: ClusterCommands, deps: CommandDeps, arg: CommandArg): Promise<DescribeRef | undefined> {
  const fromNode = (t: NodeTarget | undefined) => (t && isDescribable(t.kind) && t.name && t.namespace ? { context: t.context, namespace: t.namespace, kind: t.kind, name: t.name } : undefined);
  const given = arg && 'target' in arg ? arg.target : undefined;
  if (given) {
    const ref = fromNode(given);
    if (!ref) throw new KubectlError('invalid-name', 'Describe works on a Deployment, HorizontalPodAutoscaler, Service, Ingress or Pod.');
    return ref;
  }
  const selected = fromNode(deps.selectedTarget?.());
  if (selected) return selected;
  const scope = await commands.scope();
  const items = itemsOf<K8sObject>(await deps.kubectl().json(['get', LIST], scope), 'objects');
  const order = Object.values(API_KINDS);
  const rank = (o: K8sObject) => order.indexOf(o.kind ?? '');
  const known = items.filter((o) => rank(o) >= 0 && o.metadata?.name).sort((a, b) => rank(a) - rank(b) || a.metadata!.name!.localeCompare(b.metadata!.name!));
  if (!known.length) {
    deps.ui.showInfo(`Nothing to describe in namespace "${scope.namespace}" (context ${scope.context}).`);
    return undefined;
  }
  const kindOf = (apiKind: string | undefined) => (Object.keys(API_KINDS) as DescribableKind[]).find((k) => API_KINDS[k] === apiKind)!;
  return deps.ui.pick(
    known.map((o) => ({ label: o.metadata!.name!, description: o.kind, value: { ...scope, kind: kindOf(o.kind), name: o.metadata!.name! } })),
    { title: `Describe in ${scope.namespace} · ${scope.context}`, placeholder: 'Pick an object' },
  );
}

/** The "Describe" command: pick the object, run kubectl describe, show (or refresh) its document. */
export function describeCommand(commands: ClusterCommands, deps: CommandDeps, view: DescribeView, arg?: CommandArg): Promise<DescribeRef | undefined> {
  return commands.guard(async () => {
    const ref = await describeTarget(commands, deps, arg);
    if (!ref) return undefined;
    await view.show(ref, await describeObject(deps.kubectl(), ref));
    return ref;
  });
}

/** The read-only `stevedore-describe:` documents: the text of the last describe of each object. */
export class DescribeDocs implements DescribeView {
  private readonly docs: VirtualDocs;

  constructor(private readonly vscode: typeof vscodeT) {
    this.docs = new VirtualDocs(vscode, DESCRIBE_SCHEME, (uri) => {
      const ref = parseDescribePath(uri.path);
      const what = ref ? `${ref.kind} ${ref.name} (${ref.namespace} · ${ref.context})` : uri.path;
      return `Run "Stevedore: Describe" on ${what} to load it.\n`;
    });
  }

  /** Registers the provider; dispose the result on deactivation. */
  register(): vscodeT.Disposable {
    return this.docs.register();
  }

  show(ref: DescribeRef, text: string): Promise<void> {
    return this.docs.open(this.vscode.Uri.from({ scheme: DESCRIBE_SCHEME, path: describePath(ref) }), text);
  }
}
