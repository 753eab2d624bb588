import { missingResources } from '../../../server/src/rules/k8s/missing-resources';
import { deployment } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const deploy = (container: string, namespace?: string) => deployment({ namespace, containers: [{ extra: container }] });
const FULL = '          resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n            limits:\n              memory: 256Mi\n';
const LIMIT_RANGE = 'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: shop\nspec:\n  limits:\n    - type: Container\n      default:\n        memory: 512Mi\n      defaultRequest:\n        cpu: 250m\n';

ruleTable(missingResources, [
  {
    name: 'no resources at all: one hit on the container name, the fix adds the whole block',
    text: deploy('          ports:\n            - containerPort: 80\n'),
    expect: ['15:17-15:20'],
    messages: [/Container "web" sets no resources.requests.cpu, resources.requests.memory, resources.limits.memory/],
    fixed: deploy(`          ports:\n            - containerPort: 80\n${FULL}`),
  },
  {
    name: 'requests set, memory limit missing: the placeholder limit starts from the request (never below it)',
    text: deploy('          resources:\n            requests:\n              cpu: 500m\n              memory: 1Gi # measured\n'),
    expect: ['15:17-15:20'],
    messages: [/sets no resources.limits.memory;/],
    fixed: deploy('          resources:\n            requests:\n              cpu: 500m\n              memory: 1Gi # measured\n            limits:\n              memory: 1Gi\n'),
  },
  {
    name: 'only a cpu request: the memory request goes into requests, the limit into a new limits map',
    text: deploy('          resources:\n            requests:\n              cpu: 100m\n'),
    expect: ['15:17-15:20'],
    fixed: deploy(FULL),
  },
  {
    name: 'a flow-style requests map is merged into in flow style',
    text: deploy('          resources:\n            requests: {cpu: 100m}\n'),
    expect: ['15:17-15:20'],
    messages: [/sets no resources.requests.memory, resources.limits.memory;/],
    fixed: deploy('          resources:\n            requests: {cpu: 100m, memory: 128Mi}\n            limits:\n              memory: 256Mi\n'),
  },
  {
    name: 'limits alone are enough: omitted requests default to the limits',
    text: deploy('          resources:\n            limits:\n              cpu: "1"\n              memory: 512Mi\n'),
    expect: [],
  },
  {
    name: 'init containers count; an unnamed container is reported on its "- " item',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n    - name: migrate\n      image: app:1.2\n  containers:\n    - image: app:1.2\n' + FULL.replace(/^ {4}/gm, ''),
    expect: ['7:13-7:20'],
    messages: [/Init container "migrate"/],
    fixed: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n    - name: migrate\n      image: app:1.2\n' + FULL.replace(/^ {4}/gm, '') + '  containers:\n    - image: app:1.2\n' + FULL.replace(/^ {4}/gm, ''),
  },
  {
    name: 'unnamed container without resources: the hit is its "- "',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - image: app:1.2\n',
    expect: ['7:5-7:6'],
    messages: [/Container #1/],
  },
  {
    name: 'a LimitRange of the same namespace (in another file) supplies the defaults',
    text: deploy('', 'shop'),
    files: { 'limits.yaml': LIMIT_RANGE },
    expect: [],
  },
  {
    name: "another namespace's LimitRange does not count",
    text: deploy(''),
    files: { 'limits.yaml': LIMIT_RANGE },
    expect: ['15:17-15:20'],
  },
  {
    name: 'CronJob containers are checked',
    text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: hello\n              image: busybox:1.28\n              command: [date]\n          restartPolicy: OnFailure\n',
    expect: ['12:21-12:26'],
    fixed: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: hello\n              image: busybox:1.28\n              command: [date]\n' + FULL.replace(/^/gm, '    ').replace(/ +$/, '') + '          restartPolicy: OnFailure\n',
  },
  { name: 'a complete container is fine', text: deploy(FULL), expect: [] },
  { name: 'Helm templates are skipped', text: deploy('          resources: {{ toYaml .Values.resources }}\n'), expect: [] },
]);
