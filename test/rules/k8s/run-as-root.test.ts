import { runAsRoot } from '../../../server/src/rules/k8s/run-as-root';
import { deployment } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const deploy = (podSpec: string, container = '') => deployment({ podSpec, containers: [{ extra: container }] });
const FIXED_SC = '      securityContext:\n        runAsNonRoot: true\n        runAsUser: 10001\n';

ruleTable(runAsRoot, [
  {
    name: 'no security context: the fix adds one at pod level',
    text: deploy(''),
    expect: ['15:17-15:20'],
    messages: [/Container "web" may run as root/],
    fixed: `${deploy('')}${FIXED_SC}`,
  },
  {
    name: 'an existing pod securityContext is merged into',
    text: deploy('      securityContext:\n        fsGroup: 2000 # volume group\n'),
    expect: ['17:17-17:20'],
    fixed: deploy('      securityContext:\n        fsGroup: 2000 # volume group\n        runAsNonRoot: true\n        runAsUser: 10001\n'),
  },
  {
    name: 'a pod-level runAsNonRoot: false keeps its value; the fix adds the user',
    text: deploy('      securityContext: {runAsNonRoot: false}\n'),
    expect: ['16:17-16:20'],
    fixed: deploy('      securityContext: {runAsNonRoot: false, runAsUser: 10001}\n'),
  },
  { name: 'pod runAsNonRoot: true covers every container', text: deploy('      securityContext:\n        runAsNonRoot: true\n'), expect: [] },
  { name: 'a non-zero container runAsUser is enough', text: deploy('', '          securityContext:\n            runAsUser: 101\n'), expect: [] },
  {
    name: 'a container runAsUser: 0 overrides the pod setting; the pod-level fix cannot help',
    text: deploy('      securityContext:\n        runAsNonRoot: true\n        runAsUser: 1000\n', '          securityContext:\n            runAsUser: 0\n'),
    expect: ['18:17-18:20'],
    noFix: true,
  },
  {
    name: 'container runAsNonRoot: false overrides the pod; the fix still adds a pod-level non-root user',
    text: deploy('      securityContext:\n        runAsNonRoot: true\n', '          securityContext:\n            runAsNonRoot: false\n'),
    expect: ['17:17-17:20'],
    fixed: deploy('      securityContext:\n        runAsNonRoot: true\n        runAsUser: 10001\n', '          securityContext:\n            runAsNonRoot: false\n'),
  },
  {
    name: 'init containers are checked; a bare Pod gets spec.securityContext',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n    - name: init\n      image: busybox:1.36\n  containers:\n    - name: app\n      image: app:1.2\n      securityContext:\n        runAsUser: 1000\n',
    expect: ['7:13-7:17'],
    messages: [/Init container "init"/],
    fixed: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n    - name: init\n      image: busybox:1.36\n  containers:\n    - name: app\n      image: app:1.2\n      securityContext:\n        runAsUser: 1000\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 10001\n',
  },
  {
    name: 'CronJob: the fix goes into the job template pod spec',
    text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: hello\n              image: busybox:1.28\n          restartPolicy: OnFailure\n',
    expect: ['12:21-12:26'],
    fixed: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: hello\n              image: busybox:1.28\n          restartPolicy: OnFailure\n          securityContext:\n            runAsNonRoot: true\n            runAsUser: 10001\n',
  },
  {
    name: 'Windows pods are not checked',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: win\nspec:\n  os:\n    name: windows\n  containers:\n    - name: iis\n      image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n',
    expect: [],
  },
  {
    name: 'runAsGroup: 0 in the pod securityContext is reported once, at its value, for all containers (kube-linter)',
    text: deployment({
      podSpec: '      securityContext:\n        runAsNonRoot: true\n        runAsUser: 1000\n        runAsGroup: 0\n',
      containers: [{}, { name: 'side', image: 'busybox:1.36' }],
    }),
    expect: ['17:21-17:22'],
    messages: [/^Deployment web's pod securityContext sets runAsGroup: 0, so its containers run with the root group/],
    noFix: true,
  },
  {
    name: 'a container runAsGroup: 0 overrides a non-root pod group',
    text: deploy('      securityContext:\n        runAsNonRoot: true\n        runAsGroup: 1000\n', '          securityContext:\n            runAsGroup: 0\n'),
    expect: ['21:25-21:26'],
    messages: [/^Container "web" sets runAsGroup: 0, so it runs with the root group/],
  },
  {
    name: 'runAsGroup: 0 alongside a root user: both findings',
    text: deploy('      securityContext:\n        runAsGroup: 0\n'),
    expect: ['15:21-15:22', '17:17-17:20'],
  },
  { name: 'a container group overriding the pod\'s 0 is fine', text: deploy('      securityContext:\n        runAsNonRoot: true\n        runAsGroup: 0\n', '          securityContext:\n            runAsGroup: 2000\n'), expect: [] },
  { name: 'runAsGroup unset is not reported (kube-linter reports that too; we do not)', text: deploy('      securityContext:\n        runAsNonRoot: true\n'), expect: [] },
  { name: 'Windows pods: runAsGroup is not checked', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: win\nspec:\n  os:\n    name: windows\n  securityContext:\n    runAsGroup: 0\n  containers:\n    - name: iis\n      image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n', expect: [] },
  { name: 'Helm templates are skipped', text: deploy('      securityContext: {{ toYaml .Values.podSecurityContext }}\n'), expect: [] },
]);
