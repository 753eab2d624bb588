// kube-linter's checks of references between objects and of service accounts, secrets and namespaces (issue 13 §2).
// One part of the registry (rules/k8s/index.ts spreads it into manifestRules): the rule modules live beside
// index.ts, one per rule with a same-named test table; this list says which belong to the part and in what order.
import type { ManifestRule } from '../../../core/rule';
import { danglingNetworkpolicy } from '../dangling-networkpolicy';
import { danglingNetworkpolicypeerPodselector } from '../dangling-networkpolicypeer-podselector';
import { danglingServicemonitor } from '../dangling-servicemonitor';
import { defaultServiceAccount } from '../default-service-account';
import { deprecatedServiceAccountField } from '../deprecated-service-account-field';
import { dnsconfigOptions } from '../dnsconfig-options';
import { envValueFrom } from '../env-value-from';
import { envVarSecret } from '../env-var-secret';
import { exposedServices } from '../exposed-services';
import { nonExistentServiceAccount } from '../non-existent-service-account';
import { priorityClassName } from '../priority-class-name';
import { readSecretFromEnvVar } from '../read-secret-from-env-var';
import { requiredAnnotationEmail } from '../required-annotation-email';
import { requiredLabelOwner } from '../required-label-owner';
import { customRequiredMetadata } from '../custom-required-metadata';
import { useNamespace } from '../use-namespace';

export const kubeLinterReferenceRules: readonly ManifestRule[] = [
  // Service accounts
  nonExistentServiceAccount,
  deprecatedServiceAccountField,
  defaultServiceAccount,
  // Secrets, ConfigMaps and the environment
  envVarSecret,
  readSecretFromEnvVar,
  envValueFrom,
  // Pod scheduling and DNS
  priorityClassName,
  dnsconfigOptions,
  // Selectors that match nothing
  danglingNetworkpolicy,
  danglingNetworkpolicypeerPodselector,
  danglingServicemonitor,
  // Exposure, namespaces and ownership metadata
  exposedServices,
  useNamespace,
  requiredLabelOwner,
  customRequiredMetadata,
  requiredAnnotationEmail,
];
