// What the API server would reject in names, labels, annotations and selectors (issue 13 §1).
// One part of the registry (rules/k8s/index.ts spreads it into manifestRules): the rule modules live beside
// index.ts, one per rule with a same-named test table; this list says which belong to the part and in what order.
import type { ManifestRule } from '../../../core/rule';
import { invalidAnnotation } from '../invalid-annotation';
import { invalidContainerName } from '../invalid-container-name';
import { invalidLabel } from '../invalid-label';
import { invalidObjectName } from '../invalid-object-name';
import { invalidPortName } from '../invalid-port-name';
import { invalidSelector } from '../invalid-selector';

export const apiServerNameRules: readonly ManifestRule[] = [invalidObjectName, invalidLabel, invalidAnnotation, invalidSelector, invalidContainerName, invalidPortName];
