import { inconsistentInstructionCasing } from '../../../server/src/rules/dockerfile/inconsistent-instruction-casing';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(inconsistentInstructionCasing, [
  {
    name: 'one lower-case keyword in an upper-case file',
    text: 'FROM alpine:3.20\nrun apk add --no-cache curl\nCMD ["curl"]\n',
    expect: ['2:1-2:4'],
    messages: [/`run` should be upper-case like most instructions of this file: `RUN`/],
    fixed: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nCMD ["curl"]\n',
  },
  {
    name: 'mixed-case keywords in a lower-case file',
    text: 'from alpine:3.20\nWorkdir /app\nrun true\nCOPY . .\n',
    expect: ['2:1-2:8', '4:1-4:5'],
    messages: [/`Workdir` should be lower-case/, /`COPY` should be lower-case/],
    fixed: 'from alpine:3.20\nworkdir /app\nrun true\nCOPY . .\n',
  },
  { name: 'a tie counts as upper-case', text: 'FROM alpine:3.20\nrun true\n', expect: ['2:1-2:4'], fixed: 'FROM alpine:3.20\nRUN true\n' },
  { name: 'a mixed-case keyword is flagged even alone', text: 'From alpine:3.20\n', expect: ['1:1-1:5'], fixed: 'FROM alpine:3.20\n' },
  { name: 'all upper-case is fine', text: 'ARG V=1\nFROM alpine:3.20\nRUN true\n', expect: [] },
  { name: 'all lower-case is fine', text: 'arg V=1\nfrom alpine:3.20\nrun true\nonbuild RUN true\n', expect: [] },
]);
