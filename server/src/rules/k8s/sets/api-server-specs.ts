// What the API server would reject in ports, resources, pod specs, Ingress and autoscalers (issue 13 §1).
// One part of the registry (rules/k8s/index.ts spreads it into manifestRules): the rule modules live beside
// index.ts, one per rule with a same-named test table; this list says which belong to the part and in what order.
import type { ManifestRule } from '../../../core/rule';
import { duplicatePodNames } from '../duplicate-pod-names';
import { hpaInvalidMetric } from '../hpa-invalid-metric';
import { ingressInvalidPath } from '../ingress-invalid-path';
import { invalidCronSchedule } from '../invalid-cron-schedule';
import { invalidEnvVarName } from '../invalid-env-var-name';
import { invalidJobSpec } from '../invalid-job-spec';
import { ingressTlsHostUnserved } from '../ingress-tls-host-unserved';
import { invalidPortNumber } from '../invalid-port-number';
import { invalidQuantity } from '../invalid-quantity';
import { invalidRestartPolicy } from '../invalid-restart-policy';
import { limitsBelowRequests } from '../limits-below-requests';
import { probeHandlerCount } from '../probe-handler-count';
import { unknownVolumeMount } from '../unknown-volume-mount';

export const apiServerSpecRules: readonly ManifestRule[] = [
  invalidPortNumber,
  invalidQuantity,
  limitsBelowRequests,
  duplicatePodNames,
  unknownVolumeMount,
  probeHandlerCount,
  invalidRestartPolicy,
  invalidCronSchedule,
  invalidJobSpec,
  invalidEnvVarName,
  ingressInvalidPath,
  ingressTlsHostUnserved,
  hpaInvalidMetric,
];
