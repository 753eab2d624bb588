// One entry point over both file kinds, for the CLI and the fix loop: analyse a file's text by its kind.
import { analyzeDockerfile, type AnalyzeOptions } from '../core/analyze';
import type { FileKind } from '../core/files';
import { analyzeManifest, type ManifestOptions } from '../core/k8s/analyze';
import type { Finding, FixInput } from '../core/types';
import { dockerfileRules, manifestRules } from '../rules';

export interface LintTarget {
  kind: FileKind;
  dockerfile: Omit<AnalyzeOptions, 'rules'>;
  manifest: Omit<ManifestOptions, 'rules'>;
}

/** Findings of a text analysed as its kind, by every registered rule. */
export function lintText(text: string, target: LintTarget): Finding[] {
  return target.kind === 'manifest'
    ? analyzeManifest(text, { ...target.manifest, rules: manifestRules }).findings
    : analyzeDockerfile(text, { ...target.dockerfile, rules: dockerfileRules });
}

/** What a fix of this file may read: its build context (Dockerfiles) or the other manifests (Kubernetes). */
export function fixInputOf(text: string, target: LintTarget): FixInput {
  if (target.kind === 'manifest') {
    const { workspace } = analyzeManifest(text, { ...target.manifest, rules: [] });
    return { text, path: target.manifest.path, workspace };
  }
  return { text, path: target.dockerfile.path, context: target.dockerfile.context };
}
