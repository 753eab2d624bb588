// The contract every rule module fulfils. A rule is one module: metadata, check and fixes side by side.
import type { DockerfileSettings } from './config';
import type { CustomCheck } from './kube-linter-custom';
import type { DockerfileModel } from './dockerfile/model';
import type { ManifestFile } from './k8s/parse';
import type { Workspace } from './k8s/workspace';
import type { LanguageId } from './languages/language';
import type { BuildContext, Fix, RuleDocs, RuleHit, Severity } from './types';

export type RuleCategory = 'size' | 'cache' | 'security' | 'correctness' | 'syntax' | 'reliability' | 'autoscaling' | 'networking';

export interface RuleMeta {
  id: string;
  /** Codes of peer tools that flag the same thing (hadolint DL…, BuildKit check names, slim ID…). */
  aliases: string[];
  severity: Severity;
  /**
   * When some findings get another severity than `severity` (RuleHit.severity): which and when, e.g.
   * "warning when the smaller variant saves over 300 MB". Shown next to the default in the generated docs.
   */
  severityNote?: string;
  category: RuleCategory;
  /**
   * Off unless a configuration turns it on (`rules: { DL3057: info }`), as the peer tool has it (hadolint's
   * DL3057, DL1001). `severity` is then the level it reports at once on.
   */
  offByDefault?: boolean;
  /**
   * The language whose documents the rule checks; the registry stamps it from the list the rule is in. Undefined
   * for the engine's own analysis-incomplete finding, which any language can report.
   */
  language?: LanguageId;
  docs: RuleDocs;
  fixes?: Fix[];
}

export interface DockerfileRuleContext {
  model: DockerfileModel;
  /** Path of the Dockerfile on disk, when it has one. */
  path?: string;
  /** The build context, when known (not for unsaved or stdin documents without a name). */
  context?: BuildContext;
  /** hadolint's Dockerfile keys from the project configuration (registries, label schema). */
  settings?: DockerfileSettings;
}

export interface DockerfileRule extends RuleMeta {
  check(ctx: DockerfileRuleContext): RuleHit[];
  /**
   * 'instruction': what the rule reports for an instruction depends only on that instruction's own lines, the
   * file's structure (its parser directives and escape character, and the text and order of every FROM, SHELL,
   * ARG and ENV instruction) with where the instruction stands among it, the file's path and the hadolint settings —
   * never on other instructions, the build context or comments — and every hit lies within that instruction's
   * lines. Its results are then kept per instruction and an edit reruns it only on the instructions that changed
   * (dockerfile/instruction-results.ts); test/core/dockerfile-instruction-scope holds each such rule to it.
   */
  scope?: 'instruction';
}

export interface ManifestRuleContext {
  file: ManifestFile;
  /** Every manifest known (this file's current text included), for checks across objects and files. */
  workspace: Workspace;
  /** `stevedore.kubernetes.version`, e.g. "1.31", for deprecation checks. */
  kubernetesVersion: string;
  /** kube-linter custom checks from the project configuration (required-label / required-annotation). */
  customChecks?: readonly CustomCheck[];
}

export interface ManifestRule extends RuleMeta {
  check(ctx: ManifestRuleContext): RuleHit[];
  /**
   * 'object': what the rule reports for an object depends only on that object's own YAML document (and the
   * Kubernetes version and custom checks), never on other objects, other files or the file's other text, and every
   * hit lies in that document. Its results are then kept per document and an edit reruns it only on the objects
   * whose document changed (k8s/object-results.ts); test/core/k8s-object-scope holds each such rule to it.
   */
  scope?: 'object';
}

/** Where a rule's documentation lives; diagnostics link to it through codeDescription. */
export const RULE_DOCS_URL = 'https://github.com/stevedore-dev/stevedore/blob/main/docs/rules.md';

export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_URL}#${id}`;
}

/** True when `key` names the rule by its id or one of its aliases (case-insensitive). */
export function ruleMatches(rule: Pick<RuleMeta, 'id' | 'aliases'>, key: string): boolean {
  const k = key.trim().toLowerCase();
  return rule.id === k || rule.aliases.some((a) => a.toLowerCase() === k);
}
