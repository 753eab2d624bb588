import { privilegedContainer } from '../../../server/src/rules/k8s/privileged-container';
import { pod as podOf } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const pod = (sc: string) => podOf({ name: 'tools', containers: [{ name: 'tools', image: 'busybox:1.36', extra: sc }] });

ruleTable(privilegedContainer, [
  { name: 'privileged: true', text: pod('      securityContext:\n        privileged: true\n'), expect: ['10:21-10:25'], messages: [/Container "tools" runs privileged/], noFix: true },
  { name: 'flow style', text: pod('      securityContext: {privileged: true, runAsUser: 1000}\n'), expect: ['9:37-9:41'] },
  { name: 'privileged: false is fine', text: pod('      securityContext:\n        privileged: false\n'), expect: [] },
  { name: 'the string "true" is not the boolean (the API server rejects it; not this rule)', text: pod('      securityContext:\n        privileged: "true"\n'), expect: [] },
  { name: 'capabilities instead of privileged are fine', text: pod('      securityContext:\n        capabilities:\n          add: [NET_ADMIN]\n'), expect: [] },
  {
    name: 'a DaemonSet init container',
    text: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: node-setup\nspec:\n  selector:\n    matchLabels:\n      app: node-setup\n  template:\n    metadata:\n      labels:\n        app: node-setup\n    spec:\n      initContainers:\n        - name: sysctl\n          image: busybox:1.36\n          command: [sysctl, -w, vm.max_map_count=262144]\n          securityContext:\n            privileged: true\n      containers:\n        - name: pause\n          image: registry.k8s.io/pause:3.10\n',
    expect: ['19:25-19:29'],
    messages: [/Init container "sysctl"/],
  },
  {
    name: 'a CronJob container',
    text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: c\n              image: busybox:1.36\n              securityContext:\n                privileged: true\n',
    expect: ['16:29-16:33'],
  },
  { name: 'Helm templates are skipped', text: pod('      securityContext:\n        privileged: {{ .Values.privileged }}\n'), expect: [] },
]);
