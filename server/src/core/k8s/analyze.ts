// Analysis of Kubernetes manifests: the entry point shared by the CLI, the language server and the tests.
import { TOO_LARGE } from './yaml-parse';
import { configCustomChecks, configKubernetesVersion, EMPTY_CONFIG, type Config } from '../config';
import { runRules, type RuleRun, type TimeBudget } from '../engine';
import { parseFailedFindings } from '../incomplete';
import type { ManifestRule, ManifestRuleContext } from '../rule';
import { readSuppressions } from '../suppress';
import { kubeLinterIgnoreSpans } from './kube-linter-ignore';
import { splitLines } from '../text';
import type { Finding } from '../types';
import { configCrdPaths, publishCrdFiles } from './crd-files';
import { parseManifest, type ManifestFile } from './parse';
import { ManifestWorkspace, type Workspace } from './workspace';
import { withKeptResults } from './object-results';

/** The Kubernetes version deprecation checks assume when none is configured. */
export const DEFAULT_KUBERNETES_VERSION = '1.31';

export interface ManifestOptions {
  path?: string;
  /** Other manifests for cross-object checks; the analyzed text replaces its own path's entry. */
  workspace?: ManifestWorkspace;
  /** Rule levels and the Kubernetes version (`kubernetes.version` / `stevedore.kubernetes.version`). */
  config?: Config;
  /** Overrides the configured Kubernetes version (tests). */
  kubernetesVersion?: string;
  /** The rules to run: the registry's `manifestRules`, or a few (tests, fix loops). */
  rules: readonly ManifestRule[];
  onRuleError?: (ruleId: string, error: unknown) => void;
  isCancelled?: () => boolean;
  /** Skip the rules that would start after this deadline (the language server's per-request budget). */
  budget?: TimeBudget;
}

export interface ManifestAnalysis {
  file: ManifestFile;
  workspace: Workspace;
  findings: Finding[];
}

/** Analyses a YAML file's Kubernetes objects. Files without objects, and Helm templates, give no findings. */
export function analyzeManifest(text: string, options: ManifestOptions): ManifestAnalysis {
  const { file, workspace, run, findings } = prepareManifest(text, options);
  if (!run) return { file, workspace, findings };
  const config = options.config ?? EMPTY_CONFIG;
  return { file, workspace, findings: runRules(run.rules, run.ctx, run.suppressions, { config, onRuleError: options.onRuleError, isCancelled: options.isCancelled, budget: options.budget }) };
}

export interface PreparedManifest extends ManifestAnalysis {
  /** The rules to run; undefined when there is nothing to check (or the text could not be parsed: see findings). */
  run?: RuleRun<ManifestRuleContext>;
}

/** Parses a manifest and prepares its rule run, for callers that run the rules in slices (the language server). */
export function prepareManifest(text: string, options: ManifestOptions): PreparedManifest {
  const config = options.config ?? EMPTY_CONFIG;
  const base = options.workspace ?? new ManifestWorkspace();
  // `kubernetes.crds`: CRDs from outside the workspace give their kinds schemas like the workspace's own.
  const crdPaths = configCrdPaths(config);
  if (crdPaths.length) publishCrdFiles(base, crdPaths);
  let file: ManifestFile;
  try {
    // The workspace already holds this very text for this path (the CLI loads every file first; the language server
    // its scanned and edited files): analyze that parse, so the workspace's index serves this analysis too.
    const stored = options.path !== undefined ? options.workspace?.file(options.path) : undefined;
    file = stored && stored.text === text ? stored : parseManifest(text, options.path);
  } catch (e) {
    // parseManifest is meant never to throw; if it does, say so on the file instead of failing the request.
    options.onRuleError?.('yaml-syntax', e);
    file = parseManifest('', options.path);
    return { file, workspace: base.with(file), findings: parseFailedFindings(e, config) };
  }
  const workspace = base.with(file);
  // A file whose only object was too large to parse still gets the finding that says so.
  const tooLarge = !file.objects.length && file.docs.some((d) => d.doc.errors.some((e) => e.code === (TOO_LARGE as string)));
  if (file.templated || (!file.objects.length && !tooLarge)) return { file, workspace, findings: [] };
  const kubernetesVersion = options.kubernetesVersion ?? configKubernetesVersion(config) ?? DEFAULT_KUBERNETES_VERSION;
  const customChecks = configCustomChecks(config);
  const ctx = { file, workspace, kubernetesVersion, ...(customChecks.length ? { customChecks } : {}) };
  const lines = splitLines(text);
  const pragmas = readSuppressions(lines, (line) => yamlBlockAfter(lines, line));
  const annotated = kubeLinterIgnoreSpans(file);
  const suppressions = annotated.length ? { ...pragmas, spans: [...pragmas.spans, ...annotated] } : pragmas;
  return { file, workspace, run: { rules: options.rules.map(withKeptResults), ctx, suppressions }, findings: [] };
}

/**
 * The lines a YAML pragma on `line` covers: the next key line and everything indented below it (its value), so
 * `# stevedore ignore=missing-resources` above `- name: web` silences the whole container.
 */
export function yamlBlockAfter(lines: string[], line: number): [number, number] | undefined {
  const memo = blockMemo(lines);
  const start = memo.next[Math.min(line + 1, lines.length)];
  if (start >= lines.length) return undefined;
  const known = memo.blocks.get(start);
  if (known) return known;
  const indent = /^[\s-]*/.exec(lines[start])![0].length - (lines[start].trimStart().startsWith('- ') ? 2 : 0);
  let end = start;
  for (let i = start + 1; i < lines.length; i++) {
    if (isBlankOrComment(lines[i])) continue;
    if (/^(---|\.\.\.)/.test(lines[i]) || /^\s*/.exec(lines[i])![0].length <= indent) break;
    end = i;
  }
  const block: [number, number] = [start, end];
  memo.blocks.set(start, block);
  return block;
}

const isBlankOrComment = (line: string) => /^\s*(#.*)?$/.test(line);

/**
 * Per lines array: the first content line at or after each line, and the blocks found so far. Without it, each of
 * N pragmas in a row skipped all the comment lines after it and re-scanned the same block (20,000 pragmas: 28 s).
 */
const blockMemos = new WeakMap<string[], { next: Int32Array; blocks: Map<number, [number, number]> }>();

function blockMemo(lines: string[]): { next: Int32Array; blocks: Map<number, [number, number]> } {
  let memo = blockMemos.get(lines);
  if (!memo) {
    const next = new Int32Array(lines.length + 1);
    next[lines.length] = lines.length;
    for (let i = lines.length - 1; i >= 0; i--) next[i] = isBlankOrComment(lines[i]) ? next[i + 1] : i;
    memo = { next, blocks: new Map() };
    blockMemos.set(lines, memo);
  }
  return memo;
}
