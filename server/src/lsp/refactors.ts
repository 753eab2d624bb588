// Refactorings offered without a finding, and the FROM hover's image table.
import { CodeActionKind, type CodeAction, type Range, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DockerfileAnalysis } from '../core/dockerfile/analyze';
import type { BuildContext } from '../core/types';
import { convertToMultiStage, MULTI_STAGE_TITLE } from '../core/dockerfile/multistage';
import { multiStageOf } from '../core/dockerfile/edits';
import { imageHoverMarkdown } from '../core/dockerfile/image-hover';
import type { ManifestAnalysis } from '../core/k8s/analyze';
import { createObjectActions } from '../core/k8s/generate';
import { lazyAction } from './codeActions';
import { toWorkspaceEdit } from './convert';


/**
 * "Convert to multi-stage build" when the range touches the FROM of a single-stage file. With `lazy` (clients that
 * resolve actions) the conversion, which can take seconds on a huge file, waits until the action is chosen.
 */
export function multiStageRefactors(doc: TextDocument, analysis: DockerfileAnalysis, range: Range, documentChanges: boolean, context?: BuildContext, lazy = false): CodeAction[] {
  const { stages } = analysis.model;
  if (stages.length !== 1) return [];
  const from = stages[0].from.getRange();
  if (range.end.line < from.start.line || range.start.line > from.end.line) return [];
  if (lazy) return [lazyAction(MULTI_STAGE_TITLE, CodeActionKind.RefactorRewrite, doc, { stevedoreLazy: 'multiStage' })];
  // Clients that cannot resolve get the edit with every listing at the FROM: converted once per analysis.
  const edit = rewriteEdit(doc, analysis.model.text, multiStageOf(analysis.model, context), documentChanges);
  return edit ? [{ title: MULTI_STAGE_TITLE, kind: CodeActionKind.RefactorRewrite, edit }] : [];
}

/** The edit converting `text` (the document's) to a multi-stage build; undefined when there is nothing to convert. */
export function multiStageEdit(doc: TextDocument, text: string, documentChanges: boolean, context?: BuildContext): WorkspaceEdit | undefined {
  return rewriteEdit(doc, text, convertToMultiStage(text, context), documentChanges);
}

function rewriteEdit(doc: TextDocument, text: string, converted: string | null, documentChanges: boolean): WorkspaceEdit | undefined {
  if (converted === null || converted === text) return undefined;
  const end = doc.positionAt(text.length);
  return toWorkspaceEdit(doc, { edits: [{ range: { start: { line: 0, character: 0 }, end }, newText: converted }] }, documentChanges);
}

/** Markdown table of the stage's base image variants and sizes. */
export function imageHoverForStage(analysis: DockerfileAnalysis, stageIndex: number): string | undefined {
  const image = analysis.model.stages[stageIndex]?.image;
  return image ? imageHoverMarkdown(image) : undefined;
}

/** "Create HorizontalPodAutoscaler / KEDA ScaledObject / Service / Ingress" for the object under the cursor. */
export function manifestRefactors(doc: TextDocument, analysis: ManifestAnalysis, range: Range, documentChanges: boolean): CodeAction[] {
  const offset = doc.offsetAt(range.start);
  return createObjectActions(analysis.file, offset, analysis.workspace).flatMap((a) => {
    const edit = toWorkspaceEdit(doc, { edits: a.edits }, documentChanges);
    return edit ? [{ title: a.title, kind: CodeActionKind.Refactor, edit }] : [];
  });
}
