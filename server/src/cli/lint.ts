// One entry point over every file kind, for the CLI and the fix loop: analyze a file's text with its language.
import type { FileEnvironment, Language, RunOptions } from '../core/languages/language';
import type { Finding, FixInput } from '../core/types';

/** A file to lint: its language and where it is analyzed (each language reads what it needs of `env`). */
export interface LintTarget {
  language: Language;
  env: FileEnvironment;
  options?: RunOptions;
}

/** Findings of a text analyzed by its language, with every registered rule. */
export function lintText(text: string, target: LintTarget): Finding[] {
  return target.language.analyze(text, target.env, target.options).findings;
}

/** What a fix of this file may read: its build context (Dockerfiles) or the other manifests (Kubernetes). */
export function fixInputOf(text: string, target: LintTarget): FixInput {
  return target.language.fixInput(text, target.env);
}
