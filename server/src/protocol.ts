// The protocol between the VS Code client (client/src) and the language server (server/src/lsp), declared once and
// imported by both (as vscode-eslint's customMessages.ts). Constants and types only: this file imports nothing, so
// each bundle that uses it gains only these few strings. test/core/protocol.test.ts checks the command ids against
// package.json.

/**
 * Node flags the client starts the language server with. A 4 MB young-generation semi-space (V8's default grows it
 * to 16 MB, which stays committed) cuts peak memory with analysis times within noise (bench:peers, peak RSS:
 * 10k-line Dockerfile 145 → 121 MB, 1k-line 110 → 91 MB, 20k-line manifest 119 → 101 MB). It must be on node's
 * command line: set later from inside the server it no longer shrinks the heap already reserved.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

/** A position as LSP sends it (zero-based line and UTF-16 character). */
export interface ProtocolPosition {
  line: number;
  character: number;
}

/** A plain text edit as LSP sends it (structurally an LSP `TextEdit`). */
export interface ProtocolTextEdit {
  range: { start: ProtocolPosition; end: ProtocolPosition };
  newText: string;
}

/**
 * The command a snippet fix travels as (LSP 3.17 has no snippet text edits); the client runs it with
 * `editor.insertSnippet`. Internal: not contributed in package.json.
 */
export const APPLY_SNIPPET_EDIT_COMMAND = 'stevedore.applySnippetEdit';

/** The argument of `stevedore.applySnippetEdit`: the snippet, and the plain edit for a document that changed since. */
export interface SnippetEditArgs {
  uri: string;
  version: number;
  edit: ProtocolTextEdit;
  snippet: string;
}

/**
 * The server sends this as a "Preview scaling" lens on HorizontalPodAutoscalers and ScaledObjects (argument:
 * `HpaPreviewArgs`); the client opens the behaviour preview. Internal: not contributed in package.json (the cluster
 * tree's "Preview Scaling" is the cluster command `stevedore.previewClusterScaling`, which runs this one).
 */
export const HPA_PREVIEW_COMMAND = 'stevedore.previewScaling';

/** The argument of `stevedore.previewScaling`: the whole autoscaler object as JSON, and where it comes from. */
export interface HpaPreviewArgs {
  object: unknown;
  /** `hpa.yaml`, `cluster kind-dev / shop`: shown under the chart's title. */
  origin?: string;
}

/** The server sends these two as lenses on Deployments (argument: `RolloutLensTarget`). */
export const ROLLOUT_STATUS_COMMAND = 'stevedore.rolloutStatus';
export const ROLLOUT_UNDO_COMMAND = 'stevedore.rolloutUndo';

/** The rollout commands of the cluster view. */
export const ROLLOUT_COMMANDS = [ROLLOUT_STATUS_COMMAND, 'stevedore.rolloutHistory', ROLLOUT_UNDO_COMMAND, 'stevedore.rolloutRestart'] as const;
export type RolloutCommandId = (typeof ROLLOUT_COMMANDS)[number];

/** The cluster commands, each contributed in package.json and each with a handler in client/src/cluster/register.ts. */
export const CLUSTER_COMMANDS = [
  ...ROLLOUT_COMMANDS,
  'stevedore.selectContext',
  'stevedore.selectNamespace',
  'stevedore.useAsCurrentContext',
  'stevedore.applyFile',
  'stevedore.refreshClusters',
  // The metrics pipeline's install command, port-forward (issue 15, docs/cluster-metrics.md).
  'stevedore.copyMetricsInstallCommand',
  'stevedore.portForward',
  'stevedore.stopPortForward',
  // Describe, events, scale, set image, HPA watch and links (issue 15, docs/cluster-actions.md).
  'stevedore.describe',
  // The HPA behaviour preview of an autoscaler in the tree, with its live spec (issue 15 §3, docs/hpa-preview.md).
  'stevedore.previewClusterScaling',
  'stevedore.setImage',
  'stevedore.scale',
  'stevedore.showEvents',
] as const;
export type ClusterCommandId = (typeof CLUSTER_COMMANDS)[number];

/** Every command package.json contributes (the palette, menus and activation events name only these). */
export const CONTRIBUTED_COMMANDS: readonly string[] = CLUSTER_COMMANDS;

/** True for a rollout command (the client hides their lenses while the workspace is untrusted). */
export function isRolloutCommand(id: string | undefined): id is RolloutCommandId {
  return (ROLLOUT_COMMANDS as readonly string[]).includes(id as string);
}

/** The argument of a rollout lens: a Deployment by name, in the manifest's namespace if it sets one. */
export interface RolloutLensTarget {
  kind: 'Deployment';
  name: string;
  namespace?: string;
}

/** What the client declares in `initializationOptions`; other LSP clients send none and get plain LSP. */
export interface InitializationOptions {
  /** The client runs `stevedore.applySnippetEdit`: fixes with placeholders become snippets. */
  snippetEdits?: boolean;
  /**
   * The client has the cluster commands: named Deployments get "Rollout status/undo" lenses, autoscalers a
   * "Preview scaling" lens.
   */
  rolloutLenses?: boolean;
  /** Test-only: the time budget of one analysis in ms (tests shrink it to see it run out). */
  analysisBudgetMs?: number;
  /** Test-only: log analyses started, finished and cancelled (tests see stale ones cancelled). */
  traceAnalyses?: boolean;
  /** The workspace is trusted: the server may run kubectl (`kubectl kustomize` for Kustomize overlays). */
  workspaceTrusted?: boolean;
  /** Test-only: how long `kubectl kustomize` may run (default 20 s). */
  kustomizeTimeoutMs?: number;
}

/** Custom request: the server's memory after a full garbage collection (when node runs with --expose-gc). */
export const MEMORY_REQUEST = 'stevedore/memory';

/** The answer to `stevedore/memory`: process.memoryUsage() in bytes, whether it collected, the parse cache's size. */
export interface MemoryResponse extends NodeJS.MemoryUsage {
  collected: boolean;
  /** Documents (owners) with cached manifest parses, and the characters of text they hold. */
  parseCache: { owners: number; chars: number };
}
