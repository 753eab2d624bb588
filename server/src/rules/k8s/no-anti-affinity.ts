// no-anti-affinity (kube-linter:no-anti-affinity): a workload with 2 or more replicas (its autoscaler's minimum when
// one scales it) whose pods have no pod anti-affinity term that spreads them over nodes: a term in the pod's
// namespace, with topologyKey kubernetes.io/hostname, whose labelSelector matches the pod's labels. Fix (unsafe,
// it changes scheduling): a preferred term on the workload's selector labels, as kube-linter's remediation says.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { mapAt, nodeAt, pairOf, podLabels, seqAt, stringMapAt, type PathKey } from '../../core/k8s/object';
import { podSpecs } from '../../core/k8s/pod-spec';
import { labelSelectorMatches } from '../../core/k8s/pod-security';
import { relocate } from '../../core/k8s/relocate';
import { replicaFloor } from '../../core/k8s/replicas';
import { mergeMap } from '../../core/k8s/yaml-merge';
import { yamlScalar, type TreeMap } from '../../core/k8s/yaml-write';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

const HOSTNAME = 'kubernetes.io/hostname';
const APP = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\nAFFINITY      containers:\n        - name: web\n          image: nginx:1.27\n';
const GOOD =
  '      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n            - weight: 100\n              podAffinityTerm:\n                labelSelector:\n                  matchLabels:\n                    app: web\n                topologyKey: kubernetes.io/hostname\n';

/** Why a PodAffinityTerm does not spread these pods over nodes (the node to point at and the reason), or undefined. */
function termProblem(term: unknown, namespace: string, labels: Record<string, string>): { node: Node; reason: string } | undefined {
  if (!isMap(term)) return undefined;
  const namespaces = seqAt(term, ['namespaces']).map((n) => (isScalar(n) ? String(n.value) : ''));
  if (namespaces.length && !namespaces.includes(namespace)) return { node: pairOf(term, 'namespaces')!.key, reason: `its namespaces do not include the pod's namespace "${namespace}"` };
  const key = nodeAt(term, ['topologyKey']);
  if (!isScalar(key) || key.value !== HOSTNAME) return { node: key ?? term, reason: `its topologyKey is not ${HOSTNAME}` };
  const selector = pairOf(term, 'labelSelector');
  if (!labelSelectorMatches(selector?.value, labels)) return { node: selector?.key ?? term, reason: "its labelSelector does not match the pod's labels" };
  return undefined;
}

export const noAntiAffinity: ManifestRule = {
  id: 'no-anti-affinity',
  aliases: ['kube-linter:no-anti-affinity'],
  severity: 'info',
  category: 'reliability',
  docs: {
    summary: 'A workload with several replicas and no pod anti-affinity spreading them over nodes.',
    why: "Without anti-affinity the scheduler may put every replica on the same node, and that node's failure, drain or upgrade takes them all down at once. A preferred `podAntiAffinity` term with `topologyKey: kubernetes.io/hostname` and a labelSelector matching the workload's own pods asks for one replica per node where possible. (A `topologySpreadConstraints` entry does this too, but kube-linter only looks for anti-affinity.)",
    bad: APP.replace('AFFINITY', ''),
    good: APP.replace('AFFINITY', GOOD),
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    for (const p of podSpecs(file)) {
      const floor = replicaFloor(workspace, p.obj);
      if (!floor || floor.count < 2) continue;
      const what = `${p.obj.kind} ${p.obj.name ?? '(unnamed)'} ${floor.scaler ? `scales down to ${floor.count} replicas` : `has ${floor.count} replicas`}`;
      const affinity = pairOf(p.spec, 'affinity');
      const anti = isMap(affinity?.value) ? pairOf(affinity.value, 'podAntiAffinity') : undefined;
      const data = { doc: p.obj.doc.index, path: p.path };
      if (!anti) {
        hits.push({ message: `${what} but no pod anti-affinity, so they may all run on one node; prefer spreading them over nodes (topologyKey ${HOSTNAME}).`, range: file.nodeRange(p.obj.doc, affinity?.key ?? p.key), data });
        continue;
      }
      const terms = [
        ...seqAt(anti.value, ['preferredDuringSchedulingIgnoredDuringExecution']).map((t) => nodeAt(t, ['podAffinityTerm'])),
        ...seqAt(anti.value, ['requiredDuringSchedulingIgnoredDuringExecution']),
      ];
      if (!terms.length) {
        hits.push({ message: `${what} but its podAntiAffinity has no preferred or required term, so they may all run on one node.`, range: file.nodeRange(p.obj.doc, anti.key) });
        continue;
      }
      const problems = terms.map((t) => termProblem(t, p.obj.namespace, podLabels(p.obj)));
      if (problems.some((x) => !x)) continue;
      for (const problem of problems) {
        if (problem) hits.push({ message: `${what} but this anti-affinity term does not spread them over nodes: ${problem.reason}.`, range: file.nodeRange(p.obj.doc, problem.node) });
      }
    }
    return hits;
  },
  fixes: [
    {
      id: 'prefer-spread',
      title: () => 'Prefer one replica per node (podAntiAffinity on kubernetes.io/hostname)',
      safe: false,
      preferred: true,
      apply(input, finding) {
        const found = relocate(input, finding);
        const spec = found && mapAt(found.obj.root, finding.data!.path as PathKey[]);
        const selector = found && (stringMapAt(found.obj.root, ['spec', 'selector', 'matchLabels']) ?? (isSeq(nodeAt(found.obj.root, ['spec', 'selector'])) ? undefined : stringMapAt(found.obj.root, ['spec', 'selector'])));
        if (!found || !spec || !selector || !Object.keys(selector).length || nodeAt(spec, ['affinity', 'podAntiAffinity'])) return null;
        const matchLabels: TreeMap = {};
        for (const [k, v] of Object.entries(selector)) matchLabels[yamlScalar(k)] = yamlScalar(v);
        const term: TreeMap = { weight: 100, podAffinityTerm: { labelSelector: { matchLabels }, topologyKey: HOSTNAME } };
        const edits = mergeMap(found.file, found.obj.doc, spec, { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [term] } } });
        return edits?.length ? { edits } : null;
      },
    },
  ],
};
