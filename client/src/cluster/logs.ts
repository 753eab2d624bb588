// "Show Logs" on a Deployment or Pod: pick the pod (a Deployment's by its selector; skipped when there is one), the
// container (skipped when one), then follow / current lines / the previous container (offered after a restart), and
// stream `kubectl logs` into a view named "Stevedore Logs: <pod>/<container>". A followed log is a long-lived
// kubectl with no time limit, stopped when its view is closed, by "Stop Logs" or on deactivation. No `vscode` here.
import type { ClusterCommands, CommandArg, CommandDeps } from './commands';
import { KubectlError, errorMessage, isKubectlError } from './errors';
import { objectRef } from './kubectl';
import type { NodeTarget } from './model';
import { getDeployment } from './revisions';
import { itemsOf, selectorString, type Pod } from './types';

/** Lines kubectl asks for (`--tail`): enough to see what happened, bounded for chatty containers. */
export const LOG_TAIL_LINES = 1000;

/** Where a log's lines go (a pseudo-terminal in VS Code); `onClose` fires when the user closes it. */
export interface LogView {
  append(line: string): void;
  onClose(listener: () => void): void;
}

export type OpenLogView = (title: string) => LogView;

/** A log being shown: `done` settles when kubectl has exited (finished, failed or stopped). */
export interface LogSession {
  title: string;
  /** The kubectl arguments after the global flags (`logs pod/web-1 --container=web --tail=1000 -f`). */
  args: string[];
  follow: boolean;
  stop(): void;
  done: Promise<void>;
}

type LogMode = 'follow' | 'current' | 'previous';

interface Scope {
  context: string;
  namespace: string;
}

const where = (s: Scope) => `${s.namespace} · ${s.context}`;
const restarts = (pod: Pod, container: string) => pod.status?.containerStatuses?.find((s) => s.name === container)?.restartCount ?? 0;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function podDescription(pod: Pod): string {
  const statuses = pod.status?.containerStatuses ?? [];
  const ready = statuses.filter((s) => s.ready).length;
  const waiting = statuses.find((s) => s.state?.waiting?.reason)?.state?.waiting?.reason;
  const total = statuses.reduce((n, s) => n + (s.restartCount ?? 0), 0);
  return [waiting ?? pod.status?.phase ?? 'Unknown', `${ready}/${pod.spec?.containers?.length ?? statuses.length} ready`, total ? plural(total, 'restart') : ''].filter(Boolean).join(' · ');
}

/** The "Show Logs" and "Stop Logs" commands, and the logs they keep running. */
export class LogSessions {
  private readonly running = new Set<LogSession>();

  constructor(
    private readonly commands: ClusterCommands,
    private readonly deps: CommandDeps,
    private readonly open: OpenLogView,
  ) {}

  /** The logs still running. */
  active(): readonly LogSession[] {
    return [...this.running];
  }

  /** "Show Logs": asks pod, container and mode, then starts kubectl logs; undefined when dismissed or failed. */
  show(arg?: CommandArg): Promise<LogSession | undefined> {
    return this.commands.guard(async () => {
      const found = await this.pods(arg);
      if (!found) return undefined;
      const { scope, pods, owner } = found;
      const { ui } = this.deps;
      if (!pods.length) {
        ui.showInfo(`${owner} has no pods (${where(scope)}).`);
        return undefined;
      }
      const sorted = [...pods].sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
      const pod =
        sorted.length === 1
          ? sorted[0]
          : await ui.pick(sorted.map((p) => ({ label: p.metadata?.name ?? '?', description: podDescription(p), value: p })), { title: `Pod of ${owner} (${where(scope)})`, placeholder: 'Pod whose logs to show' });
      if (!pod?.metadata?.name) return undefined;
      const podName = pod.metadata.name;
      const names = (pod.spec?.containers ?? []).map((c) => c.name).filter((n): n is string => !!n);
      if (!names.length) throw new KubectlError('failed', `Pod "${podName}" has no containers (${where(scope)}).`);
      const container =
        names.length === 1
          ? names[0]
          : await ui.pick(names.map((n) => ({ label: n, description: restarts(pod, n) ? `restarted ${plural(restarts(pod, n), 'time')}` : undefined, value: n })), { title: `Container of ${podName} (${where(scope)})`, placeholder: 'Container whose logs to show' });
      if (!container) return undefined;
      const n = restarts(pod, container);
      const modes = [
        { label: 'Follow', description: `the last ${LOG_TAIL_LINES} lines, then new ones as they come (kubectl logs -f)`, value: 'follow' as LogMode },
        { label: 'Current lines', description: `the last ${LOG_TAIL_LINES} lines`, value: 'current' as LogMode },
        ...(n > 0 ? [{ label: 'Previous container', description: `the instance before the last restart (${plural(n, 'restart')}; kubectl logs --previous)`, value: 'previous' as LogMode }] : []),
      ];
      const mode = await ui.pick(modes, { title: `Logs of ${podName}/${container} (${where(scope)})` });
      if (!mode) return undefined;
      return this.start(scope, podName, container, mode);
    });
  }

