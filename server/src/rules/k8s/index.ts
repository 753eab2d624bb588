// The registry of Kubernetes manifest rules. Adding a rule: one module beside this file, one line here, one test table.
import type { ManifestRule } from '../../core/rule';
import { duplicateEnv } from './duplicate-env';
import { imageLatest } from './image-latest';
import { k8sSchema } from './k8s-schema';
import { missingLivenessProbe } from './missing-liveness-probe';
import { missingReadinessProbe } from './missing-readiness-probe';
import { missingResources } from './missing-resources';
import { privilegeEscalation } from './privilege-escalation';
import { privilegedContainer } from './privileged-container';
import { probePortMismatch } from './probe-port-mismatch';
import { replicasWithAutoscaler } from './replicas-with-autoscaler';
import { runAsRoot } from './run-as-root';
import { selectorMismatch } from './selector-mismatch';
import { yamlSyntax } from './yaml-syntax';

export const manifestRules: readonly ManifestRule[] = [
  yamlSyntax,
  k8sSchema,
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
];
