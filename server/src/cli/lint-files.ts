// Linting one file of a run (the main thread's and a worker's share): its config, --fix, findings and fixable flags.
import * as path from 'node:path';
import { defaultContextRoot } from '../core/dockerfile/analyze';
import { ConfigError, configFailOn, type Config } from '../core/config';
import { FolderContext } from '../core/context';
import { languageOfFile, type Language } from '../core/languages/language';
import type { ManifestWorkspace } from '../core/k8s/workspace';
import { LANGUAGES, rulesById } from '../rules';
import type { Finding, Severity } from '../core/types';
import type { LintArgs } from './args';
import { FileError, firstLine, InputError, ioError } from './errors';
import { fixText, writeAtomic } from './fixfile';
import type { FileReport } from './format';
import { fixInputOf, lintText, type LintTarget } from './lint';

/** The file being read or linted, so an unexpected error can name it. */
let currentPath: string | undefined;

/** The file being read or linted now, if any. */
export function currentFile(): string | undefined {
  return currentPath;
}

/** Runs `work` for one file; an unexpected error becomes a FileError naming it (our own errors pass through). */
export function forFile<T>(file: string, work: () => T): T {
  currentPath = file;
  try {
    return work();
  } catch (e) {
    if (e instanceof InputError || e instanceof FileError) throw e;
    throw new FileError(file, e);
  } finally {
    currentPath = undefined;
  }
}

export interface Input {
  file: string;
  displayPath: string;
  diskPath?: string;
  text: string;
  language: Language;
}

/** What the files of one run share: the manifests, the config files found and read, where warnings go. */
export interface Run {
  workspace: ManifestWorkspace;
  configFor: (dir: string) => Config;
  /** A line for stderr about the file being linted (a rule that failed). */
  warn: (line: string) => void;
}

/** What linting one file gives: its report (none when its language does not take the text) and its config's fail-on. */
export interface FileOutcome {
  report?: FileReport;
  failOn?: Severity | 'none';
}

function fixableFlags(findings: Finding[], text: string, target: LintTarget): boolean[] {
  const input = fixInputOf(text, target);
  return findings.map((f) => (rulesById.get(f.ruleId)?.fixes ?? []).some((fix) => fix.safe && fix.apply(input, f) !== null));
}

/** A file --fix wrote, shown the way the input's own path is (relative to the cwd when it was given relative). */
function displayPathOf(written: string, input: Input): string {
  if (!input.diskPath) return path.relative(process.cwd(), written) || written;
  return path.join(path.dirname(input.displayPath), path.relative(path.dirname(input.diskPath), written));
}

/** Lints one input (fixing it first with --fix). */
export function lintOne(input: Input, args: LintArgs, run: Run): FileOutcome {
  const { file, displayPath, diskPath, language } = input;
  let text = input.text;
  const dir = diskPath ? path.dirname(diskPath) : process.cwd();
  let config;
  try {
    config = run.configFor(dir);
  } catch (e) {
    if (e instanceof ConfigError) throw new InputError(e.message);
    throw e;
  }
  const onRuleError = (id: string, e: unknown) => run.warn(`stevedore: ${displayPath}: rule ${id} failed: ${firstLine(e)}\n`);
  const target: LintTarget = {
    language,
    // The build context is the file's folder; text from stdin without a name has none.
    env: { path: diskPath, context: diskPath ? new FolderContext(defaultContextRoot(diskPath)) : undefined, workspace: run.workspace, config },
    options: { onRuleError },
  };
  if (!language.recognises(text, diskPath)) return {};
  let fixed: string[] = [];
  let wrote: string[] = [];
  if (args.fix && file !== '-') {
    const outcome = fixText(text, target, (other, written) => {
      languageOfFile(LANGUAGES, other)?.publish?.(run.workspace, other, written);
    });
    if (outcome.text !== text) {
      try {
        writeAtomic(file, outcome.text);
      } catch (e) {
        throw ioError(file, e);
      }
      text = outcome.text;
      if (diskPath) language.publish?.(run.workspace, diskPath, text);
    }
    fixed = outcome.fixed;
    wrote = outcome.touched.map((p) => displayPathOf(p, input));
  }
  const findings = lintText(text, target);
  return { report: { path: displayPath, findings, fixable: fixableFlags(findings, text, target), fixed, wrote }, failOn: configFailOn(config) };
}
