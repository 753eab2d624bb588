// LSP glue: documents, settings, pull (or debounced push) diagnostics, code actions, hover, lenses, completion.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDockerfile } from '../core/analyze';
import { budgetFromNow, type TimeBudget } from '../core/engine';
import { initShellParser } from '../core/dockerfile/shell';
import { analyzeManifest } from '../core/k8s/analyze';
import { preloadSchemas } from '../core/k8s/schema';
import { warmUpManifests } from '../core/k8s/warmup';
import { fileKind } from '../core/files';
import { Analyzer, documentKind, type Analysis, type DocumentSettings } from './documents';
import { codeActions, FIX_ALL_KIND, isLazyActionData, resolveLazyFix, type CodeActionEnv } from './codeActions';
import { toDiagnostic, uriToPath } from './convert';
import { dockerfileService, hover } from './hover';
import { stageLenses } from './lenses';
import { completeManifest, definitionInManifest, hoverManifest, manifestCodeLenses, manifestDocumentSymbols, referencesInManifest } from './manifests';
import { imageHoverForStage, manifestRefactors, multiStageEdit, multiStageRefactors } from './refactors';
import { dockerfileRules, manifestRules } from '../rules';
import type { InitializationOptions } from '../protocol';
import type { RuleMeta } from '../core/rule';

/** Only rules with a safe fix change what "fix all" does: its re-analyses of the fixed text run just those. */
const hasSafeFix = (r: RuleMeta) => !!r.fixes?.some((f) => f.safe);
const fixingDockerfileRules = dockerfileRules.filter(hasSafeFix);
const fixingManifestRules = manifestRules.filter(hasSafeFix);
import { registerMemoryRequest } from './debug';

/** How long push-mode diagnostics wait for typing to pause. Pull-mode clients pace requests themselves. */
const PUSH_DEBOUNCE_MS = 150;
/** How long after a manifest edit other documents are asked to refresh their cross-file findings. */
const CROSS_FILE_REFRESH_MS = 400;

