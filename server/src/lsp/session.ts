// LSP glue: the session's life cycle (initialize, settings, watched files), open documents and their pull (or
// debounced push) diagnostics; code actions and the other features are registered from actionRequests.ts and
// featureRequests.ts.
import {
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { preloadSchemas } from '../core/k8s/schema';
import { warmUpManifests } from '../core/k8s/warmup';
import { Analyzer, type DocumentSettings } from './documents';
import { toDiagnostic, uriToPath } from './convert';
import { DiagnosticReports } from './diagnostic-reports';
import { isCrossFile, languageOf, type Analysis, type FeatureOptions } from './languages';
import { registerActionRequests } from './actionRequests';
import { registerFeatureRequests } from './featureRequests';
import { manifestRules } from '../rules';
import type { InitializationOptions } from '../protocol';
import { registerMemoryRequest } from './debug';
import { collectIfGrown } from '../collect';
import { LspShellcheck } from './shellcheck';
import { LspKustomize } from './kustomize';
import { LspImageMeasure } from './image-measure';
import type { ManifestAnalysis } from '../core/k8s/analyze';
import type { DockerfileAnalysis } from '../core/dockerfile/analyze';

/** What the request handlers share: the open documents, their analyses and what the client supports. */
export interface SessionContext {
  documents: TextDocuments<TextDocument>;
  analyzer: Analyzer;
  /** The analysis of an open document's current version (undefined when closed, cancelled or not analyzed). */
  analysisOf(uri: string, token?: CancellationToken): Promise<Analysis | undefined>;
  /** Set from the client's capabilities and initialization options at initialize. */
  options: FeatureOptions;
  /** Measured image sizes (lenses, hovers, "Measure this fix" actions) after "Build and measure". */
  images: LspImageMeasure;
}

/** How long push-mode diagnostics wait for typing to pause. Pull-mode clients pace requests themselves. */
const PUSH_DEBOUNCE_MS = 150;
/** How long after a manifest edit other documents are asked to refresh their cross-file findings. */
const CROSS_FILE_REFRESH_MS = 400;
/**
 * A full collection once an answer is sent, when the heap has grown this much since the last one: every edit of a
 * 10,000-line Dockerfile (it promotes ~6 MB), one in several of a 1,000-line one. bench:peers harness, 10,000 lines:
 * peak RSS 112 -> 96 MB, edit 191 -> 202 ms (medians of 5; see docs/performance.md).
 */
const COLLECT_AFTER_GROWTH = 6 * 1024 * 1024;

/**
 * The session, started by the entry (server.ts) right after it answered initialize (capabilities.ts) without loading
 * this module, the rules and the languages. Returns what to do once the client has initialized.
 */
export function startServer(connection: Connection, params: InitializeParams): () => void {
  // Analyses wait for the handshake to be done (see Analyzer.compute); what a language loads (the shell grammar, when
  // a RUN script first needs it) is loaded then, not before.
  let handshakeDone!: () => void;
  const shellReady = new Promise<void>((resolve) => (handshakeDone = resolve));
  const documents = new TextDocuments(TextDocument);
  const settingsCache = new Map<string, Promise<DocumentSettings>>();
  const reported = new Set<string>();
  let configurationSupport = false;
  let pullDiagnostics = false;
  let refreshSupport = false;
  // Asks a pulling client to pull again. Only clients that declare refresh support are asked, and a failed request
  // (a client that does not answer it) is ignored: unhandled, it took the server down.
  const refreshDiagnostics = () => {
    if (refreshSupport) connection.sendRequest(DiagnosticRefreshRequest.type).catch(() => undefined);
  };
  const options: FeatureOptions = { documentChanges: false, snippetEdits: false, rolloutLenses: false, resolve: false };
  let traceAnalyses = false;

  // A message to the user, as a notification: connection.window.show*Message without actions sends a request, and a
  // client that answers it with an error (one without message support) made an unhandled rejection of it, which
  // ended the server.
  const tell = (type: MessageType, message: string) => void connection.sendNotification(ShowMessageNotification.type, { type, message: `Stevedore: ${message}` }).catch(() => undefined);
  // ShellCheck answers after the analysis: the document's diagnostics are then refreshed (see lsp/shellcheck.ts).
  const shellcheck = new LspShellcheck({
    notify: (m) => tell(MessageType.Info, m),
    answered(uri) {
      // Only the shellcheck rule's findings change: that rule runs again on the cached model.
      if (!analyzer.rerunRule(uri, 'shellcheck')) analyzer.invalidate(uri);
      const doc = documents.get(uri);
      if (pullDiagnostics) refreshDiagnostics();
      else if (doc) schedulePush(doc);
    },
    trace: (m) => traceAnalyses && connection.console.log(m),
  });
  // Kustomize overlays rendered by kubectl (trusted workspaces only): their findings join the source files' diagnostics.
  const kustomize = new LspKustomize({
    notify: (m) => tell(MessageType.Info, m),
    answered(paths) {
      if (pullDiagnostics) refreshDiagnostics();
      else for (const doc of documents.all()) if (paths.includes(uriToPath(doc.uri) ?? '')) schedulePush(doc);
    },
  });
  const documentSettings = (uri: string): Promise<DocumentSettings> => {
    if (!configurationSupport) return Promise.resolve({});
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace.getConfiguration({ scopeUri: uri, section: 'stevedore' }).then((v) => (v ?? {}) as DocumentSettings, () => ({}));
      settingsCache.set(uri, s);
    }
    return s;
  };
  const analyzer = new Analyzer(shellReady, {
    settings: documentSettings,
    log: (m) => connection.console.error(m),
    trace: (m) => traceAnalyses && connection.console.log(m),
    analyzed(doc, analysis, config, isCurrent) {
      const model = (analysis as Partial<DockerfileAnalysis>).model;
      const manifestWorkspace = (analysis as Partial<ManifestAnalysis>).workspace;
      if (analysis.language.core.id === 'kubernetes' && manifestWorkspace && kustomize.trusted) {
        void this.settings(doc.uri).then((s) => kustomize.analyzed(uriToPath(doc.uri), manifestWorkspace, config, (s as { kubectl?: { path?: unknown } }).kubectl?.path, isCurrent));
      }
      if (analysis.language.core.id !== 'dockerfile' || !model) return;
      // After the answer is written (the settings are read first); ShellCheck starts once the document is quiet.
      setImmediate(() => void this.settings(doc.uri).then((s) => shellcheck.analyzed(doc.uri, model, config, s.shellcheck?.path, isCurrent)));
    },
    configProblem(message) {
      if (reported.has(message)) return;
      reported.add(message);
      connection.console.warn(message);
      tell(MessageType.Warning, message);
    },
  });

  // Builds run only on the client's request in a trusted workspace; their results are hints, lenses, diagnostics.
  const images = new LspImageMeasure({
    connection,
    documents,
    analysisOf: (uri, token) => analysisOf(uri, token),
    environment: (doc) => analyzer.environment(doc),
    settings: documentSettings,
    diagnosticsChanged(uri) {
      const doc = documents.get(uri);
      if (pullDiagnostics) refreshDiagnostics();
      else if (doc) schedulePush(doc);
    },
  });

  const initialize = () => {
    const caps = params.capabilities;
    configurationSupport = !!caps.workspace?.configuration;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport;
    options.documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges && !!caps.workspace.workspaceEdit.resourceOperations?.includes('create');
    const resolveSupport = caps.textDocument?.codeAction?.resolveSupport?.properties ?? [];
    options.resolve = !!caps.textDocument?.codeAction?.dataSupport && resolveSupport.includes('edit');
    // Declared in the protocol, but a client may send anything: each option is checked before use.
    const init = params.initializationOptions as { [K in keyof InitializationOptions]?: unknown } | undefined;
    options.snippetEdits = init?.snippetEdits === true;
    options.rolloutLenses = init?.rolloutLenses === true;
    // Tests shrink the budget to see it run out, and trace analyses to see stale ones cancelled.
    if (typeof init?.analysisBudgetMs === 'number' && init.analysisBudgetMs >= 0) analyzer.budgetMs = init.analysisBudgetMs;
    traceAnalyses = init?.traceAnalyses === true;
    kustomize.trusted = init?.workspaceTrusted === true;
    if (typeof init?.kustomizeTimeoutMs === 'number' && init.kustomizeTimeoutMs > 0) kustomize.timeoutMs = init.kustomizeTimeoutMs;
    images.trusted = init?.workspaceTrusted === true;
    images.clientCommands = init?.imageBuild === true;
    images.refresh = { inlayHints: !!caps.workspace?.inlayHint?.refreshSupport, codeLenses: !!caps.workspace?.codeLens?.refreshSupport };
    setImmediate(handshakeDone);
  };

  const initialized = () => {
    // Cross-file checks need the workspace's manifests; load them off the handshake's critical path.
    setImmediate(async () => {
      const folders = (await connection.workspace.getWorkspaceFolders().catch(() => null)) ?? [];
      const paths = folders.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
      if (!paths.length) return;
      const count = analyzer.loadManifests(paths);
      if (count) {
        refreshAll();
        warmUpManifestCode();
      }
    });
    if (configurationSupport) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'stevedore' });
  };

  // Only a workspace that holds manifests pays for this (a Dockerfile-only session idles ~6 MB smaller and its first
  // analysis does not share the CPU with it): the Kubernetes schemas (~700 KB of JSON) load, then the YAML parser
  // and manifest rules get a few rounds on a sample, one per turn of the event loop, so the first manifest opened
  // meets optimised code (a cold first analysis is about twice as slow).
  let warmed = false;
  const warmUpManifestCode = () => {
    if (warmed) return;
    warmed = true;
    preloadSchemas();
    let rounds = 30;
    const warm = () => {
      warmUpManifests(manifestRules, 1);
      if (--rounds > 0) setImmediate(warm);
    };
    setImmediate(warm);
  };

  const refreshAll = () => {
    analyzer.invalidate();
    if (pullDiagnostics) refreshDiagnostics();
    else for (const doc of documents.all()) schedulePush(doc);
  };
  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    refreshAll();
  });
  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      const file = uriToPath(change.uri);
      if (file && isCrossFile(file) && !documents.get(change.uri)) analyzer.manifestChanged(file);
    }
    refreshAll();
  });

  const analysisOf = (uri: string, token?: CancellationToken) => {
    const doc = documents.get(uri);
    return doc ? analyzer.analyze(doc, token) : Promise.resolve(undefined);
  };

  const reports = new DiagnosticReports();
  connection.languages.diagnostics.on(async (params, token) => {
    const analysis = await analysisOf(params.textDocument.uri, token);
    if (!analysis) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const items = [...kustomize.withRendered(analysis.findings, uriToPath(params.textDocument.uri)).map(toDiagnostic), ...(await images.diagnostics(params.textDocument.uri))];
    setImmediate(collectAfterAnswer);
    return reports.report(params.textDocument.uri, params.previousResultId, items);
  });

  // Once diagnostics are sent (the response written, in the next turn): the analyses they replaced are garbage.
  const collectAfterAnswer = () => collectIfGrown(COLLECT_AFTER_GROWTH);

  const timers = new Map<string, NodeJS.Timeout>();
  function schedulePush(doc: TextDocument): void {
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(async () => {
        timers.delete(doc.uri);
        const version = doc.version;
        const analysis = await analyzer.analyze(doc);
        // A newer version came in meanwhile (the result is for it): that version's own push is scheduled.
        if (!analysis || doc.version !== version) return;
        const measured = await images.diagnostics(doc.uri);
        if (doc.version !== version) return;
        void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: [...kustomize.withRendered(analysis.findings, uriToPath(doc.uri)).map(toDiagnostic), ...measured] });
        setImmediate(collectAfterAnswer);
      }, PUSH_DEBOUNCE_MS),
    );
  }
  // Edits to one manifest can change another's findings (a Service's selector, an HPA's target): let the other
  // documents re-pull once typing pauses.
  let refreshTimer: NodeJS.Timeout | undefined;
  documents.onDidChangeContent((e) => {
    if (!pullDiagnostics) schedulePush(e.document);
    const file = uriToPath(e.document.uri);
    if (file && languageOf(e.document)?.core.crossFile) {
      analyzer.manifestEdited(file, e.document.getText());
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => (pullDiagnostics ? refreshDiagnostics() : documents.all().forEach(schedulePush)), CROSS_FILE_REFRESH_MS);
    }
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    const closed = uriToPath(e.document.uri);
    if (closed && languageOf(e.document)?.core.crossFile) analyzer.manifestChanged(closed);
    analyzer.close(e.document);
    reports.forget(e.document.uri);
    shellcheck.cancel(e.document.uri);
    images.closed(e.document.uri);
    settingsCache.delete(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const session: SessionContext = { documents, analyzer, analysisOf, options, images };
  registerActionRequests(connection, session);
  registerFeatureRequests(connection, session);
  registerMemoryRequest(connection);
  images.register();
  documents.listen(connection);
  initialize();
  return initialized;
}
