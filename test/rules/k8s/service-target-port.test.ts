import assert from 'node:assert/strict';
import { it } from 'node:test';
import { serviceTargetPort } from '../../../server/src/rules/k8s/service-target-port';
import { deployment, service } from '../../helpers/k8s';
import { ruleTable, runRule } from '../../helpers/ruleTable';

const svc = (ports: string, namespace?: string) => service({ namespace, ports });
const deploy = (ports: string, kind = 'Deployment', namespace?: string) => deployment({ kind, namespace, containers: [{ extra: ports }] });
const HTTP = '          ports:\n            - name: http\n              containerPort: 8080\n';

ruleTable(serviceTargetPort, [
  {
    name: 'unknown port name',
    text: `${svc('    - port: 80\n      targetPort: web\n')}---\n${deploy(HTTP)}`,
    expect: ['10:19-10:22'],
    messages: [/targetPort "web" of Service web is not declared by any container of Deployment web \(declared: 8080, http\)/],
    noFix: true,
  },
  {
    name: 'unknown port number',
    text: `${svc('    - port: 80\n      targetPort: 80\n')}---\n${deploy(HTTP)}`,
    expect: ['10:19-10:21'],
    messages: [/targetPort 80 of Service web/],
  },
  {
    name: 'targetPort defaults to port',
    text: `${svc('    - name: http\n      port: 80\n')}---\n${deploy(HTTP)}`,
    expect: ['10:13-10:15'],
  },
  { name: 'matching name and number', text: `${svc('    - name: a\n      port: 80\n      targetPort: http\n    - name: b\n      port: 81\n      targetPort: 8080\n')}---\n${deploy(HTTP)}`, expect: [] },
  { name: 'containers declare no ports: numbers are not checked', text: `${svc('    - port: 80\n      targetPort: 8080\n')}---\n${deploy('')}`, expect: [] },
  {
    name: 'a name never resolves when containers declare no ports',
    text: `${svc('    - port: 80\n      targetPort: http\n')}---\n${deploy('')}`,
    expect: ['10:19-10:23'],
    messages: [/declared: none/],
  },
  { name: 'selector matches nothing: not checked', text: svc('    - port: 80\n      targetPort: http\n'), expect: [] },
  { name: 'workload in another file (StatefulSet)', text: svc('    - port: 80\n      targetPort: http\n'), files: { 'sts.yaml': deploy(HTTP, 'StatefulSet') }, expect: [] },
  {
    name: 'workload in another namespace does not count',
    text: svc('    - port: 80\n      targetPort: http\n'),
    files: { 'prod.yaml': deploy(HTTP, 'Deployment', 'prod'), 'default.yaml': deploy('          ports:\n            - name: metrics\n              containerPort: 9090\n') },
    expect: ['10:19-10:23'],
    messages: [/declared: 9090, metrics\)/],
  },
  {
    name: 'a port declared by one of two selected workloads',
    text: `${svc('    - port: 80\n      targetPort: metrics\n')}---\n${deploy(HTTP)}---\n${deploy('          ports:\n            - name: metrics\n              containerPort: 9090\n', 'DaemonSet')}`,
    expect: [],
  },
  { name: 'quoted numeric targetPort is a number', text: `${svc('    - port: 80\n      targetPort: "8080"\n')}---\n${deploy(HTTP)}`, expect: [] },
  { name: 'Helm templates are skipped', text: `${svc('    - port: 80\n      targetPort: {{ .Values.port }}\n')}---\n${deploy(HTTP)}`, expect: [] },
]);

it('service-target-port: unknown names are errors, unknown numbers warnings', () => {
  const text = `${svc('    - name: a\n      port: 80\n      targetPort: web\n    - name: b\n      port: 81\n')}---\n${deploy(HTTP)}`;
  assert.deepEqual(runRule(serviceTargetPort, { text }).map((f) => f.severity), ['error', 'warning']);
});
