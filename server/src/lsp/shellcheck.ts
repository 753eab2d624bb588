// ShellCheck in the language server: after a Dockerfile's analysis (which answered with what was ready), the RUNs
// ShellCheck has not answered yet go to one ShellCheck process in the background; when the answers arrive the
// shellcheck rule runs again on the document's cached analysis (Analyzer.rerunRule) and the client is asked to
// refresh (pull) or sent a new push. ShellCheck starts once the document has been quiet for a moment (QUIET_MS
// after its last analysis): while the user types, each keystroke in a RUN would start a process, and writing a big
// file's input files right after it opened slowed the first edits (1,000 lines: edits 69 → 56 ms without it). A
// newer analysis of the same document waits for the processes under way that were asked about any of its RUNs (an
// edit changes one RUN; its other answers are still wanted) and starts one process for the rest; processes none of
// whose RUNs the newer version has are stopped, as are all of a closed document's. The binary is
// `stevedore.shellcheck.path` (machine-scoped).
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
  /** How long a document must go without a newer analysis before ShellCheck starts (default QUIET_MS). */
  quietMs?: number;
}

/** The pause after a document's last analysis before its RUNs go to ShellCheck. */
export const QUIET_MS = 250;

/** A document's analysis waiting for the quiet period: a newer one, or closing the document, ends the wait. */
interface Waiting {
  timer: NodeJS.Timeout;
  end: (outcome: 'start' | 'cancelled') => void;
}

/** One ShellCheck process under way: the inputs it was given (by text) and how it ends. */
interface Run {
  controller: AbortController;
  texts: Set<string>;
  done: Promise<ShellcheckOutcome>;
}

/** The session's ShellCheck: one runner per configured binary, the processes under way per document. */
export class LspShellcheck {
  private runner?: ShellcheckRunner;
  private readonly running = new Map<string, Set<Run>>();
  private readonly waiting = new Map<string, Waiting>();

  constructor(
    private readonly host: ShellcheckHost,
    private readonly options: ShellcheckLspOptions = {},
  ) {}

  /**
   * Called after each Dockerfile analysis: starts ShellCheck for the RUNs without an answer (unless the rule is
   * off) once the document has been quiet, and resolves with how that ended ('cached' when nothing was needed,
   * 'cancelled' when a newer analysis came first or the version is no longer current).
   */
  analyzed(uri: string, model: DockerfileModel, config: Config, binary: unknown, isCurrent: () => boolean): Promise<ShellcheckOutcome> {
    const rule = rulesById.get('shellcheck');
    if (!rule || ruleLevel(rule, config) === 'off') return Promise.resolve('cached');
    this.waiting.get(uri)?.end('cancelled');
    const quietMs = this.options.quietMs ?? QUIET_MS;
    if (quietMs <= 0) return this.start(uri, model, binary, isCurrent);
    // The RUNs are collected once the period is over (5–14 ms on a big file, which the next request waited for when
    // done right after each analysis); until then this holds the model of the document's last analysis only. A
    // version that is no longer current by then has a newer analysis coming, which asks about its RUNs.
    return this.afterQuiet(uri, quietMs).then((go) => (go === 'start' && isCurrent() ? this.start(uri, model, binary, isCurrent) : 'cancelled'));
  }

  private start(uri: string, model: DockerfileModel, binary: unknown, isCurrent: () => boolean): Promise<ShellcheckOutcome> {
    // Only the texts go on: an input holds its RUN, and through it the whole model, which the wait for ShellCheck
    // (seconds on a big file) kept alive for every version typed meanwhile (a 10,000-line file: 7 MB each).
    const todo = uncachedInputs(shellcheckInputs(model)).map((input) => input.text);
    if (!todo.length) return Promise.resolve('cached');
    return this.check(uri, todo, binary, isCurrent);
  }

  /** Resolves with 'start' once `uri` has had no newer analysis for `quietMs`, or 'cancelled' if it had. */
  private afterQuiet(uri: string, quietMs: number): Promise<'start' | 'cancelled'> {
    return new Promise((resolve) => {
      const waiting: Waiting = {
        timer: setTimeout(() => waiting.end('start'), quietMs),
        end: (outcome) => {
          clearTimeout(waiting.timer);
          if (this.waiting.get(uri) === waiting) this.waiting.delete(uri);
          resolve(outcome);
        },
      };
      this.waiting.set(uri, waiting);
    });
  }

  private async check(uri: string, todo: string[], binary: unknown, isCurrent: () => boolean): Promise<ShellcheckOutcome> {
    const runner = this.runnerFor(typeof binary === 'string' ? binary : '');
    const runs = this.running.get(uri) ?? new Set<Run>();
    this.running.set(uri, runs);
    const wanted = new Set(todo);
    const waits: Promise<ShellcheckOutcome>[] = [];
    const covered = new Set<string>();
    for (const run of runs) {
      if ([...run.texts].some((text) => wanted.has(text))) {
        waits.push(run.done);
        for (const text of run.texts) covered.add(text);
      } else {
        run.controller.abort();
        runs.delete(run);
      }
    }
    const fresh = todo.filter((text) => !covered.has(text));
    if (fresh.length) {
      const controller = new AbortController();
      const run: Run = { controller, texts: new Set(fresh), done: runner.check(fresh.map((text) => ({ text })), controller.signal) };
      runs.add(run);
      void run.done.then(() => {
        runs.delete(run);
        if (!runs.size && this.running.get(uri) === runs) this.running.delete(uri);
      });
      waits.push(run.done);
    }
    const outcomes = await Promise.all(waits);
    const outcome = outcomes.find((o) => o !== 'done' && o !== 'cached') ?? 'done';
    this.host.trace?.(`shellcheck ${outcome}: ${uri} (${todo.length} RUN${todo.length === 1 ? '' : 's'}${fresh.length < todo.length ? `, ${todo.length - fresh.length} already under way` : ''})`);
    if (outcome === 'done' && isCurrent()) this.host.answered(uri);
    return outcome;
  }

  /** The document was closed: its ShellCheck processes under way are stopped. */
  cancel(uri: string): void {
    this.waiting.get(uri)?.end('cancelled');
    for (const run of this.running.get(uri) ?? []) run.controller.abort();
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
