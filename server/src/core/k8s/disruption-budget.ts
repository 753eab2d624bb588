// PodDisruptionBudgets as the disruption checks see them: which objects are budgets, the workloads whose pods a
// budget's selector matches, and its minAvailable/maxUnavailable as a whole number or a percentage.
import { isScalar, type Node } from 'yaml';
import { nodeAt } from './object';
import type { K8sObject } from './parse';
import { labelSelectorMatches } from './pod-security';
import type { Workspace } from './workspace';
import { workspaceIndex, type Workload } from './workspace-index';

/** True for a PodDisruptionBudget of any policy/* version. */
export function isPdb(obj: K8sObject): boolean {
  return obj.kind === 'PodDisruptionBudget' && obj.apiVersion.startsWith('policy/');
}

/** The workloads of the budget's namespace whose pod labels its spec.selector matches ([] without a selector). */
export function pdbWorkloads(workspace: Workspace, pdb: K8sObject): Workload[] {
  const selector = nodeAt(pdb.root, ['spec', 'selector']);
  if (!selector) return [];
  return workspaceIndex(workspace).workloads(pdb.namespace).filter((w) => labelSelectorMatches(selector, w.labels));
}

export interface IntOrPercent {
  value: number;
  percent: boolean;
  node: Node;
}

/** spec.minAvailable or spec.maxUnavailable as a whole number or "N%"; undefined when absent or neither. */
export function pdbBound(pdb: K8sObject, key: 'minAvailable' | 'maxUnavailable'): IntOrPercent | undefined {
  const node = nodeAt(pdb.root, ['spec', key]);
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'number') return Number.isInteger(node.value) ? { value: node.value, percent: false, node } : undefined;
  const m = typeof node.value === 'string' ? /^(\d+)%$/.exec(node.value) : null;
  return m ? { value: Number(m[1]), percent: true, node } : undefined;
}