export function startServer(connection: Connection): void {
  // The shell grammar (1.3 MB of WebAssembly) starts loading right after the initialize result is sent, so the
  // handshake is not held up; analysis waits for it (see Analyzer.analyse).
  let grammarRequested!: () => void;
  const shellReady = new Promise<void>((resolve) => (grammarRequested = resolve)).then(() => initShellParser());
  const documents = new TextDocuments(TextDocument);
  const settingsCache = new Map<string, Promise<DocumentSettings>>();
  const reported = new Set<string>();
  let configurationSupport = false;
  let pullDiagnostics = false;
  let documentChanges = false;
  let snippetEdits = false;
  let rolloutLenses = false;
  let resolveActions = false;
  let traceAnalyses = false;

  const analyzer = new Analyzer(shellReady, {
    settings(uri) {
      if (!configurationSupport) return Promise.resolve({});
      let s = settingsCache.get(uri);
      if (!s) {
        s = connection.workspace.getConfiguration({ scopeUri: uri, section: 'stevedore' }).then((v) => (v ?? {}) as DocumentSettings, () => ({}));
        settingsCache.set(uri, s);
      }
      return s;
    },
    log: (m) => connection.console.error(m),
    trace: (m) => traceAnalyses && connection.console.log(m),
    configProblem(message) {
      if (reported.has(message)) return;
      reported.add(message);
      connection.console.warn(message);
      void connection.window.showWarningMessage(`Stevedore: ${message}`);
    },
  });

  connection.onInitialize(async (params): Promise<InitializeResult> => {
    const caps = params.capabilities;
    configurationSupport = !!caps.workspace?.configuration;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges && !!caps.workspace.workspaceEdit.resourceOperations?.includes('create');
    const resolveSupport = caps.textDocument?.codeAction?.resolveSupport?.properties ?? [];
    resolveActions = !!caps.textDocument?.codeAction?.dataSupport && resolveSupport.includes('edit');
    // Declared in the protocol, but a client may send anything: each option is checked before use.
    const init = params.initializationOptions as { [K in keyof InitializationOptions]?: unknown } | undefined;
    snippetEdits = init?.snippetEdits === true;
    rolloutLenses = init?.rolloutLenses === true;
    // Tests shrink the budget to see it run out, and trace analyses to see stale ones cancelled.
    if (typeof init?.analysisBudgetMs === 'number' && init.analysisBudgetMs >= 0) analyzer.budgetMs = init.analysisBudgetMs;
    traceAnalyses = init?.traceAnalyses === true;
    setImmediate(grammarRequested);
    // The Kubernetes schemas (~700 KB of JSON) load once the handshake is done, before the first manifest opens.
    // Then the YAML parser and manifest rules get a few rounds on a sample, one per turn of the event loop, so
    // the first real manifest meets optimised code (a cold first analysis is about twice as slow).
    setTimeout(() => {
      preloadSchemas();
      let rounds = 30;
      const warm = () => {
        warmUpManifests(manifestRules, 1);
        if (--rounds > 0) setImmediate(warm);
      };
      setImmediate(warm);
    }, 0);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor, CodeActionKind.RefactorRewrite, FIX_ALL_KIND], resolveProvider: true },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: ['-', '=', ' ', '$', '{', ':'], resolveProvider: false },
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        foldingRangeProvider: true,
      },
      serverInfo: { name: 'stevedore', version: typeof STEVEDORE_VERSION === 'string' ? STEVEDORE_VERSION : 'dev' },
    };
  });

  connection.onInitialized(() => {
    // Cross-file checks need the workspace's manifests; load them off the handshake's critical path.
    setImmediate(async () => {
      const folders = (await connection.workspace.getWorkspaceFolders().catch(() => null)) ?? [];
      const paths = folders.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
      if (!paths.length) return;
      const count = analyzer.loadManifests(paths);
      if (count) refreshAll();
    });
    if (configurationSupport) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'stevedore' });
  });

  const refreshAll = () => {
    analyzer.invalidate();
    if (pullDiagnostics) void connection.languages.diagnostics.refresh();
    else for (const doc of documents.all()) schedulePush(doc);
  };
  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    refreshAll();
  });
  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      const file = uriToPath(change.uri);
      if (file && fileKind(file) === 'manifest' && !documents.get(change.uri)) analyzer.manifestChanged(file);
    }
    refreshAll();
  });

  const analysisOf = (uri: string, token?: CancellationToken) => {
    const doc = documents.get(uri);
    return doc ? analyzer.analyse(doc, token) : Promise.resolve(undefined);
  };

  connection.languages.diagnostics.on(async (params, token) => {
    const analysis = await analysisOf(params.textDocument.uri, token);
    return { kind: DocumentDiagnosticReportKind.Full, items: analysis ? analysis.findings.map(toDiagnostic) : [] };
  });

  const timers = new Map<string, NodeJS.Timeout>();
  function schedulePush(doc: TextDocument): void {
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(async () => {
        timers.delete(doc.uri);
        const version = doc.version;
        const analysis = await analyzer.analyse(doc);
        // A newer version came in meanwhile (the result is for it): that version's own push is scheduled.
        if (analysis && doc.version === version) void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: analysis.findings.map(toDiagnostic) });
      }, PUSH_DEBOUNCE_MS),
    );
  }
  // Edits to one manifest can change another's findings (a Service's selector, an HPA's target): let the other
  // documents re-pull once typing pauses.
  let refreshTimer: NodeJS.Timeout | undefined;
  documents.onDidChangeContent((e) => {
    if (!pullDiagnostics) schedulePush(e.document);
    const file = uriToPath(e.document.uri);
    if (file && documentKind(e.document) === 'manifest') {
      analyzer.manifestEdited(file, e.document.getText());
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => (pullDiagnostics ? void connection.languages.diagnostics.refresh() : documents.all().forEach(schedulePush)), CROSS_FILE_REFRESH_MS);
    }
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    const closed = uriToPath(e.document.uri);
    if (closed && documentKind(e.document) === 'manifest') analyzer.manifestChanged(closed);
    analyzer.close(e.document);
    settingsCache.delete(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  /** What code actions on a document need: its text, findings, how to re-analyse a fixed text, within `budget`. */
  async function actionEnv(doc: TextDocument, analysis: Analysis, budget: TimeBudget): Promise<CodeActionEnv> {
    const env = await analyzer.environment(doc);
    const text = doc.getText();
    const common = { doc, findings: analysis.findings, documentChanges, resolve: resolveActions, budget };
    if (analysis.kind === 'manifest') {
      return {
        ...common,
        input: { text, path: env.path, workspace: analysis.workspace },
        snippetEdits,
        relint: (changed, limit) => {
          const again = analyzeManifest(changed, { path: env.path, config: env.config, workspace: analyzer.manifests, budget: limit, rules: fixingManifestRules });
          return { findings: again.findings, input: { text: changed, path: env.path, workspace: again.workspace } };
        },
      };
    }
    return {
      ...common,
      input: { text, path: env.path, context: env.context },
      relint: (changed, limit) => ({ findings: analyzeDockerfile(changed, { ...env, budget: limit, rules: fixingDockerfileRules }), input: { text: changed, path: env.path, context: env.context } }),
    };
  }

  connection.onCodeAction(async (params: CodeActionParams, token) => {
    const doc = documents.get(params.textDocument.uri);
    const analysis = await analysisOf(params.textDocument.uri, token);
    if (!doc || !analysis) return [];
    const env = await actionEnv(doc, analysis, budgetFromNow(analyzer.budgetMs));
    env.refactors =
      analysis.kind === 'manifest'
        ? manifestRefactors(doc, analysis, params.range, documentChanges)
        : multiStageRefactors(doc, analysis, params.range, documentChanges, env.input.context, resolveActions);
    return codeActions(params, env);
  });

  // "Fix all" and whole-file rewrites are listed without their edit; it is computed here, when the user picks one.
  connection.onCodeActionResolve(async (action: CodeAction, token) => {
    const data = action.data;
    if (!isLazyActionData(data)) return action;
    const doc = documents.get(data.uri);
    if (!doc || doc.version !== data.version) return action;
    const analysis = await analysisOf(data.uri, token);
    if (!analysis) return action;
    const env = await actionEnv(doc, analysis, budgetFromNow(analyzer.budgetMs));
    if (data.stevedoreLazy === 'multiStage') {
      const edit = analysis.kind === 'dockerfile' ? multiStageEdit(doc, env.input.text, documentChanges, env.input.context) : undefined;
      return edit ? { ...action, edit } : action;
    }
    return resolveLazyFix(action, data, env);
  });

  connection.onHover(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    const analysis = await analysisOf(params.textDocument.uri, token);
    if (!doc || !analysis) return null;
    if (analysis.kind === 'manifest') return hoverManifest(doc, analysis, params.position);
    return hover(analysis, params.position, (i) => imageHoverForStage(analysis, i));
  });

  connection.onCodeLens(async (params, token) => {
    const analysis = await analysisOf(params.textDocument.uri, token);
    if (!analysis) return [];
    return analysis.kind === 'manifest' ? manifestCodeLenses(analysis, rolloutLenses) : stageLenses(analysis.model);
  });

  connection.onDefinition(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    const analysis = await analysisOf(params.textDocument.uri, token);
    return doc && analysis?.kind === 'manifest' ? definitionInManifest(doc, analysis, params.position) : [];
  });

  connection.onReferences(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    const analysis = await analysisOf(params.textDocument.uri, token);
    return doc && analysis?.kind === 'manifest' ? referencesInManifest(doc, analysis, params.position) : [];
  });

  // Instruction completion, symbols and folding come from dockerfile-language-service for Dockerfiles; manifests
  // get schema keys, enum values and reference names.
  connection.onCompletion(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    if (documentKind(doc) === 'dockerfile') return dockerfileService().computeCompletionItems(doc.getText(), params.position);
    const analysis = await analysisOf(params.textDocument.uri, token);
    return analysis?.kind === 'manifest' ? completeManifest(doc, analysis, params.position) : [];
  });

  connection.onDocumentSymbol(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    if (documentKind(doc) === 'dockerfile') return dockerfileService().computeSymbols(params.textDocument, doc.getText());
    const analysis = await analysisOf(params.textDocument.uri, token);
    return analysis?.kind === 'manifest' ? manifestDocumentSymbols(analysis) : [];
  });

  const dockerfile = (uri: string) => {
    const doc = documents.get(uri);
    return doc && documentKind(doc) === 'dockerfile' ? doc : undefined;
  };
  connection.onFoldingRanges((params) => {
    const doc = dockerfile(params.textDocument.uri);
    return doc ? dockerfileService().computeFoldingRanges(doc.getText()) : [];
  });

  registerMemoryRequest(connection);
  documents.listen(connection);
  connection.listen();
}

declare const STEVEDORE_VERSION: string | undefined;
