// kube-linter's availability, disruption-budget, job and RBAC checks (issue 13 §2).
// One part of the registry (rules/k8s/index.ts spreads it into manifestRules): the rule modules live beside
// index.ts, one per rule with a same-named test table; this list says which belong to the part and in what order.
import type { ManifestRule } from '../../../core/rule';
import { accessToCreatePods } from '../access-to-create-pods';
import { accessToSecrets } from '../access-to-secrets';
import { clusterAdminRoleBinding } from '../cluster-admin-role-binding';
import { hpaMinimumThreeReplicas } from '../hpa-minimum-three-replicas';
import { jobTtlSecondsAfterFinished } from '../job-ttl-seconds-after-finished';
import { minimumThreeReplicas } from '../minimum-three-replicas';
import { noAntiAffinity } from '../no-anti-affinity';
import { noNodeAffinity } from '../no-node-affinity';
import { noRollingUpdateStrategy } from '../no-rolling-update-strategy';
import { pdbMaxUnavailable } from '../pdb-max-unavailable';
import { pdbMinAvailable } from '../pdb-min-available';
import { pdbUnhealthyPodEvictionPolicy } from '../pdb-unhealthy-pod-eviction-policy';
import { restartPolicy } from '../restart-policy';
import { wildcardInRules } from '../wildcard-in-rules';

export const kubeLinterAvailabilityRules: readonly ManifestRule[] = [
  // Replicas and scheduling
  noAntiAffinity,
  noNodeAffinity,
  noRollingUpdateStrategy,
  minimumThreeReplicas,
  hpaMinimumThreeReplicas,
  // Disruption budgets
  pdbMaxUnavailable,
  pdbMinAvailable,
  pdbUnhealthyPodEvictionPolicy,
  // Jobs and restarts
  jobTtlSecondsAfterFinished,
  restartPolicy,
  // RBAC
  accessToSecrets,
  accessToCreatePods,
  clusterAdminRoleBinding,
  wildcardInRules,
];
