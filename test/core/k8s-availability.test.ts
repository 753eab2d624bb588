// The knowledge behind the availability and RBAC checks: replica counts and autoscaler floors (replicas.ts), a
// disruption budget's bounds and selected workloads (disruption-budget.ts), and RBAC grants (rbac.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPdb, pdbBound, pdbWorkloads } from '../../server/src/core/k8s/disruption-budget';
import { parseManifest } from '../../server/src/core/k8s/parse';
import { accessTo, grantedRoles, policyRules, roleRef } from '../../server/src/core/k8s/rbac';
import { declaredReplicas, replicaFloor } from '../../server/src/core/k8s/replicas';
import { ManifestWorkspace } from '../../server/src/core/k8s/workspace';
import { deployment, hpa } from '../helpers/k8s';

const objects = (text: string) => parseManifest(text, '/ws/a.yaml').objects;
const workspace = (text: string) => new ManifestWorkspace().with(parseManifest(text, '/ws/a.yaml'));

describe('replica counts', () => {
  it('spec.replicas, 1 when unset, nothing for kinds without one or a non-number', () => {
    assert.equal(declaredReplicas(objects(deployment({ replicas: 4 }))[0])?.count, 4);
    assert.equal(declaredReplicas(objects(deployment())[0])?.count, 1);
    assert.equal(declaredReplicas(objects(deployment({ kind: 'DaemonSet' }))[0]), undefined);
    assert.equal(declaredReplicas(objects(deployment({ replicas: '"3"' }))[0]), undefined);
  });

  it("an autoscaler's minimum replaces the count: HPA default 1, ScaledObject default 0", () => {
    const withHpa = `${deployment({ replicas: 5 })}---\n${hpa({ spec: '  maxReplicas: 10\n' })}`;
    const floor = replicaFloor(workspace(withHpa), objects(withHpa)[0]);
    assert.deepEqual([floor?.count, floor?.scaler?.kind], [1, 'HorizontalPodAutoscaler']);
    const keda = `${deployment()}---\napiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    name: web\n  triggers: []\n`;
    assert.equal(replicaFloor(workspace(keda), objects(keda)[0])?.count, 0);
  });
});

describe('disruption budgets', () => {
  const pdb = (spec: string) => `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n${spec}`;

  it('bounds as numbers or percentages', () => {
    const [a] = objects(pdb('  minAvailable: 2\n'));
    assert.ok(isPdb(a));
    assert.deepEqual([pdbBound(a, 'minAvailable')?.value, pdbBound(a, 'minAvailable')?.percent], [2, false]);
    assert.equal(pdbBound(objects(pdb('  maxUnavailable: 25%\n'))[0], 'maxUnavailable')?.percent, true);
    assert.equal(pdbBound(objects(pdb('  maxUnavailable: "1.5"\n'))[0], 'maxUnavailable'), undefined);
  });

  it('selects workloads of its namespace by their pod labels; no selector selects none', () => {
    const text = `${deployment()}---\n${deployment({ name: 'api' })}---\n${pdb('  selector:\n    matchLabels:\n      app: web\n')}`;
    assert.deepEqual(pdbWorkloads(workspace(text), objects(text)[2]).map((w) => w.obj.name), ['web']);
    const bare = `${deployment()}---\n${pdb('  minAvailable: 1\n')}`;
    assert.deepEqual(pdbWorkloads(workspace(bare), objects(bare)[1]), []);
  });
});

describe('RBAC grants', () => {
  const RBAC = 'apiVersion: rbac.authorization.k8s.io/v1\n';
  const binding = (kind: string, refKind: string, name: string) => `${RBAC}kind: ${kind}\nmetadata:\n  name: b\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ${refKind}\n  name: ${name}\n`;

  it('a ClusterRoleBinding only references ClusterRoles', () => {
    assert.equal(roleRef(objects(binding('ClusterRoleBinding', 'Role', 'r'))[0]), undefined);
    const ref = roleRef(objects(binding('RoleBinding', 'Role', 'r'))[0]);
    assert.deepEqual([ref?.kind, ref?.name], ['Role', 'r']);
  });

  it('roles from the workspace, aggregated ClusterRoles, and the built-in ones', () => {
    const text = `${RBAC}kind: ClusterRole\nmetadata:\n  name: agg\naggregationRule:\n  clusterRoleSelectors:\n    - matchLabels: {to-agg: "true"}\nrules: []\n---\n${RBAC}kind: ClusterRole\nmetadata:\n  name: part\n  labels: {to-agg: "true"}\nrules:\n  - resources: [secrets]\n    verbs: [get]\n---\n${binding('ClusterRoleBinding', 'ClusterRole', 'agg')}`;
    const b = objects(text)[2];
    const roles = grantedRoles(workspace(text), b, roleRef(b)!);
    assert.deepEqual(roles.map((r) => r.label), ['ClusterRole agg', 'ClusterRole part (aggregated into agg)']);
    const edit = objects(binding('RoleBinding', 'ClusterRole', 'edit'))[0];
    assert.deepEqual(grantedRoles(workspace(''), edit, roleRef(edit)!).map((r) => r.label), ['ClusterRole edit (built in)']);
    const view = objects(binding('RoleBinding', 'ClusterRole', 'view'))[0];
    assert.deepEqual(grantedRoles(workspace(''), view, roleRef(view)!), []);
  });

  it('grants match by name or "*"', () => {
    const [role] = objects(`${RBAC}kind: Role\nmetadata:\n  name: r\nrules:\n  - resources: [pods, secrets]\n    verbs: [get, update]\n  - resources: ["*"]\n    verbs: [delete]\n`);
    const rules = policyRules(role);
    assert.deepEqual(accessTo(rules, new Set(['secrets']), new Set(['get', 'delete'])), ['get on secrets', 'delete on *']);
    assert.deepEqual(accessTo(rules, new Set(['configmaps']), new Set(['create'])), []);
  });
});
