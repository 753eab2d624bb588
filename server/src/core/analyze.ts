// The analysis entry point shared by the CLI, the language server and the tests.
import * as path from 'node:path';
import { EMPTY_CONFIG, type Config } from './config';
import { buildModel, type DockerfileModel } from './dockerfile/model';
import { runRules } from './engine';
import { nextSpan, readSuppressions } from './suppress';
import type { DockerfileRule } from './rule';
import type { BuildContext, Finding } from './types';
import { dockerfileRules } from '../rules/dockerfile';

export interface AnalyzeOptions {
  /** Path of the file on disk (used for messages and to find the build context). */
  path?: string;
  /** The build context; defaults to none (rules that need it stay silent). */
  context?: BuildContext;
  config?: Config;
  /** Rules to run instead of the registry (tests). */
  rules?: readonly DockerfileRule[];
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Checked between rules; when it returns true, analysis stops early and returns what it has. */
  isCancelled?: () => boolean;
}

export interface DockerfileAnalysis {
  model: DockerfileModel;
  findings: Finding[];
}

/** Analyses a Dockerfile and returns its findings, sorted by position. Requires initShellParser(). */
export function analyzeDockerfile(text: string, options: AnalyzeOptions = {}): Finding[] {
  return analyzeDockerfileModel(text, options).findings;
}

/** Like analyzeDockerfile, also returning the parsed model (for hovers and lenses). */
export function analyzeDockerfileModel(text: string, options: AnalyzeOptions = {}): DockerfileAnalysis {
  const model = buildModel(text);
  const config = options.config ?? EMPTY_CONFIG;
  const ctx = { model, path: options.path, context: options.context };
  const lines = text.split(/\r?\n/);
  const spans = model.ast.getInstructions().map((i): [number, number] => [i.getRange().start.line, i.getRange().end.line]);
  const suppressions = readSuppressions(lines, nextSpan(spans));
  const findings = runRules(options.rules ?? dockerfileRules, ctx, suppressions, { config, onRuleError: options.onRuleError, isCancelled: options.isCancelled });
  return { model, findings };
}

/** The folder a Dockerfile's build context is assumed to be: the file's own folder. */
export function defaultContextRoot(file: string): string {
  return path.dirname(path.resolve(file));
}
