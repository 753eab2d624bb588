// Shared types of the analysis core. Positions are 0-based LSP positions (line, UTF-16 character).
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Workspace } from './k8s/workspace';

export type { Range, Position, TextEdit } from 'vscode-languageserver-types';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** Severity order for comparisons: a smaller rank is more severe. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** One problem found in a document. `data` carries what the rule's fixes need (never parse messages). */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  data?: Record<string, unknown>;
  /** The hit's own codes (RuleHit.codes), shown beside the rule's aliases. */
  codes?: string[];
}

/** What a rule's check returns; the engine fills in rule id and configured severity. */
export interface RuleHit {
  message: string;
  range: Range;
  data?: Record<string, unknown>;
  /** Overrides the rule's default severity for this hit (before user configuration applies). */
  severity?: Severity;
  /**
   * Codes of this hit beside the rule's id and aliases (ShellCheck's `SC2086`): pragmas and configuration that
   * name one of them apply to this hit only.
   */
  codes?: string[];
}

/** A change to a file other than the analyzed document (absolute filesystem path). */
export interface FileChange {
  path: string;
  /** Create the file with this content (fails if it exists). */
  create?: string;
  /** Edits to an existing file's current text. */
  edits?: TextEdit[];
}

/** What a fix produces: edits to the analyzed document and/or changes to other files. */
export interface FixResult {
  edits: TextEdit[];
  files?: FileChange[];
  /**
   * Values in the inserted text that are guesses for the user to review (`key: value` lines). Editors that take
   * snippet edits turn them into tab stops; everyone else gets the plain text.
   */
  placeholders?: Array<{ key: string; value: string }>;
}

/** The text a fix works on, plus the build context (Dockerfiles) or the other manifests (Kubernetes) it may read. */
export interface FixInput {
  text: string;
  path?: string;
  context?: BuildContext;
  workspace?: Workspace;
}

export interface Fix {
  /** Stable id, unique within the rule (used by tests and "fix all"). */
  id: string;
  title: (finding: Finding) => string;
  /** 'quickfix' for ordinary fixes, 'refactor.rewrite' for larger rewrites. */
  kind?: 'quickfix' | 'refactor.rewrite';
  /** Safe to apply unattended (CLI --fix, source.fixAll). */
  safe: boolean;
  preferred?: boolean;
  /** Returns null when this fix does not apply to the finding. Must be pure. */
  apply: (input: FixInput, finding: Finding) => FixResult | null;
}

export interface RuleDocs {
  /** One line: what the rule flags. */
  summary: string;
  /** Why it matters (markdown). */
  why: string;
  bad: string;
  good: string;
  /**
   * The project configuration (`.stevedore.yaml` text) the examples assume, for rules that need one
   * (`trustedRegistries:`, `label-schema:`) or are off by default.
   */
  config?: string;
}

/**
 * Read-only view of the build context (the folder `docker build` is given).
 * Paths are relative to the root, '/'-separated.
 */
export interface BuildContext {
  /** Absolute path of the context root. */
  readonly root: string;
  exists(rel: string): boolean;
  isDirectory(rel: string): boolean;
  readFile(rel: string): string | undefined;
  /** Entry names directly inside a folder ('' = root). */
  list(rel?: string): string[];
  /**
   * Bytes of a file, or of everything under a folder, visiting at most `maxEntries` entries (so a huge tree stays
   * cheap); `complete` is false when the cap cut the walk short and `bytes` is a lower bound.
   */
  size?(rel: string, maxEntries: number): ContextSize;
}

export interface ContextSize {
  bytes: number;
  /** Entries visited (counts against the caller's budget). */
  entries: number;
  complete: boolean;
}
