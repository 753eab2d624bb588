// The onbuild-invalid-trigger table (hadolint DL3043): the spellings it reports with their ranges and fixes, and the near-misses it leaves alone.
import { onbuildInvalidTrigger } from '../../../server/src/rules/dockerfile/onbuild-invalid-trigger';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(onbuildInvalidTrigger, [
  { name: 'ONBUILD FROM', text: 'FROM node:20\nONBUILD FROM node:20-slim\n', expect: ['2:9-2:13'], messages: [/FROM is not allowed as an ONBUILD trigger/] },
  { name: 'ONBUILD ONBUILD', text: 'FROM node:20\nONBUILD ONBUILD RUN npm ci\n', expect: ['2:9-2:16'], messages: [/cannot trigger another ONBUILD/] },
  { name: 'ONBUILD MAINTAINER, lower case and extra spaces', text: 'FROM node:20\nonbuild   maintainer me@example.com\n', expect: ['2:11-2:21'], messages: [/MAINTAINER is not allowed/] },
  { name: 'before the first FROM too', text: 'ONBUILD FROM x\nFROM node:20\n', expect: ['1:9-1:13'] },
  { name: 'ordinary triggers', text: 'FROM node:20\nONBUILD COPY package.json /app/\nONBUILD RUN npm ci\nONBUILD ARG X\n', expect: [] },
  { name: 'an ONBUILD without a trigger is the syntax rule\'s', text: 'FROM node:20\nONBUILD\n', expect: [] },
  { name: 'a FROM word as an argument', text: 'FROM node:20\nONBUILD RUN echo FROM\n', expect: [] },
]);
