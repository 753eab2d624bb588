// Kustomize overlays in the language server: after a kustomization document's analysis, its folder is rendered
// with `kubectl kustomize` (`stevedore.kubectl.path`, an argument array, a timeout, stopped when a newer analysis
// of the same kustomization starts) and the rendered objects' findings are kept by the file they trace to; the
// session adds them to those documents' diagnostics. Only when the client says the workspace is trusted.
import { spawn } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Config } from '../core/config';
import { isKustomizationPath } from '../core/k8s/kustomize';
import { KUSTOMIZE_TIMEOUT_MS, kubectlError, kustomizationOf, kustomizeArgs, placeRendered, type RenderOutcome } from '../core/k8s/kustomize-render';
import { ManifestWorkspace, type Workspace } from '../core/k8s/workspace';
import type { Finding } from '../core/types';
import { languages } from '../rules';

/** Runs `kubectl kustomize <dir>`: its output, its error, a timeout, or undefined when kubectl cannot be started. */
export function renderAsync(dir: string, kubectl: string, timeoutMs: number, signal?: AbortSignal): Promise<RenderOutcome | undefined> {
  return new Promise((resolve) => {
    const child = spawn(kubectl, kustomizeArgs(dir), { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const stop = () => child.kill('SIGKILL');
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeoutMs);
    signal?.addEventListener('abort', stop, { once: true });
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const done = (outcome: RenderOutcome | undefined) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
      resolve(outcome);
    };
    child.on('error', (e: NodeJS.ErrnoException) => done(e.code === 'ENOENT' ? undefined : { ok: false, error: e.message }));
    child.on('close', (code) => {
      if (timedOut) done({ ok: false, timedOut: true, timeoutMs });
      else if (signal?.aborted) done({ ok: false, error: 'cancelled' });
      else done(code === 0 ? { ok: true, stdout } : { ok: false, error: kubectlError(stderr) });
    });
  });
}

export interface KustomizeHost {
  /** Findings of these files changed: re-pull or push their diagnostics. */
  answered(paths: string[]): void;
  /** Shows a message (kubectl missing), once per session. */
  notify(message: string): void;
}

/** The session's rendered overlays: findings by source file, one render under way per kustomization. */
export class LspKustomize {
  /** Set from the client's initialization options: nothing is spawned otherwise. */
  trusted = false;
  timeoutMs = KUSTOMIZE_TIMEOUT_MS;
  private readonly running = new Map<string, AbortController>();
  /** kustomization path → source path → findings. */
  private readonly placed = new Map<string, Map<string, Finding[]>>();
  private missingReported = false;

  constructor(private readonly host: KustomizeHost) {}

  /** A file's own findings plus those the rendered overlays place on it (one per rule and range). */
  withRendered(own: Finding[], file: string | undefined): Finding[] {
    if (!file || !this.placed.size) return own;
    const out = [...own];
    for (const byFile of this.placed.values()) {
      for (const f of byFile.get(file) ?? []) if (!out.some((o) => o.ruleId === f.ruleId && sameRange(o, f))) out.push(f);
    }
    return out;
  }

  /** Called after a manifest's analysis: a kustomization is rendered again (the previous render is stopped). */
  async analyzed(file: string | undefined, workspace: Workspace, config: Config, kubectl: unknown, isCurrent: () => boolean): Promise<RenderOutcome | 'skipped' | undefined> {
    if (!this.trusted || !file || !isKustomizationPath(file)) return 'skipped';
    const k = kustomizationOf(workspace, file);
    if (!k) return 'skipped';
    this.running.get(file)?.abort();
    const controller = new AbortController();
    this.running.set(file, controller);
    const binary = typeof kubectl === 'string' && kubectl.trim() ? expandHome(kubectl.trim()) : 'kubectl';
    const outcome = await renderAsync(path.dirname(file), binary, this.timeoutMs, controller.signal);
    if (this.running.get(file) !== controller) return outcome;
    this.running.delete(file);
    if (!outcome) {
      if (!this.missingReported) this.host.notify(`${binary} was not found (stevedore.kubectl.path): Kustomize overlays are not rendered.`);
      this.missingReported = true;
      return outcome;
    }
    if (!isCurrent() || (!outcome.ok && !('timedOut' in outcome) && outcome.error === 'cancelled')) return outcome;
    const analyze = (rendered: { text: string; path?: string }) => languages.kubernetes.analyze(rendered.text, { path: rendered.path, workspace: new ManifestWorkspace(), config }).findings;
    const byFile = new Map<string, Finding[]>();
    for (const p of placeRendered(k, outcome, workspace, analyze)) {
      const list = byFile.get(p.path) ?? [];
      if (!list.some((f) => f.ruleId === p.finding.ruleId && sameRange(f, p.finding))) list.push(p.finding);
      byFile.set(p.path, list);
    }
    const before = [...(this.placed.get(file)?.keys() ?? [])];
    this.placed.set(file, byFile);
    this.host.answered([...new Set([...before, ...byFile.keys()])]);
    return outcome;
  }

  /** Stops the renders under way (shutdown). */
  dispose(): void {
    for (const c of this.running.values()) c.abort();
    this.running.clear();
  }
}

/** `~/` at the start of the setting is the home folder, as the cluster view reads it. */
function expandHome(p: string): string {
  return p.startsWith('~/') ? path.join(os.homedir(), p.slice(2)) : p;
}

function sameRange(a: Finding, b: Finding): boolean {
  return a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character && a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;
}
