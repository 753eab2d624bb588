// drop-net-raw-capability: a capabilities block that does not drop NET_RAW or ALL (at `drop`, else `capabilities`),
// or adds NET_RAW/ALL (at the item); no capabilities block is not reported, as in kube-linter.
import { dropNetRawCapability } from '../../../server/src/rules/k8s/drop-net-raw-capability';
import { deployment, pod } from '../../helpers/k8s';
import { ruleTable } from '../../helpers/ruleTable';

const withCaps = (caps: string) => pod({ containers: [{ extra: `      securityContext:\n        capabilities:\n${caps}` }] });

ruleTable(dropNetRawCapability, [
  {
    name: 'a flow drop list without NET_RAW gets it appended',
    text: withCaps('          drop: [CHOWN]\n'),
    expect: ['11:11-11:15'],
    messages: [/^Container "web" keeps the NET_RAW capability/],
    fixed: withCaps('          drop: [CHOWN, NET_RAW]\n'),
  },
  {
    name: 'a block drop list gets a new item at its dash column',
    text: withCaps('          drop:\n            - CHOWN # not needed\n          add: [NET_BIND_SERVICE]\n'),
    expect: ['11:11-11:15'],
    fixed: withCaps('          drop:\n            - CHOWN # not needed\n            - NET_RAW\n          add: [NET_BIND_SERVICE]\n'),
  },
  {
    name: 'capabilities without drop: reported at capabilities, the fix adds drop',
    text: withCaps('          add: [NET_BIND_SERVICE]\n'),
    expect: ['10:9-10:21'],
    fixed: withCaps('          add: [NET_BIND_SERVICE]\n          drop:\n            - NET_RAW\n'),
  },
  {
    name: 'adding NET_RAW back is reported at the item, without a fix',
    text: withCaps('          drop: [ALL]\n          add: [NET_BIND_SERVICE, NET_RAW]\n'),
    expect: ['12:35-12:42'],
    messages: [/^Container "web" adds the NET_RAW capability/],
    noFix: true,
  },
  {
    name: 'a Deployment init container',
    text: deployment({ podSpec: '      initContainers:\n        - name: init\n          image: busybox:1.36\n          securityContext:\n            capabilities: {drop: [CHOWN]}\n' }),
    expect: ['18:28-18:32'],
    messages: [/^Init container "init"/],
    fixed: deployment({ podSpec: '      initContainers:\n        - name: init\n          image: busybox:1.36\n          securityContext:\n            capabilities: {drop: [CHOWN, NET_RAW]}\n' }),
  },
  { name: 'drop: [ALL]', text: withCaps('          drop: [ALL]\n'), expect: [] },
  { name: 'drop NET_RAW, any case, CAP_ prefix', text: withCaps('          drop: [cap_net_raw]\n'), expect: [] },
  { name: 'no capabilities block is not reported (kube-linter reads only listed capabilities)', text: pod({ containers: [{ extra: '      securityContext:\n        runAsNonRoot: true\n' }] }), expect: [] },
]);
