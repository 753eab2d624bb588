import { missingReadinessProbe } from '../../../server/src/rules/k8s/missing-readiness-probe';
import { deployment } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const deploy = (container: string, kind = 'Deployment') => deployment({ kind, containers: [{ extra: container }] });
const probe = (check: string) => `          readinessProbe:\n${check}            initialDelaySeconds: 5\n            periodSeconds: 10\n`;

ruleTable(missingReadinessProbe, [
  {
    name: 'a named http port gets an httpGet probe on the port name',
    text: deploy('          ports:\n            - name: http\n              containerPort: 80\n'),
    expect: ['15:17-15:20'],
    messages: [/Container "web" of Deployment web has no readinessProbe/],
    fixed: deploy(`          ports:\n            - name: http\n              containerPort: 80\n${probe('            httpGet:\n              path: /healthz\n              port: http\n')}`),
  },
  {
    name: 'an unnamed 8080 port gets an httpGet probe on the number',
    text: deploy('          ports:\n            - containerPort: 8080\n          env:\n            - name: MODE\n              value: prod\n'),
    expect: ['15:17-15:20'],
    fixed: deploy(`          ports:\n            - containerPort: 8080\n          env:\n            - name: MODE\n              value: prod\n${probe('            httpGet:\n              path: /healthz\n              port: 8080\n')}`),
  },
  {
    name: 'a database port gets a TCP probe (StatefulSet)',
    text: deploy('          ports:\n            - name: postgres\n              containerPort: 5432\n', 'StatefulSet'),
    expect: ['15:17-15:20'],
    fixed: deploy(`          ports:\n            - name: postgres\n              containerPort: 5432\n${probe('            tcpSocket:\n              port: postgres\n')}`, 'StatefulSet'),
  },
  {
    name: 'TLS ports (443, names with https) get a TCP probe: an httpGet without scheme would fail',
    text: deploy('          ports:\n            - name: https\n              containerPort: 8443\n', 'DaemonSet'),
    expect: ['15:17-15:20'],
    fixed: deploy(`          ports:\n            - name: https\n              containerPort: 8443\n${probe('            tcpSocket:\n              port: https\n')}`, 'DaemonSet'),
  },
  {
    name: 'without ports there is nothing to probe: reported without a fix',
    text: deploy('          args: [--worker]\n'),
    expect: ['15:17-15:20'],
    noFix: true,
  },
  {
    name: 'a container with a readiness probe is fine (Kubernetes documentation style)',
    text: deploy('          ports:\n            - containerPort: 80\n          readinessProbe:\n            tcpSocket:\n              port: 80\n            periodSeconds: 10\n'),
    expect: [],
  },
  {
    name: 'Jobs, CronJobs, init containers and Pods that do not restart are not checked',
    text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n      containers:\n        - name: pi\n          image: perl:5.34.0\n      restartPolicy: Never\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: once\nspec:\n  restartPolicy: OnFailure\n  initContainers:\n    - name: init\n      image: busybox:1.36\n  containers:\n    - name: once\n      image: busybox:1.36\n',
    expect: [],
  },
  {
    name: 'a bare Pod that restarts is long-running; only its app container is reported',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n    - name: init\n      image: busybox:1.36\n  containers:\n    - name: app\n      image: app:1.2\n      ports: [{containerPort: 3000}]\n',
    expect: ['10:13-10:16'],
    fixed: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n    - name: init\n      image: busybox:1.36\n  containers:\n    - name: app\n      image: app:1.2\n      ports: [{containerPort: 3000}]\n      readinessProbe:\n        httpGet:\n          path: /healthz\n          port: 3000\n        initialDelaySeconds: 5\n        periodSeconds: 10\n',
  },
  { name: 'Helm templates are skipped', text: deploy('          ports:\n            - containerPort: {{ .Values.port }}\n'), expect: [] },
]);
