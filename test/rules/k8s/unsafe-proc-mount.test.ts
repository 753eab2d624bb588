// unsafe-proc-mount: procMount: Unmasked on any container, at the value; the fix sets Default.
import { unsafeProcMount } from '../../../server/src/rules/k8s/unsafe-proc-mount';
import { deployment, pod } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const withSc = (sc: string) => pod({ containers: [{ extra: sc }] });

ruleTable(unsafeProcMount, [
  {
    name: 'Unmasked becomes Default',
    text: withSc('      securityContext:\n        procMount: Unmasked # nested runtime\n'),
    expect: ['10:20-10:28'],
    messages: [/^Container "web" sees the node's \/proc unmasked/],
    fixed: withSc('      securityContext:\n        procMount: Default # nested runtime\n'),
  },
  {
    name: 'flow style in a Deployment init container',
    text: deployment({ podSpec: '      initContainers:\n        - name: init\n          image: busybox:1.36\n          securityContext: {procMount: Unmasked}\n' }),
    expect: ['17:40-17:48'],
    messages: [/^Init container "init"/],
    fixed: deployment({ podSpec: '      initContainers:\n        - name: init\n          image: busybox:1.36\n          securityContext: {procMount: Default}\n' }),
  },
  { name: 'Default is fine', text: withSc('      securityContext:\n        procMount: Default\n'), expect: [] },
  { name: 'unset is fine', text: withSc('      securityContext:\n        runAsNonRoot: true\n'), expect: [] },
]);
