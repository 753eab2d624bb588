// Request handlers for code actions and their resolution: what a document's actions need (its text, findings, how
// to re-analyze a fixed text, its language's refactorings), then codeActions.ts does the rest.
import type { CodeAction, CodeActionParams, Connection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { initShellParser, isShellParserReady } from '../core/dockerfile/shell';
import { budgetFromNow, type TimeBudget } from '../core/engine';
import { codeActions, isLazyActionData, resolveLazyFix, type CodeActionEnv } from './codeActions';
import type { BuildContext } from '../core/types';
import type { Analysis } from './languages';
import type { SessionContext } from './session';

/**
 * "Fix all" re-analyzes what its fixes wrote and a rewrite builds a new file: their RUNs may need the shell grammar,
 * which is loaded when a script first needs it (a Dockerfile of plain command lists never loads it). Computing them
 * waits for it; listing quick fixes does not.
 */
function grammarForNewTexts(analysis: Analysis): Promise<void> | undefined {
  return analysis.language.core.id === 'dockerfile' && !isShellParserReady() ? initShellParser().catch(() => undefined) : undefined;
}

/** Registers codeAction and codeAction/resolve on `connection`. */
export function registerActionRequests(connection: Connection, session: SessionContext): void {
  const { documents, analyzer, analysisOf, options } = session;

  /** What code actions on a document need: its text, findings, how to re-analyze a fixed text, within `budget`. */
  async function actionEnv(doc: TextDocument, analysis: Analysis, budget: TimeBudget): Promise<CodeActionEnv & { context?: BuildContext }> {
    const env = await analyzer.environment(doc);
    const text = doc.getText();
    const { language } = analysis;
    return {
      doc,
      findings: analysis.findings,
      documentChanges: options.documentChanges,
      resolve: options.resolve,
      budget,
      input: language.fixInput(text, env, analysis),
      ...(language.snippetEdits ? { snippetEdits: options.snippetEdits } : {}),
      relint: (changed, limit) => {
        const again = language.fixing.analyze(changed, { ...env, workspace: analyzer.manifests }, { budget: limit, keepResults: true });
        return { findings: again.findings, input: language.fixInput(changed, env, again) };
      },
      context: env.context,
    };
  }

  connection.onCodeAction(async (params: CodeActionParams, token) => {
    const doc = documents.get(params.textDocument.uri);
    const analysis = await analysisOf(params.textDocument.uri, token);
    if (!doc || !analysis) return [];
    // A client that cannot resolve, or asks for fixes by kind (on save), gets "fix all" and rewrites computed now.
    if (!options.resolve || params.context.only?.length) await grammarForNewTexts(analysis);
    const env = await actionEnv(doc, analysis, budgetFromNow(analyzer.budgetMs));
    env.refactors = analysis.language.refactors?.(doc, analysis, params.range, options, env.context);
    return [...codeActions(params, env), ...session.images.codeActions(params, doc)];
  });

  // "Fix all" and whole-file rewrites are listed without their edit; it is computed here, when the user picks one.
  connection.onCodeActionResolve(async (action: CodeAction, token) => {
    const data = action.data;
    if (!isLazyActionData(data)) return action;
    const doc = documents.get(data.uri);
    if (!doc || doc.version !== data.version) return action;
    const analysis = await analysisOf(data.uri, token);
    if (!analysis) return action;
    await grammarForNewTexts(analysis);
    if (doc.version !== data.version) return action;
    const env = await actionEnv(doc, analysis, budgetFromNow(analyzer.budgetMs));
    if (data.stevedoreLazy === 'multiStage') {
      const edit = analysis.language.resolveRefactor?.(doc, env.input.text, options, env.context);
      return edit ? { ...action, edit } : action;
    }
    return resolveLazyFix(action, data, env);
  });
}
