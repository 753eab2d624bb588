import { duplicateEnv } from '../../../server/src/rules/k8s/duplicate-env';
import { pod as podOf } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const pod = (env: string) => podOf({ containers: [{ extra: `      env:\n${env}      ports:\n        - containerPort: 80\n` }] });

ruleTable(duplicateEnv, [
  {
    name: 'the second name is reported; the fix removes the earlier entry with its nested value',
    text: pod('        - name: LOG_LEVEL\n          value: info\n        - name: PORT\n          value: "80"\n        - name: LOG_LEVEL # override\n          valueFrom:\n            configMapKeyRef:\n              name: cfg\n              key: level\n'),
    expect: ['14:17-14:26'],
    messages: [/LOG_LEVEL is set twice in the env of container "web"/],
    fixed: pod('        - name: PORT\n          value: "80"\n        - name: LOG_LEVEL # override\n          valueFrom:\n            configMapKeyRef:\n              name: cfg\n              key: level\n'),
  },
  {
    name: 'three occurrences: two hits, each fix removes the entry before it',
    text: pod('        - name: A\n          value: "1"\n        - name: A\n          value: "2"\n        - name: A\n          value: "3"\n'),
    expect: ['12:17-12:18', '14:17-14:18'],
    fixHit: 1,
    fixed: pod('        - name: A\n          value: "1"\n        - name: A\n          value: "3"\n'),
  },
  {
    name: 'flow-style items in a block list',
    text: pod('        - {name: DEBUG, value: "false"}\n        - {name: DEBUG, value: "true"}\n'),
    expect: ['11:18-11:23'],
    fixed: pod('        - {name: DEBUG, value: "true"}\n'),
  },
  {
    name: 'an entry in between that expands $(NAME) would change: reported without a fix',
    text: pod('        - name: HOST\n          value: db\n        - name: URL\n          value: postgres://$(HOST):5432\n        - name: HOST\n          value: db.prod\n'),
    expect: ['14:17-14:21'],
    noFix: true,
  },
  {
    name: 'a flow env list is reported without a fix',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      env: [{name: A, value: "1"}, {name: A, value: "2"}]\n',
    expect: ['9:43-9:44'],
    noFix: true,
  },
  { name: 'distinct names are fine', text: pod('        - name: A\n          value: "1"\n        - name: B\n          value: "1"\n'), expect: [] },
  {
    name: 'the same name in two containers is fine; init containers are checked',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      initContainers:\n        - name: init\n          image: busybox:1.36\n          env:\n            - name: MODE\n              value: a\n            - name: MODE\n              value: b\n      containers:\n        - name: web\n          image: nginx:1.27\n          env:\n            - name: MODE\n              value: b\n',
    expect: ['20:21-20:25'],
    messages: [/init container "init"/],
  },
  { name: 'Helm templates are skipped', text: pod('        - name: A\n          value: {{ .Values.a }}\n        - name: A\n          value: "2"\n'), expect: [] },
]);
