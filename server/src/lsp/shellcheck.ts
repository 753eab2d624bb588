// ShellCheck in the language server: after a Dockerfile's analysis (which answered with what was ready), the RUNs
// ShellCheck has not answered yet go to one ShellCheck process in the background; when the answers arrive the
// document's analysis is invalidated and the client asked to refresh (pull) or sent a new push. A newer analysis of
// the same document stops the process of the older one. The binary is `stevedore.shellcheck.path` (machine-scoped).
import type { DockerfileModel } from '../core/dockerfile/model';
import { shellcheckInputs } from '../core/dockerfile/shellcheck-input';
import { uncachedInputs } from '../core/dockerfile/shellcheck-results';
import { ruleLevel, type Config } from '../core/config';
import { rulesById } from '../rules';
import { ShellcheckRunner, type ShellcheckOutcome, type Spawner } from '../tools/shellcheck';

export interface ShellcheckHost {
  /** Shows an information message (missing binary, timeout), each kind once per session. */
  notify(message: string): void;
  /** The answers for a document's analysis arrived: re-analyze and refresh its diagnostics. */
  answered(uri: string): void;
  /** Test-only trace. */
  trace?(message: string): void;
}

export interface ShellcheckLspOptions {
  timeoutMs?: number;
  spawn?: Spawner;
}

/** The session's ShellCheck: one runner per configured binary, one process under way per document. */
export class LspShellcheck {
  private runner?: ShellcheckRunner;
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly host: ShellcheckHost,
    private readonly options: ShellcheckLspOptions = {},
  ) {}

  /**
   * Called after each Dockerfile analysis: starts ShellCheck for the RUNs without an answer (unless the rule is
   * off), and resolves with how that ended ('cached' when nothing was needed).
   */
  async analyzed(uri: string, model: DockerfileModel, config: Config, binary: unknown, isCurrent: () => boolean): Promise<ShellcheckOutcome> {
    const rule = rulesById.get('shellcheck');
    if (!rule || ruleLevel(rule, config) === 'off') return 'cached';
    const todo = uncachedInputs(shellcheckInputs(model));
    if (!todo.length) return 'cached';
    const runner = this.runnerFor(typeof binary === 'string' ? binary : '');
    this.running.get(uri)?.abort();
    const controller = new AbortController();
    this.running.set(uri, controller);
    const outcome = await runner.check(todo, controller.signal);
    if (this.running.get(uri) === controller) this.running.delete(uri);
    this.host.trace?.(`shellcheck ${outcome}: ${uri} (${todo.length} RUN${todo.length === 1 ? '' : 's'})`);
    if (outcome === 'done' && isCurrent()) this.host.answered(uri);
    return outcome;
  }

  /** The document was closed or changed: its ShellCheck process under way is stopped. */
  cancel(uri: string): void {
    this.running.get(uri)?.abort();
    this.running.delete(uri);
  }

  /** Processes started so far (tests). */
  get spawns(): number {
    return this.runner?.spawns ?? 0;
  }

  private runnerFor(binary: string): ShellcheckRunner {
    const wanted = binary.trim() || 'shellcheck';
    if (this.runner?.binary !== wanted) {
      this.runner = new ShellcheckRunner({
        path: wanted,
        timeoutMs: this.options.timeoutMs,
        spawn: this.options.spawn,
        pathSetting: 'stevedore.shellcheck.path',
        notify: (m) => this.host.notify(m),
      });
    }
    return this.runner;
  }
}
