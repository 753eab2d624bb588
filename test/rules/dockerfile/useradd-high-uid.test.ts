// The useradd-high-uid table (hadolint DL3046): the spellings it reports with their ranges and fixes, and the near-misses it leaves alone.
import { useraddHighUid } from '../../../server/src/rules/dockerfile/useradd-high-uid';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(useraddHighUid, [
  {
    name: '-u with a six-digit UID',
    text: 'FROM debian:12\nRUN useradd -u 123456 app\n',
    expect: ['2:5-2:12'],
    messages: [/`useradd -u 123456` without `-l`/],
    fixed: 'FROM debian:12\nRUN useradd -l -u 123456 app\n',
  },
  {
    name: '--uid=, after groupadd, with sudo',
    text: 'FROM debian:12\nRUN groupadd -g 1000000 app && sudo useradd --uid=1000000 -g app app\n',
    expect: ['2:37-2:44'],
    fixed: 'FROM debian:12\nRUN groupadd -g 1000000 app && sudo useradd -l --uid=1000000 -g app app\n',
  },
  { name: '--uid as its own word', text: 'FROM debian:12\nRUN useradd --uid 200000 app\n', expect: ['2:5-2:12'] },
  { name: 'glued -mu', text: 'FROM debian:12\nRUN useradd -mu 200000 app\n', expect: ['2:5-2:12'] },
  {
    name: 'exec form gets its own JSON string',
    text: 'FROM debian:12\nRUN ["useradd", "-u", "200000", "app"]\n',
    expect: ['2:6-2:15'],
    fixed: 'FROM debian:12\nRUN ["useradd", "-l", "-u", "200000", "app"]\n',
  },
  { name: 'with -l', text: 'FROM debian:12\nRUN useradd -l -u 123456 app\n', expect: [] },
  { name: 'with --no-log-init', text: 'FROM debian:12\nRUN useradd --no-log-init --uid 123456 app\n', expect: [] },
  { name: '-l glued with other flags', text: 'FROM debian:12\nRUN useradd -rlu 123456 app\n', expect: [] },
  { name: 'a UID of 99999 is fine', text: 'FROM debian:12\nRUN useradd -u 99999 app\n', expect: [] },
  { name: 'no UID', text: 'FROM debian:12\nRUN useradd -m app\n', expect: [] },
  { name: 'a large GID is not the UID', text: 'FROM debian:12\nRUN useradd -g 123456 -u 1000 app\n', expect: [] },
  { name: 'adduser is not useradd', text: 'FROM alpine:3.20\nRUN adduser -u 123456 -D app\n', expect: [] },
]);
