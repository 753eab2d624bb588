import { unknownVolumeMount } from '../../../server/src/rules/k8s/unknown-volume-mount';
import { ruleTable } from '../../helpers/ruleTable';

const pod = (mounts: string, volumes: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      volumeMounts:\n${mounts}${volumes}`;
const sts = (claim: string) => `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: web\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          volumeMounts:\n            - name: www\n              mountPath: /usr/share/nginx/html\n  volumeClaimTemplates:\n    - metadata:\n        name: ${claim}\n      spec:\n        accessModes: [ReadWriteOnce]\n        resources:\n          requests:\n            storage: 1Gi\n`;
ruleTable(unknownVolumeMount, [
  { name: "a StatefulSet's volumeClaimTemplates are the pods' volumes", text: sts('www'), expect: [] },
  { name: 'a StatefulSet mount that names no claim template', text: sts('data'), expect: ['17:21-17:24'], messages: [/Not found: "www" \(the pod's volumes: data\)/] },
  { name: 'a typo of a declared volume', text: pod('        - name: cache\n          mountPath: /c\n', '  volumes:\n    - name: caches\n      emptyDir: {}\n'), expect: ['10:17-10:22'], messages: [/^spec\.containers\[0\]\.volumeMounts\[0\]\.name: Not found: "cache" \(did you mean "caches"\?\)/] },
  { name: 'no volumes at all', text: pod('        - name: data\n          mountPath: /d\n', ''), expect: ['10:17-10:21'], messages: [/the pod declares no volumes/] },
  { name: 'in a Deployment template', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: w\nspec:\n  selector:\n    matchLabels: {app: w}\n  template:\n    metadata:\n      labels: {app: w}\n    spec:\n      containers:\n        - name: w\n          image: w:1\n          volumeMounts:\n            - name: config\n              mountPath: /etc/w\n      volumes:\n        - name: settings\n          configMap:\n            name: w\n', expect: ['16:21-16:27'], messages: [/the pod's volumes: settings/] },
  { name: 'declared', text: pod('        - name: cache\n          mountPath: /c\n', '  volumes:\n    - name: cache\n      emptyDir: {}\n'), expect: [] },
]);
