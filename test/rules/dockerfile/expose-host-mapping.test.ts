import { exposeHostMapping } from '../../../server/src/rules/dockerfile/expose-host-mapping';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(exposeHostMapping, [
  {
    name: 'host port mapping',
    text: 'FROM nginx:1.27\nEXPOSE 8080:80\n',
    expect: ['2:8-2:15'],
    messages: [/`8080:80` only exposes `80`/],
    fixed: 'FROM nginx:1.27\nEXPOSE 80\n',
  },
  { name: 'IP, host port and protocol', text: 'FROM nginx:1.27\nEXPOSE 443 0.0.0.0:53:53/udp\n', expect: ['2:12-2:29'], fixed: 'FROM nginx:1.27\nEXPOSE 443 53/udp\n' },
  { name: 'IPv6 address with an empty host port', text: 'FROM nginx:1.27\nEXPOSE [::1]::80\n', expect: ['2:8-2:17'], fixed: 'FROM nginx:1.27\nEXPOSE 80\n' },
  { name: 'host range', text: 'FROM nginx:1.27\nEXPOSE "8000-8001:80-81"\n', expect: ['2:8-2:25'], fixed: 'FROM nginx:1.27\nEXPOSE "80-81"\n' },
  { name: 'plain ports, ranges and protocols are fine', text: 'FROM nginx:1.27\nEXPOSE 80 443/tcp 8000-8010 53/udp\n', expect: [] },
  { name: 'a variable is not checked', text: 'FROM nginx:1.27\nARG PORTS=8080:80\nEXPOSE ${PORTS}\n', expect: [] },
]);
