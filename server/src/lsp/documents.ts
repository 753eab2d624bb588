// Per-document analysis with a cache keyed by version, and the settings/config each document runs with.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CancellationToken } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { budgetFromNow, runRules, runRulesAsync, sortFindings, type RuleRun } from '../core/engine';
import { forgetParses } from '../core/k8s/parse-cache';
import { parseManifest } from '../core/k8s/parse';
import { ManifestWorkspace } from '../core/k8s/workspace';
import { walk } from '../core/walk';
import { ConfigError, layerFromRules, loadProjectConfig, parseKubernetesVersion, withLayers, type Config } from '../core/config';
import { FolderContext } from '../core/context';
import type { BuildContext } from '../core/types';
import { uriToPath } from './convert';
import { isCrossFile, languageOf, type Analysis, type LspLanguage } from './languages';

export interface DocumentSettings {
  /** `stevedore.rules`: rule id or alias → error|warning|info|hint|off. */
  rules?: Record<string, unknown>;
  /** `stevedore.kubernetes.version`, `stevedore.kubernetes.crds` (CRD files and folders). */
  kubernetes?: { version?: unknown; crds?: unknown };
  /** `stevedore.shellcheck.path` (machine-scoped): the ShellCheck binary. */
  shellcheck?: { path?: unknown };
}

export interface AnalysisHost {
  /** Settings of the document's scope (cached by the session). */
  settings(uri: string): Promise<DocumentSettings>;
  log(message: string): void;
  /** Test-only trace of analyses started, finished and cancelled (initializationOptions.traceAnalyses). */
  trace?(message: string): void;
  /** Reports a configuration problem to the user once per distinct message. */
  configProblem(message: string): void;
  /** Called with each finished analysis (ShellCheck runs then, off the diagnostics' path); `isCurrent` says whether it is still the document's. */
  analyzed?(doc: TextDocument, analysis: Analysis, config: Config, isCurrent: () => boolean): void;
}

interface Entry {
  version: number;
  /** For manifests: the workspace generation the result was computed against (other files matter). */
  generation: number;
  analysis: Analysis;
  /** What the analysis ran, so that one rule can be run again on the same model (rerunRule). */
  rerun?: { run: RuleRun<unknown>; config: Config };
}

/** One analysis under way: requests for the same version share it; a newer version or invalidate() cancels it. */
interface Running {
  version: number;
  generation: number;
  cancelled: boolean;
  promise: Promise<Analysis | undefined>;
}

/**
 * How long one analysis may run before its remaining rules are skipped (with an analysis-incomplete finding), so
 * that every request answers within a second whatever the input. Parsing counts against it.
 */
export const DEFAULT_ANALYSIS_BUDGET_MS = 700;

/** Files larger than this are not loaded into the manifest workspace (generated dumps, not manifests people edit). */
const MAX_MANIFEST_BYTES = 2_000_000;

/**
 * Caches analyses per document version. An analysis runs its rules in slices, giving the event loop a turn in
 * between, so that a change to the document cancels the now stale analysis instead of waiting for it; requests
 * for the version being analyzed wait for that run rather than starting their own. A rule that throws is logged
 * once per rule id (and shown on the file as an analysis-incomplete finding by the engine).
 */
export class Analyzer {
  private readonly cache = new Map<string, Entry>();
  private readonly running = new Map<string, Running>();
  private readonly closed = new WeakSet<TextDocument>();
  private readonly failedRules = new Set<string>();
  /** Manifests on disk (scanned from the workspace folders) for cross-file checks; open documents overlay them. */
  readonly manifests = new ManifestWorkspace();
  /** Bumped whenever a manifest changes, so cached manifest results that may depend on it are recomputed. */
  private generation = 0;
  /** The workspace folders loadManifests scanned (relative `stevedore.kubernetes.crds` entries start there). */
  private folders: string[] = [];
  /** The time budget of one analysis (initializationOptions.analysisBudgetMs for tests). */
  budgetMs = DEFAULT_ANALYSIS_BUDGET_MS;
  /**
   * How long the parse of an open manifest's latest text took when its change arrived (manifestEdited), by path:
   * the analysis of that text reuses the parse, and its budget is what is left of budgetMs after it.
   */
  private readonly editParses = new Map<string, { text: string; ms: number }>();

  constructor(
    private readonly ready: Promise<void>,
    private readonly host: AnalysisHost,
  ) {}

