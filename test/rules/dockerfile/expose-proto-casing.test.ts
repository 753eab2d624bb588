import { exposeProtoCasing } from '../../../server/src/rules/dockerfile/expose-proto-casing';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(exposeProtoCasing, [
  {
    name: 'upper-case protocol',
    text: 'FROM nginx:1.27\nEXPOSE 80/TCP 443\n',
    expect: ['2:8-2:14'],
    messages: [/`EXPOSE 80\/TCP` should be lower-case: `80\/tcp`/],
    fixed: 'FROM nginx:1.27\nEXPOSE 80/tcp 443\n',
  },
  { name: 'mixed case in a range, second argument', text: 'FROM nginx:1.27\nEXPOSE 80 5000-5010/Udp\n', expect: ['2:11-2:24'], fixed: 'FROM nginx:1.27\nEXPOSE 80 5000-5010/udp\n' },
  { name: 'quoted argument keeps its quotes', text: 'FROM nginx:1.27\nEXPOSE "53/UDP"\n', expect: ['2:8-2:16'], fixed: 'FROM nginx:1.27\nEXPOSE "53/udp"\n' },
  { name: 'lower-case protocols are fine', text: 'FROM nginx:1.27\nEXPOSE 80/tcp 53/udp 9/sctp 8080\n', expect: [] },
  { name: 'a variable is not checked', text: 'FROM nginx:1.27\nARG P=80/TCP\nEXPOSE $P\n', expect: [] },
]);
