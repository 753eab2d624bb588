import { privilegeEscalation } from '../../../server/src/rules/k8s/privilege-escalation';
import { pod as podOf } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const pod = (sc: string) => podOf({ containers: [{ extra: sc }] });

ruleTable(privilegeEscalation, [
  {
    name: 'allowPrivilegeEscalation: true is replaced by false, keeping the comment',
    text: pod('      securityContext:\n        allowPrivilegeEscalation: true # needed?\n        runAsNonRoot: true\n'),
    expect: ['10:35-10:39'],
    messages: [/Container "web" allows privilege escalation/],
    fixed: pod('      securityContext:\n        allowPrivilegeEscalation: false # needed?\n        runAsNonRoot: true\n'),
  },
  {
    name: 'flow style',
    text: pod('      securityContext: {allowPrivilegeEscalation: true}\n'),
    expect: ['9:51-9:55'],
    fixed: pod('      securityContext: {allowPrivilegeEscalation: false}\n'),
  },
  {
    name: 'YAML 1.2 spelling True is a boolean too',
    text: pod('      securityContext:\n        allowPrivilegeEscalation: True\n'),
    expect: ['10:35-10:39'],
    fixed: pod('      securityContext:\n        allowPrivilegeEscalation: false\n'),
  },
  {
    name: 'with privileged: true the API server rejects false: reported without a fix',
    text: pod('      securityContext:\n        privileged: true\n        allowPrivilegeEscalation: true\n'),
    expect: ['11:35-11:39'],
    noFix: true,
  },
  {
    name: 'with CAP_SYS_ADMIN added the API server rejects false: reported without a fix',
    text: pod('      securityContext:\n        allowPrivilegeEscalation: true\n        capabilities:\n          add: ["SYS_ADMIN"]\n'),
    expect: ['10:35-10:39'],
    noFix: true,
  },
  { name: 'false is fine', text: pod('      securityContext:\n        allowPrivilegeEscalation: false\n'), expect: [] },
  { name: 'unset is not flagged (only an explicit true)', text: pod('      securityContext:\n        runAsNonRoot: true\n'), expect: [] },
  {
    name: 'a StatefulSet container in a second document',
    text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  selector:\n    app: db\n  ports:\n    - port: 5432\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels:\n      app: db\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n        - name: db\n          image: postgres:16\n          securityContext:\n            allowPrivilegeEscalation: true\n',
    expect: ['29:39-29:43'],
    fixed: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  selector:\n    app: db\n  ports:\n    - port: 5432\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels:\n      app: db\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n        - name: db\n          image: postgres:16\n          securityContext:\n            allowPrivilegeEscalation: false\n',
  },
  { name: 'Helm templates are skipped', text: pod('      securityContext:\n        allowPrivilegeEscalation: true\n        runAsUser: {{ .Values.uid }}\n'), expect: [] },
]);
