// Analysis of Dockerfiles: the entry point shared by the CLI, the language server (through core/languages) and the tests.
import * as path from 'node:path';
import { configDockerfileSettings, EMPTY_CONFIG, type Config, type ConfigLayer } from '../config';
import { withKeptInstructionResults } from './instruction-results';
import { withSizeLimits } from './limits';
import { buildModel, type DockerfileModel } from './model';
import { runRules, type RuleRun, type TimeBudget } from '../engine';
import { parseFailedFindings } from '../incomplete';
import { nextSpan, NO_SUPPRESSIONS, readCheckDirective, readSuppressions } from '../suppress';
import { splitLines } from '../text';
import type { DockerfileRule, DockerfileRuleContext } from '../rule';
import type { BuildContext, Finding } from '../types';

export interface AnalyzeOptions {
  /** Path of the file on disk (used for messages and to find the build context). */
  path?: string;
  /** The build context; defaults to none (rules that need it stay silent). */
  context?: BuildContext;
  config?: Config;
  /** The rules to run: the registry's `dockerfileRules`, or a few (tests, fix loops). */
  rules: readonly DockerfileRule[];
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Checked between rules; when it returns true, analysis stops early and returns what it has. */
  isCancelled?: () => boolean;
  /** Skip the rules that would start after this deadline (the language server's per-request budget). */
  budget?: TimeBudget;
  /** The file will be analyzed again after changes: instruction-scoped rules keep their results (see RunOptions). */
  keepResults?: boolean;
}

export interface DockerfileAnalysis {
  model: DockerfileModel;
  findings: Finding[];
}

/** Analyses a Dockerfile and returns its findings, sorted by position. Requires initShellParser(). */
export function analyzeDockerfile(text: string, options: AnalyzeOptions): Finding[] {
  return analyzeDockerfileModel(text, options).findings;
}

/** Like analyzeDockerfile, also returning the parsed model (for hovers and lenses). */
export function analyzeDockerfileModel(text: string, options: AnalyzeOptions): DockerfileAnalysis {
  const prepared = prepareDockerfile(text, options);
  if (!prepared.run) return { model: prepared.model, findings: prepared.findings };
  const { rules, ctx, suppressions, config } = prepared.run;
  return { model: prepared.model, findings: runRules(rules, ctx, suppressions, { config: config ?? options.config ?? EMPTY_CONFIG, onRuleError: options.onRuleError, isCancelled: options.isCancelled, budget: options.budget }) };
}

export interface PreparedDockerfile {
  model: DockerfileModel;
  /** The rules to run; undefined when the text could not be parsed (then `findings` says so). */
  run?: RuleRun<DockerfileRuleContext>;
  findings: Finding[];
}

/** Parses a Dockerfile and prepares its rule run, for callers that run the rules in slices (the language server). */
export function prepareDockerfile(text: string, options: AnalyzeOptions): PreparedDockerfile {
  const config = options.config ?? EMPTY_CONFIG;
  let model: DockerfileModel;
  try {
    model = buildModel(text);
  } catch (e) {
    // A parser bug must not take the editor's features down with it: an empty model, and a finding saying why.
    options.onRuleError?.('syntax', e);
    return { model: buildModel(''), findings: parseFailedFindings(e, config) };
  }
  const settings = configDockerfileSettings(config);
  const ctx = { model, path: options.path, context: options.context, settings };
  const lines = splitLines(text);
  const spans = model.ast.getInstructions().map((i): [number, number] => [i.getRange().start.line, i.getRange().end.line]);
  // With `disable-ignore-pragma: true` the pragmas are not honoured (the inline-ignore-pragma rule reports them).
  const pragmas = settings.disableIgnorePragma ? NO_SUPPRESSIONS : readSuppressions(lines, nextSpan(spans));
  // BuildKit's own `# check=` directive is not an ignore pragma: it applies either way.
  const checks = readCheckDirective(lines);
  const suppressions = checks ? { ...pragmas, checks } : pragmas;
  // `disable-ignore-pragma: true` also turns on the rule that reports the pragmas (DL1001), unless a layer sets it.
  const runConfig = settings.disableIgnorePragma ? { layers: [{ source: 'disable-ignore-pragma', rules: [['DL1001', 'info']] as ConfigLayer['rules'] }, ...config.layers] } : undefined;
  return { model, run: { rules: withSizeLimits(model, options.keepResults ? options.rules.map(withKeptInstructionResults) : options.rules), ctx, suppressions, config: runConfig }, findings: [] };
}

/** The folder a Dockerfile's build context is assumed to be: the file's own folder. */
export function defaultContextRoot(file: string): string {
  return path.dirname(path.resolve(file));
}
