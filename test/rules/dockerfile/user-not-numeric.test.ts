import { userNotNumeric } from '../../../server/src/rules/dockerfile/user-not-numeric';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(userNotNumeric, [
  { name: 'a user name', text: 'FROM debian:12\nUSER app\n', expect: ['2:6-2:9'], messages: [/`USER app` is a name/] },
  { name: 'a name with a numeric group', text: 'FROM debian:12\nUSER nobody:65534\n', expect: ['2:6-2:18'] },
  { name: 'every stage is checked', text: 'FROM debian:12 AS build\nUSER builder\nFROM debian:12\nUSER 10001\n', expect: ['2:6-2:13'] },
  { name: 'a numeric UID', text: 'FROM debian:12\nUSER 10001\n', expect: [] },
  { name: 'a numeric UID with a group name (only the user part counts, as hadolint)', text: 'FROM debian:12\nUSER 10001:app\n', expect: [] },
  { name: 'root by number', text: 'FROM debian:12\nUSER 0\n', expect: [] },
  { name: 'a variable', text: 'FROM debian:12\nARG UID=10001\nUSER ${UID}\n', expect: [] },
]);
