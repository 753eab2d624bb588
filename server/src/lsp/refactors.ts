// Refactorings offered without a finding, and the FROM hover's image table.
// Filled in by the modules that own them (multi-stage conversion, base image table).
import type { CodeAction, Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DockerfileAnalysis } from '../core/analyze';

/** "Convert to multi-stage build" on any FROM of a single-stage file. */
export function multiStageRefactors(_doc: TextDocument, _analysis: DockerfileAnalysis, _range: Range, _documentChanges: boolean): CodeAction[] {
  return [];
}

/** Markdown table of the stage's base image variants and sizes. */
export function imageHoverForStage(_analysis: DockerfileAnalysis, _stageIndex: number): string | undefined {
  return undefined;
}
