import { hpaCpuWithoutRequests } from '../../../server/src/rules/k8s/hpa-cpu-without-requests';
import { container, CPU_METRICS as CPU, deployment, hpa as hpaOf } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const hpa = (metrics: string, kind = 'Deployment', apiVersion = 'autoscaling/v2') => hpaOf({ apiVersion, target: { kind }, metrics });
const deploy = (containers: string, kind = 'Deployment') => deployment({ kind, containers });
const WEB = container();
const WEB_CPU = container({ resources: { requests: { cpu: '100m' } } });

const STS =
  'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n    name: web\nspec:\n    serviceName: web\n    selector:\n        matchLabels:\n            app: web\n    template:\n        metadata:\n            labels:\n                app: web\n        spec:\n            containers:\n            -   name: web\n                image: nginx:1.27\n                resources:\n                    limits:\n                        memory: 256Mi\n';

ruleTable(hpaCpuWithoutRequests, [
  {
    name: 'cpu metric, target in the next document: requests added',
    text: `${hpa(CPU)}---\n${deploy(WEB)}`,
    expect: ['15:15-15:18'],
    messages: [/HorizontalPodAutoscaler web scales on cpu utilization but container web of Deployment web has no cpu request, so it reports "missing request for cpu"/],
    fixed: `${hpa(CPU)}---\n${deploy(WEB_CPU)}`,
  },
  {
    name: 'target in another file: the fix edits that file',
    text: hpa(CPU),
    files: { 'deploy.yaml': deploy(WEB) },
    expect: ['15:15-15:18'],
    fixedFiles: { 'deploy.yaml': deploy(WEB_CPU) },
  },
  {
    name: 'no metrics: implicit 80% cpu, reported on scaleTargetRef',
    text: `${hpa('')}---\n${deploy(WEB)}`,
    expect: ['6:3-6:17'],
    fixed: `${hpa('')}---\n${deploy(WEB_CPU)}`,
  },
  {
    name: 'autoscaling/v1 targetCPUUtilizationPercentage',
    text: hpa('  targetCPUUtilizationPercentage: 60\n', 'Deployment', 'autoscaling/v1'),
    files: { 'deploy.yaml': deploy(WEB) },
    expect: ['12:3-12:33'],
  },
  {
    name: 'memory metric: merged into the existing requests map',
    text: `${hpa(CPU.replace('cpu', 'memory'))}---\n${deploy(WEB_CPU)}`,
    expect: ['15:15-15:21'],
    messages: [/no memory request, so it reports "missing request for memory"/],
    fixed: `${hpa(CPU.replace('cpu', 'memory'))}---\n${deploy(`${WEB_CPU}              memory: 128Mi\n`)}`,
  },
  {
    name: 'resources: {} is filled in',
    text: `${hpa(CPU)}---\n${deploy(`${WEB}          resources: {}\n`)}`,
    expect: ['15:15-15:18'],
    fixed: `${hpa(CPU)}---\n${deploy(WEB_CPU)}`,
  },
  {
    name: 'only a memory limit: requests added beside it, in the 4-space style of another file',
    text: hpa(CPU, 'StatefulSet'),
    files: { 'sts.yaml': STS },
    expect: ['15:15-15:18'],
    fixedFiles: { 'sts.yaml': `${STS}                    requests:\n                        cpu: 100m\n` },
  },
  {
    name: 'two containers, only the sidecar lacks a request',
    text: `${hpa(CPU)}---\n${deploy(`${WEB_CPU}        - name: proxy\n          image: envoyproxy/envoy:v1.31.0\n`)}`,
    expect: ['15:15-15:18'],
    messages: [/container proxy of Deployment web has no cpu request/],
    fixed: `${hpa(CPU)}---\n${deploy(`${WEB_CPU}        - name: proxy\n          image: envoyproxy/envoy:v1.31.0\n          resources:\n            requests:\n              cpu: 100m\n`)}`,
  },
  {
    name: 'ContainerResource metric only looks at its container',
    text: `${hpa('  metrics:\n    - type: ContainerResource\n      containerResource:\n        name: cpu\n        container: web\n        target:\n          type: Utilization\n          averageUtilization: 60\n')}---\n${deploy(`${WEB_CPU}        - name: proxy\n          image: envoyproxy/envoy:v1.31.0\n`)}`,
    expect: [],
  },
  { name: 'a cpu limit alone is enough (the request defaults to it)', text: `${hpa(CPU)}---\n${deploy(`${WEB}          resources:\n            limits:\n              cpu: 500m\n`)}`, expect: [] },
  { name: 'AverageValue targets need no request', text: `${hpa(CPU.replace('type: Utilization\n          averageUtilization: 70', 'type: AverageValue\n          averageValue: 500m'))}---\n${deploy(WEB)}`, expect: [] },
  {
    name: 'a LimitRange default request in the namespace',
    text: `${hpa(CPU)}---\n${deploy(WEB)}`,
    files: { 'limits.yaml': 'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\nspec:\n  limits:\n    - type: Container\n      defaultRequest:\n        cpu: 250m\n' },
    expect: [],
  },
  { name: 'unknown target is left to hpa-unknown-target', text: hpa(CPU), expect: [] },
  { name: 'Helm templates are skipped', text: `${hpa(CPU).replace('name: web\nspec', 'name: {{ .Release.Name }}\nspec')}---\n${deploy(WEB)}`, expect: [] },
]);
