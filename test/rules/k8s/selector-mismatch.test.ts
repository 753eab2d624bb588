import { selectorMismatch } from '../../../server/src/rules/k8s/selector-mismatch';
import { ruleTable } from '../../helpers/ruleTable';

const deploy = (selector: string, templateMeta: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n${selector}  template:\n${templateMeta}    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`;
const SEL = '  selector:\n    matchLabels:\n      app: web\n      tier: frontend\n';

ruleTable(selectorMismatch, [
  {
    name: 'a matchLabels entry the template lacks: the fix adds it to the template labels',
    text: deploy(SEL, '    metadata:\n      labels:\n        app: web # keep\n'),
    expect: ['7:3-7:11'],
    messages: [/Deployment web .*tier=frontend/],
    fixed: deploy(SEL, '    metadata:\n      labels:\n        app: web # keep\n        tier: frontend\n'),
  },
  {
    name: 'template without labels: the fix creates the labels map under metadata',
    text: deploy(SEL, '    metadata:\n      annotations:\n        team: a\n'),
    expect: ['7:3-7:11'],
    fixed: deploy(SEL, '    metadata:\n      annotations:\n        team: a\n      labels:\n        app: web\n        tier: frontend\n'),
  },
  {
    name: 'template without metadata: the fix adds metadata.labels, quoting values that are not plain strings',
    text: deploy('  selector:\n    matchLabels:\n      app: web\n      version: "1.0"\n', ''),
    expect: ['7:3-7:11'],
    fixed: deploy('  selector:\n    matchLabels:\n      app: web\n      version: "1.0"\n', '    metadata:\n      labels:\n        app: web\n        version: "1.0"\n'),
  },
  {
    name: 'flow-style template labels get the label inside the braces',
    text: deploy(SEL, '    metadata:\n      labels: {app: web}\n'),
    expect: ['7:3-7:11'],
    fixed: deploy(SEL, '    metadata:\n      labels: {app: web, tier: frontend}\n'),
  },
  {
    name: 'a label with another value is reported but not rewritten (Services may select the current value)',
    text: deploy(SEL, '    metadata:\n      labels:\n        app: frontend\n        tier: frontend\n'),
    expect: ['7:3-7:11'],
    messages: [/app=web/],
    noFix: true,
  },
  {
    name: 'matchExpressions: an unmet In with one value is added, NotIn is checked too',
    text: deploy('  selector:\n    matchExpressions:\n      - key: app\n        operator: In\n        values: [web]\n', '    metadata:\n      labels:\n        tier: frontend\n'),
    expect: ['7:3-7:11'],
    messages: [/app In \(web\)/],
    fixed: deploy('  selector:\n    matchExpressions:\n      - key: app\n        operator: In\n        values: [web]\n', '    metadata:\n      labels:\n        tier: frontend\n        app: web\n'),
  },
  {
    name: 'matchExpressions the template satisfies (In, NotIn, Exists) are fine',
    text: deploy('  selector:\n    matchLabels:\n      app: web\n    matchExpressions:\n      - {key: tier, operator: In, values: [frontend, backend]}\n      - {key: track, operator: NotIn, values: [canary]}\n      - {key: app, operator: Exists}\n', '    metadata:\n      labels:\n        app: web\n        tier: frontend\n'),
    expect: [],
  },
  {
    name: 'an apps/v1 Deployment without a selector is reported on its spec key, without a fix',
    text: deploy('', '    metadata:\n      labels:\n        app: web\n'),
    expect: ['5:1-5:5'],
    messages: [/no spec.selector/],
    noFix: true,
  },
  {
    name: 'an empty selector is reported like a missing one',
    text: deploy('  selector: {}\n', '    metadata:\n      labels:\n        app: web\n'),
    expect: ['7:3-7:11'],
    messages: [/an empty spec.selector/],
  },
  {
    name: 'StatefulSet in the Kubernetes documentation style matches',
    text: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: nginx\n  serviceName: nginx\n  replicas: 3\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n        - name: nginx\n          image: registry.k8s.io/nginx-slim:0.24\n',
    expect: [],
  },
  {
    name: 'a DaemonSet in the second document of a file, with a CRLF file',
    text: 'apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: logging\r\n---\r\napiVersion: apps/v1\r\nkind: DaemonSet\r\nmetadata:\r\n  name: agent\r\nspec:\r\n  selector:\r\n    matchLabels:\r\n      name: agent\r\n  template:\r\n    metadata:\r\n      labels:\r\n        app: agent\r\n    spec:\r\n      containers:\r\n        - name: agent\r\n          image: fluentd:v1.17\r\n',
    expect: ['11:3-11:11'],
    fixed: 'apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: logging\r\n---\r\napiVersion: apps/v1\r\nkind: DaemonSet\r\nmetadata:\r\n  name: agent\r\nspec:\r\n  selector:\r\n    matchLabels:\r\n      name: agent\r\n  template:\r\n    metadata:\r\n      labels:\r\n        app: agent\r\n        name: agent\r\n    spec:\r\n      containers:\r\n        - name: agent\r\n          image: fluentd:v1.17\r\n',
  },
  {
    name: 'a ReplicationController selector is a plain label map',
    text: 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: nginx\nspec:\n  replicas: 3\n  selector:\n    app: nginx\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: nginx\n          image: nginx:1.27\n',
    expect: ['7:3-7:11'],
    messages: [/app=nginx/],
  },
  {
    name: 'Jobs without a selector, Pods and CronJobs are not checked',
    text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n      containers:\n        - name: pi\n          image: perl:5.34.0\n      restartPolicy: Never\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: p\n      image: nginx:1.27\n',
    expect: [],
  },
  {
    name: 'Helm templates are skipped',
    text: deploy('  selector:\n    matchLabels:\n      app: {{ .Release.Name }}\n', '    metadata:\n      labels:\n        app: web\n'),
    expect: [],
  },
]);
