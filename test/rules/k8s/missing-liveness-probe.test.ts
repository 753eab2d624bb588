import { missingLivenessProbe } from '../../../server/src/rules/k8s/missing-liveness-probe';
import { deployment } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const deploy = (container: string) => deployment({ containers: [{ extra: container }] });

ruleTable(missingLivenessProbe, [
  {
    name: 'a metrics port gets an httpGet probe; a readiness probe does not count',
    text: deploy('          ports:\n            - name: metrics\n              containerPort: 9090\n          readinessProbe:\n            httpGet:\n              path: /ready\n              port: metrics\n'),
    expect: ['15:17-15:20'],
    messages: [/has no livenessProbe, so a hung process is never restarted/],
    fixed: deploy('          ports:\n            - name: metrics\n              containerPort: 9090\n          readinessProbe:\n            httpGet:\n              path: /ready\n              port: metrics\n          livenessProbe:\n            httpGet:\n              path: /healthz\n              port: metrics\n            initialDelaySeconds: 5\n            periodSeconds: 10\n'),
  },
  {
    name: 'a gRPC port named grpc gets a TCP probe even on 8080',
    text: deploy('          ports:\n            - name: grpc\n              containerPort: 8080\n'),
    expect: ['15:17-15:20'],
    fixed: deploy('          ports:\n            - name: grpc\n              containerPort: 8080\n          livenessProbe:\n            tcpSocket:\n              port: grpc\n            initialDelaySeconds: 5\n            periodSeconds: 10\n'),
  },
  {
    name: 'a CRLF manifest keeps its line endings',
    text: deploy('          ports:\n            - containerPort: 6379\n').replace(/\n/g, '\r\n'),
    expect: ['15:17-15:20'],
    fixed: deploy('          ports:\n            - containerPort: 6379\n          livenessProbe:\n            tcpSocket:\n              port: 6379\n            initialDelaySeconds: 5\n            periodSeconds: 10\n').replace(/\n/g, '\r\n'),
  },
  { name: 'no ports: reported without a fix', text: deploy(''), expect: ['15:17-15:20'], noFix: true },
  {
    name: 'a liveness probe of any kind is fine',
    text: deploy('          livenessProbe:\n            exec:\n              command: [cat, /tmp/healthy]\n'),
    expect: [],
  },
  {
    name: 'CronJobs are not long-running',
    text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: hello\n              image: busybox:1.28\n          restartPolicy: OnFailure\n',
    expect: [],
  },
]);
