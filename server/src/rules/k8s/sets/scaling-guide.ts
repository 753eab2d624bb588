// The scaling guide's gotchas: rewrite-target, NodePort, KEDA and HPA tuning (issue 13 §3).
// One part of the registry (rules/k8s/index.ts spreads it into manifestRules): the rule modules live beside
// index.ts, one per rule with a same-named test table; this list says which belong to the part and in what order.
import type { ManifestRule } from '../../../core/rule';
import { hpaScalingTuning } from '../hpa-scaling-tuning';
import { ingressRewriteDropsPath } from '../ingress-rewrite-drops-path';
import { kedaScalingIntervals } from '../keda-scaling-intervals';
import { kedaZeroBehindService } from '../keda-zero-behind-service';
import { nodeportService } from '../nodeport-service';

export const scalingGuideRules: readonly ManifestRule[] = [ingressRewriteDropsPath, nodeportService, kedaScalingIntervals, kedaZeroBehindService, hpaScalingTuning];
