// What the API server would reject in ports, resources, pod specs, Ingress and autoscalers (issue 13 §1).
// One part of the registry (rules/k8s/index.ts spreads it into manifestRules): the rule modules live beside
// index.ts, one per rule with a same-named test table; this list says which belong to the part and in what order.
import type { ManifestRule } from '../../../core/rule';

export const apiServerSpecRules: readonly ManifestRule[] = [];
