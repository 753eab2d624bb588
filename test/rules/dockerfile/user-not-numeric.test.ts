// The user-not-numeric table (hadolint DL3066): the spellings it reports with their ranges and fixes, and the near-misses it leaves alone.
import { userNotNumeric } from '../../../server/src/rules/dockerfile/user-not-numeric';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(userNotNumeric, [
  { name: 'a user name of the base image: no UID known, no fix', text: 'FROM debian:12\nUSER nobody\n', expect: ['2:6-2:12'], messages: [/`USER nobody` is a name/], noFix: true },
  {
    name: 'a user created with useradd -u: the fix uses its UID',
    text: 'FROM debian:12\nRUN groupadd -g 10001 app && useradd -u 10001 -g app app\nUSER app\n',
    expect: ['3:6-3:9'],
    messages: [/numeric UID \(10001, as created above\)/],
    fixed: 'FROM debian:12\nRUN groupadd -g 10001 app && useradd -u 10001 -g app app\nUSER 10001\n',
  },
  {
    name: 'busybox adduser in the parent stage; the group part is kept',
    text: 'FROM alpine:3.20 AS base\nRUN addgroup -S app && adduser -S -D -u 10001 -G app app\nFROM base\nUSER app:app\n',
    expect: ['4:6-4:9'],
    fixed: 'FROM alpine:3.20 AS base\nRUN addgroup -S app && adduser -S -D -u 10001 -G app app\nFROM base\nUSER 10001:app\n',
  },
  {
    name: 'Debian adduser --uid',
    text: 'FROM debian:12\nRUN adduser --system --uid 999 --home /srv svc\nUSER svc\n',
    expect: ['3:6-3:9'],
    fixed: 'FROM debian:12\nRUN adduser --system --uid 999 --home /srv svc\nUSER 999\n',
  },
  { name: 'another user\'s UID is not used', text: 'FROM debian:12\nRUN useradd -u 10001 other && useradd app\nUSER app\n', expect: ['3:6-3:9'], noFix: true },
  { name: 'a user created after the USER does not count', text: 'FROM debian:12\nUSER app\nRUN useradd -u 10001 app\n', expect: ['2:6-2:9'], noFix: true },
  { name: 'every stage is checked', text: 'FROM debian:12 AS build\nUSER builder\nFROM debian:12\nUSER 10001\n', expect: ['2:6-2:13'] },
  { name: 'a numeric UID', text: 'FROM debian:12\nUSER 10001\n', expect: [] },
  { name: 'a numeric UID with a group name (only the user part counts, as hadolint)', text: 'FROM debian:12\nUSER 10001:app\n', expect: [] },
  { name: 'root by number', text: 'FROM debian:12\nUSER 0\n', expect: [] },
  { name: 'a variable', text: 'FROM debian:12\nARG UID=10001\nUSER ${UID}\n', expect: [] },
]);
