// The registry of Kubernetes manifest rules. Adding a rule: one module beside this file, one line here, one test table.
import type { ManifestRule } from '../../core/rule';
import { k8sSchema } from './k8s-schema';
import { yamlSyntax } from './yaml-syntax';

export const manifestRules: readonly ManifestRule[] = [yamlSyntax, k8sSchema];
