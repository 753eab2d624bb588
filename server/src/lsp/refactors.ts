// Refactorings offered without a finding, and the FROM hover's image table.
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DockerfileAnalysis } from '../core/analyze';
import type { BuildContext } from '../core/types';
import { convertToMultiStage } from '../rules/dockerfile/build-tools-in-final-stage';
import { imageHoverMarkdown } from '../rules/dockerfile/image-variants';
import type { ManifestAnalysis } from '../core/k8s/analyze';
import { createObjectActions } from '../rules/k8s/generate';
import { toWorkspaceEdit } from './convert';

/** "Convert to multi-stage build" when the range touches the FROM of a single-stage file. */
export function multiStageRefactors(doc: TextDocument, analysis: DockerfileAnalysis, range: Range, documentChanges: boolean, context?: BuildContext): CodeAction[] {
  const { stages, text } = analysis.model;
  if (stages.length !== 1) return [];
  const from = stages[0].from.getRange();
  if (range.end.line < from.start.line || range.start.line > from.end.line) return [];
  const converted = convertToMultiStage(text, context);
  if (converted === null || converted === text) return [];
  const end = doc.positionAt(text.length);
  const edit = toWorkspaceEdit(doc, { edits: [{ range: { start: { line: 0, character: 0 }, end }, newText: converted }] }, documentChanges);
  return edit ? [{ title: 'Convert to multi-stage build', kind: CodeActionKind.RefactorRewrite, edit }] : [];
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
