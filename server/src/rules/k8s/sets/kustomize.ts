// Kustomize overlays (issue 13 §5): the checks of a kustomization itself. One part of the registry
// (rules/k8s/index.ts spreads it into manifestRules); rendered overlays are checked by lsp/ and cli/kustomize.ts.
import type { ManifestRule } from '../../../core/rule';
import { kustomizationInvalid } from '../kustomization-invalid';

export const kustomizeRules: readonly ManifestRule[] = [kustomizationInvalid];
