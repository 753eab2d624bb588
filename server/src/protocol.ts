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
  'stevedore.watchHpa',
  // The HPA behaviour preview of an autoscaler in the tree, with its live spec (issue 15 §3, docs/hpa-preview.md).
  'stevedore.previewClusterScaling',
  'stevedore.setImage',
  'stevedore.scale',
  'stevedore.showEvents',
  // Pod and Deployment logs (issue 15 §4, docs/cluster-logs.md).
  'stevedore.showLogs',
  'stevedore.stopLogs',
] as const;
export type ClusterCommandId = (typeof CLUSTER_COMMANDS)[number];

/** Internal (not contributed): a link under a non-scaling HPA's condition in the cluster tree (rule docs, manifest). */
export const HPA_LINK_COMMAND = 'stevedore.openHpaLink';

/** Builds the Dockerfile with the user's engine and shows each layer's size (palette; a lens on the final FROM). */
export const BUILD_AND_MEASURE_COMMAND = 'stevedore.buildAndMeasure';

/** The image commands package.json contributes; like the cluster commands, they need a trusted workspace. */
export const IMAGE_COMMANDS = [BUILD_AND_MEASURE_COMMAND] as const;

/** Every command package.json contributes (the palette, menus and activation events name only these). */
export const CONTRIBUTED_COMMANDS: readonly string[] = [...CLUSTER_COMMANDS, ...IMAGE_COMMANDS];

/** Internal (a "Measure this fix" code action's command, not contributed): argument `MeasureFixArgs`. */
export const MEASURE_FIX_COMMAND = 'stevedore.measureFix';

/** True for a command that runs a build (the client hides its lenses and refuses it while untrusted). */
export function isImageBuildCommand(id: string | undefined): boolean {
  return id === BUILD_AND_MEASURE_COMMAND || id === MEASURE_FIX_COMMAND;
}

/**
 * Request client → server: build the open document's text with the configured engine and keep its layer sizes
 * (inlay hints, lens, hover, wasted-bytes findings). Cancelled with `$/cancelRequest` (the build is stopped).
 * Refused unless the client said the workspace is trusted.
 */
export const BUILD_AND_MEASURE_REQUEST = 'stevedore/buildAndMeasure';

/** The argument of `stevedore.buildAndMeasure` and the params of its request (the client fills in the active editor). */
export interface BuildAndMeasureParams {
  uri: string;
}

/** Request client → server: build a size fix's result in a temporary copy and compare it with the current text. */
export const MEASURE_FIX_REQUEST = 'stevedore/measureFix';

/** The argument of `stevedore.measureFix`: the finding's fix, for the document version the action was listed for. */
export interface MeasureFixArgs {
  uri: string;
  version: number;
  ruleId: string;
  fixId: string;
  /** The finding as its diagnostic carried it (checked by the server). */
  finding: unknown;
}

/** The answer to both image requests: a one-line outcome for a notification and the output channel. */
export interface ImageBuildResult {
  ok: boolean;
  cancelled?: boolean;
  message: string;
}

/** Notification server → client: build output for the "Stevedore Build" output channel. */
export const BUILD_OUTPUT_NOTIFICATION = 'stevedore/buildOutput';

export interface BuildOutputParams {
  text: string;
}

/** Notification client → server: the user trusted the workspace (builds may run from now on). */
export const WORKSPACE_TRUSTED_NOTIFICATION = 'stevedore/workspaceTrusted';

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
  /** The client runs `stevedore.buildAndMeasure`: the final FROM gets a "Build and measure" lens when trusted. */
  imageBuild?: boolean;
}

/** Custom request: the server's memory after a full garbage collection (when node runs with --expose-gc). */
export const MEMORY_REQUEST = 'stevedore/memory';

/** The answer to `stevedore/memory`: process.memoryUsage() in bytes, whether it collected, the parse cache's size. */
export interface MemoryResponse extends NodeJS.MemoryUsage {
  collected: boolean;
  /** Documents (owners) with cached manifest parses, and the characters of text they hold. */
  parseCache: { owners: number; chars: number };
}
