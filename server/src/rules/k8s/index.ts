// The registry of Kubernetes manifest rules. Adding a rule: one module beside this file, one line here (or in the
// part of the registry under sets/ it belongs to), one test table.
import type { ManifestRule } from '../../core/rule';
import { autoscalerConflict } from './autoscaler-conflict';
import { deprecatedApi } from './deprecated-api';
import { duplicateEnv } from './duplicate-env';
import { hpaCpuWithoutRequests } from './hpa-cpu-without-requests';
import { hpaIncomplete } from './hpa-incomplete';
import { hpaMinMax } from './hpa-min-max';
import { hpaMinReplicas } from './hpa-min-replicas';
import { hpaTargetWithoutReadiness } from './hpa-target-without-readiness';
import { hpaUnknownTarget } from './hpa-unknown-target';
import { imageLatest } from './image-latest';
import { ingressNoClass } from './ingress-no-class';
import { ingressUnknownPort } from './ingress-unknown-port';
import { ingressUnknownService } from './ingress-unknown-service';
import { k8sSchema } from './k8s-schema';
import { kedaTrigger } from './keda-trigger';
import { missingLivenessProbe } from './missing-liveness-probe';
import { missingReadinessProbe } from './missing-readiness-probe';
import { missingResources } from './missing-resources';
import { privilegeEscalation } from './privilege-escalation';
import { privilegedContainer } from './privileged-container';
import { probePortMismatch } from './probe-port-mismatch';
import { replicasWithAutoscaler } from './replicas-with-autoscaler';
import { runAsRoot } from './run-as-root';
import { selectorMismatch } from './selector-mismatch';
import { serviceSelectsNothing } from './service-selects-nothing';
import { serviceTargetPort } from './service-target-port';
import { yamlSyntax } from './yaml-syntax';
import { apiServerNameRules } from './sets/api-server-names';
import { apiServerSpecRules } from './sets/api-server-specs';
import { kubeLinterAvailabilityRules } from './sets/kube-linter-availability';
import { kubeLinterPodRules } from './sets/kube-linter-pods';
import { kubeLinterReferenceRules } from './sets/kube-linter-references';
import { scalingGuideRules } from './sets/scaling-guide';
import { kustomizeRules } from './sets/kustomize';

export const manifestRules: readonly ManifestRule[] = [
  yamlSyntax,
  k8sSchema,
  deprecatedApi,
  // Workloads
  selectorMismatch,
  imageLatest,
  missingResources,
  missingReadinessProbe,
  missingLivenessProbe,
  probePortMismatch,
  runAsRoot,
  privilegedContainer,
  privilegeEscalation,
  duplicateEnv,
  replicasWithAutoscaler,
  // Services and Ingress
  serviceSelectsNothing,
  serviceTargetPort,
  ingressUnknownService,
  ingressUnknownPort,
  ingressNoClass,
  // Autoscaling
  hpaUnknownTarget,
  hpaCpuWithoutRequests,
  hpaMinMax,
  hpaMinReplicas,
  hpaIncomplete,
  hpaTargetWithoutReadiness,
  autoscalerConflict,
  kedaTrigger,
  // Parts kept in their own lists (sets/), so each can grow on its own.
  ...apiServerNameRules,
  ...apiServerSpecRules,
  ...kubeLinterPodRules,
  ...kubeLinterReferenceRules,
  ...kubeLinterAvailabilityRules,
  ...scalingGuideRules,
  ...kustomizeRules,
];
