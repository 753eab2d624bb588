import { probePortMismatch } from '../../../server/src/rules/k8s/probe-port-mismatch';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { pod as podOf } from '../../helpers/k8s';
import { ruleTable, runRule } from '../../helpers/ruleTable';

const pod = (container: string) => podOf({ containers: [{ extra: container }] });
const PORTS = '      ports:\n        - name: http\n          containerPort: 8080\n';

ruleTable(probePortMismatch, [
  {
    name: 'a named port no container port has is an error',
    text: pod(`${PORTS}      readinessProbe:\n        httpGet:\n          path: /ready\n          port: web\n`),
    expect: ['15:17-15:20'],
    messages: [/readinessProbe of container "web" uses port "web", but its named ports are http/],
    noFix: true,
  },
  {
    name: 'a named port on a container without ports is an error too',
    text: pod('      livenessProbe:\n        tcpSocket:\n          port: http\n'),
    expect: ['11:17-11:21'],
    messages: [/it has no named ports/],
  },
  {
    name: 'an undeclared number is a warning when the container lists its ports (startup and gRPC probes too)',
    text: pod(`${PORTS}      startupProbe:\n        httpGet:\n          path: /\n          port: 8081\n      livenessProbe:\n        grpc:\n          port: 9090\n`),
    expect: ['15:17-15:21', '18:17-18:21'],
    messages: [/startupProbe .* port 8081, which the container does not declare \(its ports: 8080\)/, /livenessProbe/],
  },
  {
    name: 'undeclared numbers are fine when the container declares no ports',
    text: pod('      readinessProbe:\n        tcpSocket:\n          port: 5432\n'),
    expect: [],
  },
  {
    name: 'matching names and numbers (Kubernetes documentation style)',
    text: pod(`${PORTS}      livenessProbe:\n        httpGet:\n          path: /healthz\n          port: http\n      readinessProbe:\n        tcpSocket:\n          port: 8080\n`),
    expect: [],
  },
  {
    name: 'a probe with a host targets another machine: its number is not checked',
    text: pod(`${PORTS}      livenessProbe:\n        httpGet:\n          host: 10.0.0.1\n          path: /\n          port: 80\n`),
    expect: [],
  },
  {
    name: 'the port of another container does not count for a named port (lookup is per container)',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: app\n          image: app:1.2\n          readinessProbe:\n            httpGet:\n              path: /\n              port: metrics\n        - name: exporter\n          image: exporter:0.5\n          ports:\n            - name: metrics\n              containerPort: 9100\n',
    expect: ['20:21-20:28'],
  },
  {
    name: 'a sidecar init container (restartPolicy: Always) is checked like a container',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n    - name: proxy\n      image: envoy:1.31\n      restartPolicy: Always\n      ports: [{name: admin, containerPort: 9901}]\n      readinessProbe:\n        httpGet: {path: /ready, port: admn}\n  containers:\n    - name: app\n      image: app:1.2\n',
    expect: ['12:39-12:43'],
    messages: [/init container "proxy"/],
  },
  {
    name: 'a StatefulSet probing a port name that differs from the declared one',
    text: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels:\n      app: db\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n        - name: db\n          image: postgres:16\n          ports:\n            - name: pg\n              containerPort: 5432\n          readinessProbe:\n            tcpSocket:\n              port: postgres\n',
    expect: ['23:21-23:29'],
  },
  { name: 'Helm templates are skipped', text: pod(`${PORTS}      readinessProbe:\n        httpGet:\n          port: {{ .Values.port }}\n`), expect: [] },
]);

it('probe-port-mismatch: unknown names are errors, undeclared numbers warnings', () => {
  const text = pod(`${PORTS}      livenessProbe:\n        tcpSocket:\n          port: web\n      readinessProbe:\n        tcpSocket:\n          port: 9000\n`);
  assert.deepEqual(runRule(probePortMismatch, { text }).map((f) => f.severity), ['error', 'warning']);
});
