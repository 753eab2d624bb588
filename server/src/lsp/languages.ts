// What the language server offers for each file kind: the core Language (recognise, parse, analyze) plus its editor
// features (hover, lenses, navigation, completion, symbols, folding, refactorings) in LSP terms. Request handlers
// look the document's language up here instead of branching on its kind; a feature a language lacks is undefined.
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Position,
  Range,
  SymbolInformation,
  TextDocumentIdentifier,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DockerfileAnalysis } from '../core/dockerfile/analyze';
import { withModel } from '../core/dockerfile/edits';
import type { ManifestAnalysis } from '../core/k8s/analyze';
import { languageOfDocument, languageOfFile, type FileEnvironment, type Language, type LanguageAnalysis } from '../core/languages/language';
import type { RuleMeta } from '../core/rule';
import type { BuildContext, FixInput } from '../core/types';
import { languages } from '../rules';
import { uriToPath } from './convert';
import { dockerfileService, hover } from './hover';
import { stageLenses } from './lenses';
import { completeManifest, definitionInManifest, hoverManifest, manifestCodeLenses, manifestDocumentSymbols, referencesInManifest } from './manifests';
import { imageHoverForStage, manifestRefactors, multiStageEdit, multiStageRefactors } from './refactors';

/** What the client supports, as far as features depend on it. */
export interface FeatureOptions {
  documentChanges: boolean;
  /** The client resolves code actions' edits. */
  resolve: boolean;
  /** The client has the cluster commands: rollout lenses. */
  rolloutLenses: boolean;
  /** The client inserts snippet edits (command `stevedore.applySnippetEdit`). */
  snippetEdits: boolean;
}

/** A document's analysis, with the language that made it (features dispatch on it). */
export type Analysis = LanguageAnalysis & { language: LspLanguage };

export interface LspLanguage<A extends LanguageAnalysis = any> {
  core: Language<A>;
  /** The same language with only the rules that have a safe fix: "fix all" re-analyzes the fixed text with it. */
  fixing: Language<A>;
  /** Fixes with placeholders may go out as snippet edits (`stevedore.applySnippetEdit`). */
  snippetEdits: boolean;
  /** What a code action's fix reads, from the document's current analysis (no re-parse). */
  fixInput(text: string, env: FileEnvironment, analysis: A): FixInput;
  hover(doc: TextDocument, analysis: A, position: Position): Hover | null;
  lenses(analysis: A, options: FeatureOptions): CodeLens[];
  definition?(doc: TextDocument, analysis: A, position: Position): Location[];
  references?(doc: TextDocument, analysis: A, position: Position): Location[];
  /** Completion; `analysis` is awaited only by languages whose completion needs it. */
  complete(doc: TextDocument, position: Position, analysis: () => Promise<Analysis | undefined>): Promise<CompletionItem[]>;
  symbols(doc: TextDocument, id: TextDocumentIdentifier, analysis: () => Promise<Analysis | undefined>): Promise<DocumentSymbol[] | SymbolInformation[]>;
  folding?(doc: TextDocument): FoldingRange[];
  /** Refactorings offered at `range` regardless of findings. */
  refactors?(doc: TextDocument, analysis: A, range: Range, options: FeatureOptions, context?: BuildContext): CodeAction[];
  /** The edit of a refactoring listed without one (codeAction/resolve). */
  resolveRefactor?(doc: TextDocument, text: string, options: FeatureOptions, context?: BuildContext): WorkspaceEdit | undefined;
}

const hasSafeFix = (r: RuleMeta) => !!r.fixes?.some((f) => f.safe);

const dockerfile: LspLanguage<DockerfileAnalysis> = {
  core: languages.dockerfile,
  fixing: languages.dockerfile.only(hasSafeFix),
  snippetEdits: false,
  // Quick fixes read the analysis's model of this text rather than parsing it again.
  fixInput: (text, env, analysis) => withModel({ text, path: env.path, context: env.context }, analysis.model),
  hover: (_doc, analysis, position) => hover(analysis, position, (i) => imageHoverForStage(analysis, i)),
  lenses: (analysis) => stageLenses(analysis.model),
  // Instruction completion, symbols and folding come from dockerfile-language-service, without an analysis.
  complete: async (doc, position) => dockerfileService().computeCompletionItems(doc.getText(), position),
  symbols: async (doc, id) => dockerfileService().computeSymbols(id, doc.getText()),
  folding: (doc) => dockerfileService().computeFoldingRanges(doc.getText()),
  refactors: (doc, analysis, range, options, context) => multiStageRefactors(doc, analysis, range, options.documentChanges, context, options.resolve),
  resolveRefactor: (doc, text, options, context) => multiStageEdit(doc, text, options.documentChanges, context),
};

/** Manifests get schema keys, enum values and reference names from their analysis. */
const kubernetes: LspLanguage<ManifestAnalysis> = {
  core: languages.kubernetes,
  fixing: languages.kubernetes.only(hasSafeFix),
  snippetEdits: true,
  fixInput: (text, env, analysis) => ({ text, path: env.path, workspace: analysis.workspace }),
  hover: hoverManifest,
  lenses: (analysis, options) => manifestCodeLenses(analysis, options.rolloutLenses),
  definition: definitionInManifest,
  references: referencesInManifest,
  complete: async (doc, position, analysis) => {
    const a = await analysis();
    return a?.language === kubernetes ? completeManifest(doc, a as Analysis & ManifestAnalysis, position) : [];
  },
  symbols: async (_doc, _id, analysis) => {
    const a = await analysis();
    return a?.language === kubernetes ? manifestDocumentSymbols(a as Analysis & ManifestAnalysis) : [];
  },
  refactors: (doc, analysis, range, options) => manifestRefactors(doc, analysis, range, options.documentChanges),
};

/** The server's languages, in the order documents are matched against them. */
export const LSP_LANGUAGES: readonly LspLanguage[] = [dockerfile, kubernetes];

/** The language of an open document (by its language id, else its file name), or undefined. */
export function languageOf(doc: TextDocument): LspLanguage | undefined {
  const core = languageOfDocument(LSP_LANGUAGES.map((l) => l.core), doc.languageId, uriToPath(doc.uri));
  return LSP_LANGUAGES.find((l) => l.core === core);
}

/** Whether a file on disk feeds other documents' analyses (a manifest of the workspace). */
export function isCrossFile(file: string): boolean {
  return !!languageOfFile(LSP_LANGUAGES.map((l) => l.core), file)?.crossFile;
}
