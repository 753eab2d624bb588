// LSP glue for Kubernetes manifests: hover, completion, navigation, lenses and symbols from the pure features.
import { MarkupKind, SymbolKind, type CodeLens, type CompletionItem, type DocumentSymbol, type Hover, type Location, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ManifestAnalysis } from '../core/k8s/analyze';
import { manifestCompletions } from '../core/k8s/features/completion';
import { manifestHover } from '../core/k8s/features/hover';
import { autoscalerLenses, manifestLenses } from '../core/k8s/features/lenses';
import { manifestDefinition, manifestReferences } from '../core/k8s/features/navigation';
import { manifestSymbols } from '../core/k8s/features/symbols';
import { pathToUri } from './convert';
import { findingsMarkdown } from './hover';
import { HPA_PREVIEW_COMMAND, ROLLOUT_STATUS_COMMAND, ROLLOUT_UNDO_COMMAND, type HpaPreviewArgs, type RolloutLensTarget } from '../protocol';

/** Findings under the cursor explained, then the schema, reference and quantity details. */
export function hoverManifest(doc: TextDocument, a: ManifestAnalysis, position: Position): Hover | null {
  const parts = findingsMarkdown(a.findings, position);
  const details = manifestHover(a.file, a.workspace, doc.offsetAt(position));
  if (details) parts.push(details);
  return parts.length ? { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } } : null;
}

export function completeManifest(doc: TextDocument, a: ManifestAnalysis, position: Position): CompletionItem[] {
  return manifestCompletions(a.file, a.workspace, doc.offsetAt(position));
}

function toLocations(doc: TextDocument, found: Array<{ path?: string; range: Location['range'] }>): Location[] {
  return found.map((l) => ({ uri: l.path ? pathToUri(l.path) : doc.uri, range: l.range }));
}

export function definitionInManifest(doc: TextDocument, a: ManifestAnalysis, position: Position): Location[] {
  return toLocations(doc, manifestDefinition(a.file, a.workspace, doc.offsetAt(position)));
}

export function referencesInManifest(doc: TextDocument, a: ManifestAnalysis, position: Position): Location[] {
  return toLocations(doc, manifestReferences(a.file, a.workspace, doc.offsetAt(position)));
}

/**
 * What points at each Deployment/StatefulSet, as a lens without a command; with `rollout` (clients with the cluster
 * commands), also "Rollout status" and "Rollout undo…" lenses on named Deployments and "Preview scaling" on
 * autoscalers.
 */
export function manifestCodeLenses(a: ManifestAnalysis, rollout = false): CodeLens[] {
  const origin = a.file.path?.split(/[\\/]/).pop();
  const previews: CodeLens[] = rollout
    ? autoscalerLenses(a.file).map((l) => {
        const args: HpaPreviewArgs = { object: l.object, ...(origin ? { origin } : {}) };
        return { range: l.range, command: { title: 'Preview scaling', command: HPA_PREVIEW_COMMAND, arguments: [args] } };
      })
    : [];
  return previews.concat(manifestLenses(a.file, a.workspace).flatMap((l) => {
    const lenses: CodeLens[] = [{ range: l.range, command: { title: l.title, command: '' } }];
    if (rollout && l.kind === 'Deployment' && l.name) {
      const target: RolloutLensTarget = { kind: 'Deployment', name: l.name, ...(l.namespace ? { namespace: l.namespace } : {}) };
      lenses.push(
        { range: l.range, command: { title: 'Rollout status', command: ROLLOUT_STATUS_COMMAND, arguments: [target] } },
        { range: l.range, command: { title: 'Rollout undo…', command: ROLLOUT_UNDO_COMMAND, arguments: [target] } },
      );
    }
    return lenses;
  }));
}

export function manifestDocumentSymbols(a: ManifestAnalysis): DocumentSymbol[] {
  return manifestSymbols(a.file).map((s) => ({ name: s.name, kind: SymbolKind.Object, range: s.range, selectionRange: s.selectionRange }));
}
