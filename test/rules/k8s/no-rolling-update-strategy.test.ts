// no-rolling-update-strategy: Recreate / OnDelete / other non-rolling strategy types, at the type; the fix writes
// the rolling type where nothing of the old strategy is left in the way.
import { noRollingUpdateStrategy } from '../../../server/src/rules/k8s/no-rolling-update-strategy';
import { deployment } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const withStrategy = (kind: string, lines: string) => deployment({ kind }).replace('  selector:\n', `${lines}  selector:\n`);
const DC = (strategy: string) =>
  `apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata:\n  name: web\nspec:\n  replicas: 2\n${strategy}  selector:\n    app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`;

ruleTable(noRollingUpdateStrategy, [
  {
    name: 'a Deployment with Recreate',
    text: withStrategy('Deployment', '  strategy:\n    type: Recreate\n'),
    expect: ['7:11-7:19'],
    messages: [/^Deployment web updates with the Recreate strategy, so every rollout stops all pods before starting new ones; use RollingUpdate\./],
    fixed: withStrategy('Deployment', '  strategy:\n    type: RollingUpdate\n'),
  },
  {
    name: 'a StatefulSet with OnDelete',
    text: withStrategy('StatefulSet', '  updateStrategy:\n    type: OnDelete\n'),
    expect: ['7:11-7:19'],
    messages: [/so new versions roll out only when someone deletes the old pods/],
    fixed: withStrategy('StatefulSet', '  updateStrategy:\n    type: RollingUpdate\n'),
  },
  { name: 'a DaemonSet in flow style', text: withStrategy('DaemonSet', '  updateStrategy: {type: OnDelete}\n'), expect: ['6:26-6:34'], fixed: withStrategy('DaemonSet', '  updateStrategy: {type: RollingUpdate}\n') },
  { name: 'a DeploymentConfig: Rolling', text: DC('  strategy:\n    type: Recreate\n'), expect: ['8:11-8:19'], messages: [/use Rolling\./], fixed: DC('  strategy:\n    type: Rolling\n') },
  { name: 'recreateParams would be refused next to Rolling: no fix', text: DC('  strategy:\n    type: Recreate\n    recreateParams:\n      timeoutSeconds: 600\n'), expect: ['8:11-8:19'], noFix: true },
  { name: 'RollingUpdate', text: withStrategy('Deployment', '  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 1\n'), expect: [] },
  { name: 'no strategy: the rolling default', text: deployment(), expect: [] },
  { name: 'a DeploymentConfig with Rolling', text: DC('  strategy:\n    type: Rolling\n'), expect: [] },
  { name: 'a ReplicaSet has no update strategy', text: deployment({ kind: 'ReplicaSet' }), expect: [] },
]);
