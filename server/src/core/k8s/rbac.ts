// RBAC as the access checks see it: a Role's or ClusterRole's policy rules, the role a RoleBinding or
// ClusterRoleBinding grants (from the workspace, with aggregated ClusterRoles, or one of Kubernetes' built-in
// user-facing ClusterRoles), and which verbs on which resources a set of rules allows.
import { isScalar, type Node } from 'yaml';
import { mapAt, nodeAt, scalarAt, seqAt, stringMapAt } from './object';
import type { RuleHit } from '../types';
import type { K8sObject, ManifestFile } from './parse';
import type { Workspace } from './workspace';
import { workspaceIndex } from './workspace-index';

export interface PolicyRule {
  resources: string[];
  verbs: string[];
  /** The `resources` and `verbs` items, in order, for findings about one of them (none for built-in roles). */
  resourceNodes: Node[];
  verbNodes: Node[];
}

const strings = (nodes: Node[]): string[] => nodes.map((n) => (isScalar(n) && typeof n.value === 'string' ? n.value : ''));

/** The rules of a Role or ClusterRole. */
export function policyRules(role: K8sObject): PolicyRule[] {
  return seqAt(role.root, ['rules']).map((r) => {
    const resourceNodes = seqAt(r, ['resources']);
    const verbNodes = seqAt(r, ['verbs']);
    return { resources: strings(resourceNodes), verbs: strings(verbNodes), resourceNodes, verbNodes };
  });
}

const builtIn = (resources: string[], verbs: string[]): PolicyRule => ({ resources, verbs, resourceNodes: [], verbNodes: [] });
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const READ = ['get', 'list', 'watch'];
// Kubernetes' default user-facing ClusterRoles, reduced to the grants the access checks ask about: admin and edit
// read and write Secrets and create every workload; view reads neither Secrets nor writes anything.
const BUILT_IN_CLUSTER_ROLES: Record<string, PolicyRule[]> = {
  'cluster-admin': [builtIn(['*'], ['*'])],
  admin: [builtIn(['secrets', 'pods', 'deployments', 'statefulsets', 'replicasets', 'daemonsets', 'jobs', 'cronjobs', 'replicationcontrollers'], [...READ, ...WRITE])],
  edit: [builtIn(['secrets', 'pods', 'deployments', 'statefulsets', 'replicasets', 'daemonsets', 'jobs', 'cronjobs', 'replicationcontrollers'], [...READ, ...WRITE])],
};

export interface GrantedRole {
  /** "Role web" or "ClusterRole edit (built in)", for messages. */
  label: string;
  rules: PolicyRule[];
}

export interface RoleRef {
  kind: string;
  name: string;
  /** The roleRef's `name` value, where findings about the binding point. */
  nameNode: Node;
}

/** A RoleBinding's or ClusterRoleBinding's roleRef, when it names a Role or ClusterRole. */
export function roleRef(binding: K8sObject): RoleRef | undefined {
  if ((binding.kind !== 'RoleBinding' && binding.kind !== 'ClusterRoleBinding') || !binding.apiVersion.startsWith('rbac.authorization.k8s.io/')) return undefined;
  const kind = scalarAt(binding.root, ['roleRef', 'kind']);
  const name = scalarAt(binding.root, ['roleRef', 'name']);
  const nameNode = nodeAt(binding.root, ['roleRef', 'name']);
  if ((kind !== 'Role' && kind !== 'ClusterRole') || typeof name !== 'string' || !nameNode) return undefined;
  if (binding.kind === 'ClusterRoleBinding' && kind !== 'ClusterRole') return undefined;
  return { kind, name, nameNode };
}

/**
 * The roles a binding grants: the Role of its namespace, or the ClusterRole of that name with the ClusterRoles its
 * aggregationRule selects; a built-in ClusterRole when the workspace does not define it; [] when unknown.
 */
export function grantedRoles(workspace: Workspace, binding: K8sObject, ref: RoleRef): GrantedRole[] {
  const index = workspaceIndex(workspace);
  if (ref.kind === 'Role') {
    const role = index.find('Role', ref.name, binding.namespace);
    return role ? [{ label: `Role ${ref.name}`, rules: policyRules(role) }] : [];
  }
  const clusterRoles = index.ofKind('ClusterRole');
  const named = clusterRoles.filter((r) => r.name === ref.name);
  if (!named.length) return BUILT_IN_CLUSTER_ROLES[ref.name] ? [{ label: `ClusterRole ${ref.name} (built in)`, rules: BUILT_IN_CLUSTER_ROLES[ref.name] }] : [];
  const out: GrantedRole[] = [];
  for (const role of named) {
    out.push({ label: `ClusterRole ${ref.name}`, rules: policyRules(role) });
    for (const sel of seqAt(role.root, ['aggregationRule', 'clusterRoleSelectors'])) {
      const match = stringMapAt(sel, ['matchLabels']) ?? {};
      if (!Object.keys(match).length) continue;
      for (const other of clusterRoles) {
        const labels = stringMapAt(mapAt(other.root, ['metadata']), ['labels']) ?? {};
        if (other !== role && Object.entries(match).every(([k, v]) => labels[k] === v)) {
          out.push({ label: `ClusterRole ${other.name ?? '(unnamed)'} (aggregated into ${ref.name})`, rules: policyRules(other) });
        }
      }
    }
  }
  return out;
}

/** The grants among `rules` of any of `verbs` on any of `resources` ("*" matches all), as "get, list on secrets". */
export function accessTo(rules: readonly PolicyRule[], resources: ReadonlySet<string>, verbs: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const rule of rules) {
    const res = rule.resources.filter((r) => r === '*' || resources.has(r));
    const vs = rule.verbs.filter((v) => v === '*' || verbs.has(v));
    if (res.length && vs.length) out.push(`${vs.join(', ')} on ${res.join(', ')}`);
  }
  return out;
}

/**
 * Findings on the roleRef of each binding in a file whose granted roles allow any of `verbs` on any of `resources`:
 * "<Kind> <name> grants <role> <grants>, <advice>".
 */
export function bindingAccessHits(file: ManifestFile, workspace: Workspace, resources: ReadonlySet<string>, verbs: ReadonlySet<string>, advice: string): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const obj of file.objects) {
    const ref = roleRef(obj);
    if (!ref) continue;
    const grants = grantedRoles(workspace, obj, ref).flatMap((role) => {
      const access = accessTo(role.rules, resources, verbs);
      return access.length ? [`${role.label} ${access.join('; ')}`] : [];
    });
    if (!grants.length) continue;
    hits.push({ message: `${obj.kind} ${obj.name ?? '(unnamed)'} grants ${grants.join(' and ')}; ${advice}`, range: file.nodeRange(obj.doc, ref.nameNode) });
  }
  return hits;
}
