// no-read-only-root-fs: every container (init ones too) without readOnlyRootFilesystem: true, at its name (or at a
// false value); the fix sets it in the container's securityContext.
import { noReadOnlyRootFs } from '../../../server/src/rules/k8s/no-read-only-root-fs';
import { deployment, pod } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const withSc = (extra: string) => pod({ containers: [{ extra }] });

ruleTable(noReadOnlyRootFs, [
  {
    name: 'no securityContext: the fix adds one',
    text: withSc(''),
    expect: ['7:13-7:16'],
    messages: [/^Container "web" has a writable root filesystem/],
    fixed: withSc('      securityContext:\n        readOnlyRootFilesystem: true\n'),
  },
  {
    name: 'an existing securityContext is merged into',
    text: withSc('      securityContext:\n        runAsNonRoot: true\n'),
    expect: ['7:13-7:16'],
    fixed: withSc('      securityContext:\n        runAsNonRoot: true\n        readOnlyRootFilesystem: true\n'),
  },
  {
    name: 'readOnlyRootFilesystem: false is reported at the value and turned to true',
    text: withSc('      securityContext:\n        readOnlyRootFilesystem: false # writes /var/cache\n'),
    expect: ['10:33-10:38'],
    fixed: withSc('      securityContext:\n        readOnlyRootFilesystem: true # writes /var/cache\n'),
  },
  {
    name: 'a flow securityContext',
    text: withSc('      securityContext: {runAsNonRoot: true}\n'),
    expect: ['7:13-7:16'],
    fixed: withSc('      securityContext: {runAsNonRoot: true, readOnlyRootFilesystem: true}\n'),
  },
  {
    name: 'init containers too; a pod-level setting does not exist',
    text: deployment({
      podSpec: '      securityContext:\n        readOnlyRootFilesystem: true\n      initContainers:\n        - name: init\n          image: busybox:1.36\n          securityContext:\n            readOnlyRootFilesystem: true\n',
    }),
    expect: ['22:17-22:20'],
    messages: [/^Container "web"/],
  },
  { name: 'readOnlyRootFilesystem: true', text: withSc('      securityContext:\n        readOnlyRootFilesystem: true\n'), expect: [] },
]);
