// Port-forwarding a Service or Pod to a local port: asks the local port (default: the target port when it is free),
// runs `kubectl port-forward` (argument array, explicit context/namespace, no time limit) as a long-lived process,
// and shows a status-bar item `⇄ web 8080→80` that stops it when clicked. Every forward stops on dispose
// (extension deactivation). No `vscode` import: register.ts supplies the status-bar item.
import { createServer } from 'node:net';
import type { ClusterUi, PickItem } from './clusterUi';
import { errorMessage, isKubectlError, KubectlError } from './errors';
import { objectRef, type Kubectl } from './kubectl';
import type { NodeTarget } from './model';
import { itemsOf, type K8sObject } from './types';

/** What is forwarded: a Service or a Pod in a namespace. */
export interface ForwardTarget {
  context: string;
  namespace: string;
  kind: 'service' | 'pod';
  name: string;
}

/** One running forward, as the status bar shows it. */
export interface Forward extends ForwardTarget {
  id: string;
  localPort: number;
  remotePort: number;
  /** `⇄ web 8080→80` */
  text: string;
}

export interface PortForwardDeps {
  kubectl: () => Kubectl;
  ui: ClusterUi;
  /** Shows the forward in the status bar; clicking it must run the stop command with `{ portForward: f.id }`. */
  statusItem: (f: Forward, tooltip: string) => { dispose(): void };
  /** The context and namespace of the palette command (the extension's selection). */
  scope: () => Promise<{ context: string; namespace: string }>;
  /** The node selected in the cluster view, if any. */
  selectedTarget?: () => NodeTarget | undefined;
}

interface Port {
  port: number;
  label: string;
}

/** True when nothing listens on 127.0.0.1:`port` and we may bind it. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The TCP ports a Service exposes or a Pod's containers declare. */
async function remotePorts(kubectl: Kubectl, t: ForwardTarget): Promise<Port[]> {
  const o = await kubectl.json<K8sObject & { spec?: any }>(['get', objectRef(t.kind, t.name)], { context: t.context, namespace: t.namespace });
  if (t.kind === 'service') {
    return ((o.spec?.ports ?? []) as any[]).filter((p) => (p.protocol ?? 'TCP') === 'TCP' && p.port).map((p) => ({ port: p.port, label: `${p.port}${p.targetPort !== undefined ? ` → ${p.targetPort}` : ''}${p.name ? ` (${p.name})` : ''}` }));
  }
  return ((o.spec?.containers ?? []) as any[]).flatMap((c) =>
    ((c.ports ?? []) as any[]).filter((p) => (p.protocol ?? 'TCP') === 'TCP' && p.containerPort).map((p) => ({ port: p.containerPort, label: `${p.containerPort}${p.name ? ` (${p.name})` : ''} · container ${c.name}` })),
  );
}

export class PortForwards {
  private readonly running = new Map<string, { forward: Forward; abort: AbortController; item: { dispose(): void } }>();

  constructor(private readonly deps: PortForwardDeps) {}

  /** The forwards running now. */
  list(): Forward[] {
    return [...this.running.values()].map((r) => r.forward);
  }

  /** The Service or Pod of the argument (a tree node), else of the selected node, else one picked from the namespace's Services. */
  private async target(arg: unknown): Promise<ForwardTarget | undefined> {
    const t = (arg as { target?: NodeTarget } | undefined)?.target ?? this.deps.selectedTarget?.();
    if (t?.kind === 'service' || t?.kind === 'pod') {
      if (!t.name || !t.namespace) throw new KubectlError('invalid-name', 'Port-forward works on a Service or a Pod.');
      return { context: t.context, namespace: t.namespace, kind: t.kind, name: t.name };
    }
    const scope = await this.deps.scope();
    const services = itemsOf<K8sObject>(await this.deps.kubectl().json(['get', 'services'], scope), 'services').map((s) => s.metadata?.name ?? '').filter(Boolean).sort();
    if (!services.length) {
      this.deps.ui.showInfo(`No services in namespace "${scope.namespace}" (context ${scope.context}) to port-forward.`);
      return undefined;
    }
    const name = await this.deps.ui.pick(services.map((s) => ({ label: s, value: s })), { title: `Port-forward a Service (context ${scope.context}, namespace ${scope.namespace})` });
    return name ? { ...scope, kind: 'service', name } : undefined;
  }

