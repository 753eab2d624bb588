import { syntax } from '../../../server/src/rules/dockerfile/syntax';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(syntax, [
  { name: 'unknown instruction', text: 'FROM alpine:3.20\nRUNN echo hi\n', expect: ['2:1-2:5'], messages: [/Unknown instruction: RUNN/i] },
  { name: 'missing source image', text: 'RUN echo hi\n', expect: ['1:1-1:4'] },
  {
    name: 'an instruction before the first FROM (hadolint DL3061), ARG and comments allowed',
    text: '# syntax=docker/dockerfile:1\nARG BASE=alpine:3.20\nLABEL a=b\nFROM $BASE\n',
    expect: ['3:1-3:6'],
    messages: [/No source image provided with `FROM`/],
  },
  { name: 'invalid ONBUILD triggers are left to onbuild-invalid-trigger', text: 'FROM a:1\nONBUILD FROM b\nONBUILD ONBUILD RUN x\nONBUILD MAINTAINER me\n', expect: [] },
  { name: 'a valid file', text: 'FROM alpine:3.20\nRUN echo hi\nCMD ["sh"]\n', expect: [] },
  { name: 'duplicate stage names are left to duplicate-stage-name', text: 'FROM a:1 AS x\nFROM b:1 AS x\n', expect: [] },
  { name: 'bad EXPOSE ports are left to expose-invalid-port', text: 'FROM a:1\nEXPOSE port\n', expect: [] },
  { name: 'multi-source COPY without a slash is left to copy-dest-slash', text: 'FROM a:1\nCOPY a b dest\n', expect: [] },
]);