  /** The file path, build context and effective config of a document. */
  async environment(doc: TextDocument): Promise<{ path?: string; context?: BuildContext; config: Config }> {
    const file = uriToPath(doc.uri);
    const settings = await this.host.settings(doc.uri);
    let config: Config = { layers: [] };
    try {
      if (file) config = loadProjectConfig(path.dirname(file));
      if (settings.rules) config = withLayers(config, layerFromRules('settings (stevedore.rules)', settings.rules));
      if (settings.kubernetes?.version) {
        config = withLayers(config, { source: 'settings', rules: [], kubernetesVersion: parseKubernetesVersion('settings (stevedore.kubernetes.version)', settings.kubernetes.version) });
      }
      const crds = settings.kubernetes?.crds;
      if (Array.isArray(crds) && crds.length) {
        // Relative entries are relative to the workspace folder that holds the document.
        const root = (file && this.folders.filter((f) => file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0]) ?? (file ? path.dirname(file) : process.cwd());
        const kubernetesCrds = crds.filter((c): c is string => typeof c === 'string' && c !== '').map((c) => path.resolve(root, c));
        config = withLayers(config, { source: 'settings', rules: [], kubernetesCrds });
      }
    } catch (e) {
      if (e instanceof ConfigError) this.host.configProblem(e.message);
      else throw e;
    }
    return { path: file, context: file ? new FolderContext(path.dirname(file)) : undefined, config };
  }

  /**
   * The analysis of a document's current version: cached, shared with a run under way, or started now. A run
   * made stale by a change is cancelled and the request waits for the current version's. Resolves to undefined
   * when the request's token is cancelled or the document was closed.
   */
  async analyze(doc: TextDocument, token?: CancellationToken): Promise<Analysis | undefined> {
    const language = languageOf(doc);
    if (!language) return undefined;
    while (!this.closed.has(doc) && !token?.isCancellationRequested) {
      const cached = this.cache.get(doc.uri);
      if (cached && cached.version === doc.version && (!language.core.crossFile || cached.generation === this.generation)) return cached.analysis;
      let run = this.running.get(doc.uri);
      if (!run || run.cancelled || run.version !== doc.version || (language.core.crossFile && run.generation !== this.generation)) {
        if (run) run.cancelled = true;
        run = this.start(doc, language);
      }
      const analysis = await (token ? untilCancelled(run.promise, token) : run.promise);
      if (analysis) return analysis;
    }
    return undefined;
  }

  /** A document was closed: its analysis under way stops and nobody waits for it. */
  close(doc: TextDocument): void {
    this.closed.add(doc);
    this.invalidate(doc.uri);
  }

  private start(doc: TextDocument, language: LspLanguage): Running {
    const run: Running = { version: doc.version, generation: this.generation, cancelled: false, promise: Promise.resolve(undefined) };
    this.running.set(doc.uri, run);
    run.promise = this.compute(doc, language, run).finally(() => {
      if (this.running.get(doc.uri) === run) this.running.delete(doc.uri);
    });
    return run;
  }

  private async compute(doc: TextDocument, language: LspLanguage, run: Running): Promise<Analysis | undefined> {
    // The text of the version this run is for (the document object is updated in place by later changes).
    const text = doc.getText();
    const label = `${doc.uri} v${run.version}`;
    const stale = () => run.cancelled || doc.version !== run.version;
    const env = await this.environment(doc);
    if (language.core.ready) {
      // What the language loads (the shell grammar) is requested once the handshake is done.
      await this.ready;
      await language.core.ready(text);
    }
    if (stale()) {
      this.host.trace?.(`analysis cancelled: ${label}`);
      return undefined;
    }
    const started = Date.now();
    // A manifest parsed when its change arrived (manifestEdited) is analyzed from that parse, which counts.
    const parsed = env.path !== undefined ? this.editParses.get(env.path) : undefined;
    const parseMs = parsed?.text === text ? parsed.ms : 0;
    const budget = { deadline: started + Math.max(0, this.budgetMs - parseMs), ms: this.budgetMs };
    this.host.trace?.(`analysis started: ${label}${parseMs ? ` (its parse took ${parseMs} ms of the budget)` : ''}`);
    const options = { config: env.config, onRuleError: this.ruleFailed, isCancelled: stale, budget, keepResults: true };
    const prepared = language.core.prepare(text, { ...env, workspace: this.manifests }, options);
    const findings = prepared.run ? await runRulesAsync(prepared.run, options) : prepared.analysis.findings;
    const analysis: Analysis = { ...prepared.analysis, findings, language };
    if (stale()) {
      this.host.trace?.(`analysis cancelled: ${label}`);
      return undefined;
    }
    this.cache.set(doc.uri, { version: run.version, generation: run.generation, analysis, rerun: prepared.run ? { run: prepared.run as RuleRun<unknown>, config: env.config } : undefined });
    this.host.trace?.(`analysis finished: ${label} in ${Date.now() - started} ms`);
    this.host.analyzed?.(doc, analysis, env.config, isCurrentCheck(this.cache, this.closed, doc, run.version, analysis));
    return analysis;
  }

