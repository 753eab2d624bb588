// One Language per file kind (Dockerfile, Kubernetes manifest): how a document is recognised, parsed, analyzed and
// what its fixes read. The LSP and the CLI dispatch through this instead of branching on the kind; a third kind is
// one new module beside dockerfile.ts and kubernetes.ts. Rules are wired in by the registry (rules/index.ts).
import type { Config } from '../config';
import type { RuleRun, TimeBudget } from '../engine';
import { fileKind, type FileKind } from '../files';
import type { ManifestWorkspace } from '../k8s/workspace';
import type { RuleMeta } from '../rule';
import type { BuildContext, Finding, FixInput } from '../types';

export type LanguageId = 'dockerfile' | 'kubernetes';

/** Where a file is analyzed: each language reads what it needs (Dockerfiles the build context, manifests the workspace). */
export interface FileEnvironment {
  /** Path of the file on disk, when it has one. */
  path?: string;
  config?: Config;
  /** The build context of a Dockerfile, when known. */
  context?: BuildContext;
  /** The other manifests, for cross-file checks; the analyzed text replaces its own path's entry. */
  workspace?: ManifestWorkspace;
}

export interface RunOptions {
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Checked between rules; when it returns true, analysis stops early and returns what it has. */
  isCancelled?: () => boolean;
  /** Skip the rules that would start after this deadline (the language server's per-request budget). */
  budget?: TimeBudget;
  /**
   * The file will be analyzed again after changes (an editor's edits, a fix loop): rules scoped to part of a file
   * keep their results and rerun only on what changed (Dockerfile instructions; manifest objects keep theirs
   * always, with their parsed documents). Costs time and memory in a run that analyzes each file once.
   */
  keepResults?: boolean;
}

/** What every language's analysis holds: its findings, sorted by position (plus the parsed file, per language). */
export interface LanguageAnalysis {
  findings: Finding[];
}

/** A parsed document with its rule run prepared, for callers that run the rules in slices (the language server). */
export interface PreparedAnalysis<A extends LanguageAnalysis> {
  analysis: A;
  /** The rules to run; undefined when there is nothing to check (`analysis.findings` is then the result). */
  run?: RuleRun<unknown>;
}

export interface Language<A extends LanguageAnalysis = LanguageAnalysis> {
  readonly id: LanguageId;
  /** How the docs title its rules, e.g. "Kubernetes manifests". */
  readonly title: string;
  /** The name core/files.ts gives this kind of file. */
  readonly fileKind: FileKind;
  /** Editor language ids of documents of this kind. */
  readonly languageIds: readonly string[];
  /** The Markdown code-fence language of its examples (rule docs, SARIF help). */
  readonly fence: string;
  /** Other files of this kind feed a document's analysis (cached results depend on them). */
  readonly crossFile: boolean;
  /** The rules this language runs. */
  readonly rules: readonly RuleMeta[];
  /** Whether a text is a document of this kind at all (a YAML file without Kubernetes objects is not reported on). */
  recognises(text: string, path?: string): boolean;
  /** Waits for what parsing `text` needs loaded (the shell grammar, when one of its RUN scripts needs it). */
  ready?(text: string): Promise<void>;
  /** Parses `text` and prepares its rule run. */
  prepare(text: string, env: FileEnvironment, options?: RunOptions): PreparedAnalysis<A>;
  /** Parses `text` and runs every rule. */
  analyze(text: string, env: FileEnvironment, options?: RunOptions): A;
  /** What a fix of this file may read (its build context, or the workspace with this text in it). */
  fixInput(text: string, env: FileEnvironment): FixInput;
  /** Makes `text` what other files' analyses see of `path` (cross-file languages). */
  publish?(workspace: ManifestWorkspace, path: string, text: string): void;
  /** The same language running only the rules `keep` accepts (e.g. those with a safe fix, for fix loops). */
  only(keep: (rule: RuleMeta) => boolean): Language<A>;
}

/** The language of a file by its name among `languages`, or undefined when Stevedore does not analyze it. */
export function languageOfFile<L extends Language<LanguageAnalysis>>(languages: readonly L[], file: string): L | undefined {
  const kind = fileKind(file);
  return kind && languages.find((l) => l.fileKind === kind);
}

/** The language of an editor document: by its language id, else by its file name. */
export function languageOfDocument<L extends Language<LanguageAnalysis>>(languages: readonly L[], languageId: string, file: string | undefined): L | undefined {
  return languages.find((l) => l.languageIds.includes(languageId)) ?? (file ? languageOfFile(languages, file) : undefined);
}
