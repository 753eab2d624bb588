import { exposeInvalidPort } from '../../../server/src/rules/dockerfile/expose-invalid-port';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(exposeInvalidPort, [
  {
    name: 'a port above 65535',
    text: 'FROM nginx:1.27\nEXPOSE 80800\n',
    expect: ['2:8-2:13'],
    messages: [/port 80800 is outside 0–65535/],
  },
  {
    name: 'a name instead of a number, next to valid ports',
    text: 'FROM nginx:1.27\nEXPOSE 80 http 443/tcp\n',
    expect: ['2:11-2:15'],
    messages: [/`http` is not a port number/],
  },
  { name: 'a reversed range', text: 'FROM nginx:1.27\nEXPOSE 9000-8000\n', expect: ['2:8-2:17'], messages: [/ends before it starts/] },
  { name: 'range end out of range, with a protocol', text: 'FROM nginx:1.27\nEXPOSE 65000-70000/udp\n', expect: ['2:8-2:23'], messages: [/port 70000/] },
  { name: 'a protocol without a port', text: 'FROM nginx:1.27\nEXPOSE /tcp\n', expect: ['2:8-2:12'], messages: [/no port given/] },
  { name: 'quoted port', text: 'FROM nginx:1.27\nEXPOSE "99999"\n', expect: ['2:8-2:15'] },
  {
    name: 'ports on a continuation line',
    text: 'FROM nginx:1.27\nEXPOSE 80 \\\n    443 \\\n    100000\n',
    expect: ['4:5-4:11'],
  },
  {
    name: 'valid ports, ranges and protocols',
    text: 'FROM nginx:1.27\nEXPOSE 0 80 443/tcp 53/udp 9/sctp 8000-8010 8000-8010/udp 65535 "8080/tcp" 80/TCP\n',
    expect: [],
  },
  { name: 'variables are resolved at build time', text: 'FROM nginx:1.27\nARG PORT=8080\nEXPOSE $PORT ${PORT}/udp ${ADMIN_PORT:-9000}\n', expect: [] },
  { name: 'host:container mappings are another rule\'s business when the numbers are valid', text: 'FROM nginx:1.27\nEXPOSE 8080:80\n', expect: [] },
  { name: 'unknown protocols are reported by the syntax rule', text: 'FROM nginx:1.27\nEXPOSE 80/http\n', expect: [] },
  { name: 'a port in a comment', text: 'FROM nginx:1.27\n# EXPOSE 99999\nEXPOSE 80\n', expect: [] },
]);
