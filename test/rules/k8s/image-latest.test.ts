import { imageLatest } from '../../../server/src/rules/k8s/image-latest';
import { pod as podOf } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const pod = (image: string, podSpec = '') => podOf({ podSpec, containers: [{ image }] });
const KUSTOMIZATION = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - app.yaml\nimages:\n  - name: ghcr.io/acme/web\n    newTag: 2.4.1\n';

ruleTable(imageLatest, [
  { name: 'no tag', text: pod('nginx'), expect: ['8:14-8:19'], messages: [/`nginx` of container "web" has no tag/], noFix: true },
  { name: 'explicit :latest', text: pod('docker.io/library/nginx:latest'), expect: ['8:14-8:44'], messages: [/is tagged `latest`/] },
  { name: 'a registry port is not a tag', text: pod('localhost:5000/team/api'), expect: ['8:14-8:37'] },
  { name: 'a quoted image value: the range covers the quotes', text: pod('"redis"'), expect: ['8:14-8:21'] },
  { name: 'a version tag is fine', text: pod('registry.k8s.io/nginx-slim:0.24'), expect: [] },
  { name: 'a digest pins even latest', text: pod('nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31'), expect: [] },
  {
    name: 'init containers are checked',
    text: pod('nginx:1.27', '  initContainers:\n    - name: init\n      image: busybox\n'),
    expect: ['8:14-8:21'],
    messages: [/init container "init"/],
  },
  {
    name: 'CronJob containers are checked',
    text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: hello\n              image: busybox:latest\n          restartPolicy: OnFailure\n',
    expect: ['13:22-13:36'],
  },
  { name: 'pipeline placeholders are left alone', text: pod('${IMAGE}'), expect: [] },
  { name: 'an image a Kustomization of the workspace retags is fine', text: pod('ghcr.io/acme/web'), files: { 'kustomization.yaml': KUSTOMIZATION }, expect: [] },
  { name: 'a Kustomization for other images does not help', text: pod('ghcr.io/acme/api:latest'), files: { 'kustomization.yaml': KUSTOMIZATION }, expect: ['8:14-8:37'] },
  { name: 'Helm templates are skipped', text: pod('{{ .Values.image }}'), expect: [] },
]);