  /** Asks the ports and starts `kubectl port-forward`; resolves with the forward once kubectl runs (undefined when cancelled). */
  async start(arg?: unknown): Promise<Forward | undefined> {
    const t = await this.target(arg);
    if (!t) return undefined;
    const ports = await remotePorts(this.deps.kubectl(), t);
    let remotePort: number | undefined;
    if (ports.length > 1) remotePort = await this.deps.ui.pick<number>(ports.map((p): PickItem<number> => ({ label: p.label, value: p.port })), { title: `Port of ${t.kind} ${t.name} to forward` });
    else if (ports.length === 1) remotePort = ports[0].port;
    else {
      const typed = await this.deps.ui.ask(`${t.kind} ${t.name} declares no TCP port. Remote port to forward:`);
      remotePort = typed === undefined ? undefined : Number(typed);
    }
    if (remotePort === undefined) return undefined;
    if (!Number.isInteger(remotePort) || remotePort < 1 || remotePort > 65535) throw new KubectlError('invalid-name', `Not a port number: "${remotePort}".`);

    const suggested = (await isPortFree(remotePort)) ? String(remotePort) : '';
    const typed = await this.deps.ui.ask(`Local port for ${t.kind}/${t.name}:${remotePort}${suggested ? '' : ` (${remotePort} is in use or needs privileges)`}`, suggested);
    if (typed === undefined) return undefined;
    const localPort = Number(typed.trim() || suggested);
    if (!Number.isInteger(localPort) || localPort < 1 || localPort > 65535) throw new KubectlError('invalid-name', `Not a port number: "${typed}".`);
    if (!(await isPortFree(localPort))) throw new KubectlError('failed', `Local port ${localPort} is in use (or needs privileges); pick another one.`);
    return this.run(t, localPort, remotePort);
  }

  private run(t: ForwardTarget, localPort: number, remotePort: number): Forward {
    const forward: Forward = { ...t, id: `${t.context}/${t.namespace}/${t.kind}/${t.name}/${localPort}`, localPort, remotePort, text: `⇄ ${t.name} ${localPort}→${remotePort}` };
    this.running.get(forward.id)?.abort.abort();
    const abort = new AbortController();
    const where = `${t.kind}/${t.name}:${remotePort} (context ${t.context}, namespace ${t.namespace})`;
    const item = this.deps.statusItem(forward, `kubectl port-forward ${where} on localhost:${localPort}. Click to stop.`);
    this.running.set(forward.id, { forward, abort, item });
    let announced = false;
    const args = ['port-forward', objectRef(t.kind, t.name), `${localPort}:${remotePort}`];
    this.deps
      .kubectl()
      .stream(args, (line, from) => {
        if (from === 'stdout' && !announced && line.startsWith('Forwarding from')) {
          announced = true;
          this.deps.ui.showInfo(`Forwarding localhost:${localPort} → ${where}. Click "${forward.text}" in the status bar to stop.`);
        }
        // A forward lives until stopped: no process timeout, and no --request-timeout cutting its stream.
      }, { context: t.context, namespace: t.namespace, signal: abort.signal, timeoutMs: 0, requestTimeoutSec: 0 })
      .then(
        () => this.deps.ui.showInfo(`Port-forward ${forward.text} ended.`),
        (e) => {
          if (!(isKubectlError(e) && e.kind === 'cancelled')) this.deps.ui.showError(`Port-forward ${forward.text} stopped: ${errorMessage(e)}`);
        },
      )
      .finally(() => {
        item.dispose();
        if (this.running.get(forward.id)?.abort === abort) this.running.delete(forward.id);
      });
    return forward;
  }

  /** Stops the forward `{ portForward: id }` (the status-bar item's argument), else the only one, else a picked one. */
  async stop(arg?: unknown): Promise<void> {
    let id = (arg as { portForward?: unknown } | undefined)?.portForward as string | undefined;
    const all = this.list();
    if (!id) {
      if (!all.length) return this.deps.ui.showInfo('No port-forward is running.');
      id = all.length === 1 ? all[0].id : await this.deps.ui.pick(all.map((f) => ({ label: f.text, description: `${f.kind}/${f.name} · ${f.namespace} · ${f.context}`, value: f.id })), { title: 'Stop port-forward' });
    }
    const r = id ? this.running.get(id) : undefined;
    if (!r) return;
    r.abort.abort();
    r.item.dispose();
    this.running.delete(r.forward.id);
  }

  /** Stops every forward (on deactivation). */
  dispose(): void {
    for (const r of this.running.values()) {
      r.abort.abort();
      r.item.dispose();
    }
    this.running.clear();
  }
}
