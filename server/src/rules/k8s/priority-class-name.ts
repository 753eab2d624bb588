// priority-class-name (kube-linter:priority-class-name, off by default): a pod whose priorityClassName is neither
// a built-in class nor a PriorityClass the workspace defines.
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';
import { podSpecString, podSpecs } from '../../core/k8s/pod-spec';
import { closestName } from '../../core/k8s/references';
import { workspaceIndex } from '../../core/k8s/workspace-index';

/** The classes every cluster has. */
const BUILT_IN = ['system-cluster-critical', 'system-node-critical'];

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  priorityClassName: CLASS\n  containers:\n    - name: web\n      image: nginx:1.27\n---\napiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: high-priority\nvalue: 1000000\n';

export const priorityClassName: ManifestRule = {
  id: 'priority-class-name',
  aliases: ['kube-linter:priority-class-name'],
  severity: 'warning',
  category: 'correctness',
  offByDefault: true,
  docs: {
    summary: 'A pod whose `priorityClassName` is not a built-in class nor a PriorityClass of the workspace.',
    why: 'The Priority admission plugin refuses to create a pod whose class does not exist (`no PriorityClass with name … was found`), so a Deployment gets no pods. A class name also decides which pods the scheduler evicts first; keeping the accepted names in the repository (built-in ones, or PriorityClass objects beside the workloads) makes that choice reviewable.',
    bad: POD.replace('CLASS', 'high-prio'),
    good: POD.replace('CLASS', 'high-priority'),
  },
  check({ file, workspace }) {
    const hits: RuleHit[] = [];
    const index = workspaceIndex(workspace);
    // PriorityClass is cluster-scoped: any namespace a manifest wrote on one does not matter.
    const defined = index.memo('priority-class-name', 'names', () => new Set(index.ofKind('PriorityClass').map((c) => c.name).filter((n): n is string => !!n)));
    for (const p of podSpecs(file)) {
      const named = podSpecString(p, 'priorityClassName');
      if (!named || named.value === '' || BUILT_IN.includes(named.value) || defined.has(named.value)) continue;
      const near = closestName(named.value, [...BUILT_IN, ...defined]);
      hits.push({
        message: `priorityClassName ${named.value} is neither a built-in class (${BUILT_IN.join(', ')}) nor a PriorityClass in the workspace${near ? `; did you mean ${near}?` : ''}. Pods naming a class that does not exist are refused; define it or use an existing one.`,
        range: file.nodeRange(p.obj.doc, named.node),
      });
    }
    return hits;
  },
};