  /** "Stop Logs": stops the one followed log, or the one picked (or all) when several run. */
  stop(): Promise<number | undefined> {
    return this.commands.guard(async () => {
      const running = this.active();
      if (!running.length) {
        this.deps.ui.showInfo('No logs are being followed.');
        return 0;
      }
      const chosen =
        running.length === 1
          ? running
          : await this.deps.ui.pick([{ label: 'All', description: plural(running.length, 'log'), value: running }, ...running.map((s) => ({ label: s.title, value: [s] }))], { title: 'Stop which logs?' });
      if (!chosen) return undefined;
      for (const s of chosen) s.stop();
      await Promise.all(chosen.map((s) => s.done));
      return chosen.length;
    });
  }

  /** Stops every log (deactivation). */
  dispose(): void {
    for (const s of this.running) s.stop();
  }

  /** The pods to choose from: the Pod node's (or selected Pod's) own, else the Deployment's by its selector. */
  private async pods(arg?: CommandArg): Promise<{ scope: Scope; pods: Pod[]; owner: string } | undefined> {
    const given = arg && 'target' in arg ? arg.target : arg ? undefined : this.deps.selectedTarget?.();
    const k = this.deps.kubectl();
    if (given?.kind === 'pod') {
      const t = given as NodeTarget & { name: string; namespace: string };
      if (!t.name || !t.namespace) throw new KubectlError('invalid-name', 'This command works on a Deployment or a Pod.');
      const scope = { context: t.context, namespace: t.namespace };
      return { scope, pods: [await k.json<Pod>(['get', objectRef('pod', t.name)], scope)], owner: `pod/${t.name}` };
    }
    const ref = await this.commands.deployment(arg);
    if (!ref) return undefined;
    const scope = { context: ref.context, namespace: ref.namespace };
    const selector = selectorString((await getDeployment(k, ref)).spec?.selector);
    if (!selector) throw new KubectlError('failed', `Deployment "${ref.name}" has no selector (${where(scope)}).`);
    const list = await k.json(['get', 'pods', '-l', selector], scope);
    return { scope, pods: itemsOf<Pod>(list, 'pods'), owner: `deployment/${ref.name}` };
  }

  private start(scope: Scope, pod: string, container: string, mode: LogMode): LogSession {
    const follow = mode === 'follow';
    const args = ['logs', objectRef('pod', pod), `--container=${container}`, `--tail=${LOG_TAIL_LINES}`, ...(follow ? ['-f'] : []), ...(mode === 'previous' ? ['--previous'] : [])];
    const title = `Stevedore Logs: ${pod}/${container}${mode === 'previous' ? ' (previous)' : ''}`;
    const view = this.open(title);
    const abort = new AbortController();
    view.onClose(() => abort.abort());
    view.append(`kubectl ${args.join(' ')} (context ${scope.context}, namespace ${scope.namespace})${follow ? ' — close this terminal or run "Stevedore: Stop Logs" to stop' : ''}`);
    const opts = { ...scope, signal: abort.signal };
    const k = this.deps.kubectl();
    const run = follow
      ? k.stream(args, (line, from) => from === 'stdout' && view.append(line), { ...opts, timeoutMs: 0, requestTimeoutSec: 0 })
      : k.run(args, opts).then((r) => {
          if (r.stdout) for (const line of r.stdout.replace(/\r?\n$/, '').split(/\r?\n/)) view.append(line);
          return r;
        });
    const session: LogSession = {
      title,
      args,
      follow,
      stop: () => abort.abort(),
      done: run.then(
        () => view.append(follow ? '— the log ended (the container stopped or the pod is gone) —' : '— end of log —'),
        (e: unknown) => {
          if (isKubectlError(e) && e.kind === 'cancelled') return view.append('— stopped —');
          view.append(`error: ${errorMessage(e)}`);
          this.deps.ui.showError(errorMessage(e));
        },
      ).finally(() => this.running.delete(session)),
    };
    this.running.add(session);
    return session;
  }
}
