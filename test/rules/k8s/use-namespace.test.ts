// use-namespace (off by default): workloads and Services in the default namespace.
import { useNamespace } from '../../../server/src/rules/k8s/use-namespace';
import { deployment, service } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(useNamespace, [
  { name: 'a Deployment without a namespace: at metadata', text: deployment(), expect: ['3:1-3:9'], messages: [/Deployment web sets no namespace/], noFix: true },
  { name: 'a Service in namespace default', text: service({ namespace: 'default' }), expect: ['5:14-5:21'], messages: [/Service web is in the default namespace/] },
  { name: 'a CronJob', text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: c\n              image: busybox:1.36\n', expect: ['3:1-3:9'] },
  { name: 'a namespace of its own', text: deployment({ namespace: 'shop' }), expect: [] },
  { name: 'a ConfigMap is not checked (kube-linter: workloads and Services)', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n', expect: [] },
  { name: 'a cluster-scoped object is not checked', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n', expect: [] },
]);