  /** Loads the Kubernetes manifests under the workspace folders (gitignored files and node_modules skipped). */
  loadManifests(folders: string[]): number {
    this.folders = folders.map((f) => path.resolve(f));
    let count = 0;
    for (const folder of folders) {
      for (const file of walk(folder)) {
        if (!isCrossFile(file)) continue;
        if (this.readManifest(file)) count++;
      }
    }
    this.generation++;
    return count;
  }

  /** Re-reads one manifest from disk after it changed, was created or was deleted. */
  manifestChanged(file: string): void {
    this.editParses.delete(file);
    if (!this.readManifest(file)) {
      this.manifests.delete(file);
      // Its trees would wait in the parse cache for other files to push them out (up to 6 million characters).
      forgetParses(file);
    }
    this.generation++;
  }

  /** Makes an open document's unsaved text what other manifests see. */
  manifestEdited(file: string, text: string): void {
    const started = Date.now();
    this.manifests.set(parseManifest(text, file));
    this.editParses.set(file, { text, ms: Date.now() - started });
    this.generation++;
  }

  private readManifest(file: string): boolean {
    try {
      if (fs.statSync(file).size > MAX_MANIFEST_BYTES) return false;
      const text = fs.readFileSync(file, 'utf8');
      if (!text.includes('apiVersion') || !text.includes('kind')) return false;
      const parsed = parseManifest(text, file);
      if (!parsed.objects.length) return false;
      this.manifests.set(parsed);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Runs one rule again on a document's cached analysis and puts its new findings in place of its old ones: when
   * only that rule's input changed (ShellCheck's answers arrived), instead of the whole analysis again (a 10,000-line
   * Dockerfile: ~200 ms, and a code action asked meanwhile waited for it). False when there is no analysis to update.
   */
  rerunRule(uri: string, ruleId: string): boolean {
    const entry = this.cache.get(uri);
    const rule = entry?.rerun?.run.rules.find((r) => r.id === ruleId);
    if (!entry?.rerun || !rule) return false;
    const { run, config } = entry.rerun;
    const fresh = runRules([rule], run.ctx, run.suppressions, {
      config: run.config ?? config,
      onRuleError: this.ruleFailed,
      budget: budgetFromNow(this.budgetMs),
    });
    // The rule failed or ran out of time: the whole analysis again says so as usual.
    if (fresh.some((f) => f.ruleId !== ruleId)) return false;
    const findings = sortFindings([...entry.analysis.findings.filter((f) => f.ruleId !== ruleId), ...fresh]);
    this.cache.set(uri, { ...entry, analysis: { ...entry.analysis, findings } });
    return true;
  }

  /** A rule threw: logged once per rule id (the engine shows it on the file as an analysis-incomplete finding). */
  private readonly ruleFailed = (id: string, e: unknown): void => {
    if (this.failedRules.has(id)) return;
    this.failedRules.add(id);
    this.host.log(`rule ${id} failed and was skipped: ${(e as Error).stack ?? e}`);
  };

  /** Forgets cached results (settings or project files changed). */
  invalidate(uri?: string): void {
    for (const [key, run] of this.running) if (!uri || key === uri) run.cancelled = true;
    if (uri) this.cache.delete(uri);
    else this.cache.clear();
  }
}

/**
 * Whether `analysis` is still the document's (its version, open, the cached analysis). It holds the analysis weakly:
 * ShellCheck's wait for a big file's answers (seconds) kept every version typed meanwhile alive (7 MB each at
 * 10,000 lines), and one no longer cached is not current anyway.
 */
function isCurrentCheck(cache: ReadonlyMap<string, { analysis: Analysis }>, closed: WeakSet<TextDocument>, doc: TextDocument, version: number, analysis: Analysis): () => boolean {
  const ref = new WeakRef(analysis);
  return () => {
    const current = ref.deref();
    return current !== undefined && doc.version === version && !closed.has(doc) && cache.get(doc.uri)?.analysis === current;
  };
}

/** The promise's value, or undefined as soon as the token is cancelled (the shared run itself goes on). */
function untilCancelled<T>(promise: Promise<T>, token: CancellationToken): Promise<T | undefined> {
  if (token.isCancellationRequested) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve, reject) => {
    const listener = token.onCancellationRequested(() => {
      listener.dispose();
      resolve(undefined);
    });
    promise.then(
      (value) => {
        listener.dispose();
        resolve(value);
      },
      (error) => {
        listener.dispose();
        reject(error);
      },
    );
  });
}
