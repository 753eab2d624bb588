import { cdInRun } from '../../../server/src/rules/dockerfile/cd-in-run';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(cdInRun, [
  {
    name: 'leading cd /abs && … becomes WORKDIR',
    text: 'FROM node:20-slim\nRUN cd /app && npm ci\n',
    expect: ['2:5-2:12'],
    messages: [/`cd \/app` in RUN.*WORKDIR \/app/],
    fixed: 'FROM node:20-slim\nWORKDIR /app\nRUN npm ci\n',
  },
  {
    name: 'multi-line RUN with a cache mount keeps its flags and the rest of the chain',
    text: 'FROM node:20-slim\nRUN --mount=type=cache,target=/root/.npm cd /app \\\n    && npm ci \\\n    && npm run build\n',
    expect: ['2:42-2:49'],
    fixed: 'FROM node:20-slim\nWORKDIR /app\nRUN --mount=type=cache,target=/root/.npm npm ci \\\n    && npm run build\n',
  },
  {
    name: 'indentation and CRLF are kept',
    text: 'FROM alpine:3.20\r\n  RUN cd /opt/tool && make | tee build.log\r\n',
    expect: ['2:7-2:19'],
    fixed: 'FROM alpine:3.20\r\n  WORKDIR /opt/tool\r\n  RUN make | tee build.log\r\n',
  },
  {
    name: 'a quoted absolute path is unquoted for WORKDIR',
    text: "FROM alpine:3.20\nRUN cd '/srv/app' && ./configure\n",
    expect: ['2:5-2:18'],
    fixed: 'FROM alpine:3.20\nWORKDIR /srv/app\nRUN ./configure\n',
  },
  {
    name: 'cd in the middle of an && chain: flagged, no fix',
    text: 'FROM gcc:14\nRUN make && cd build && make install\n',
    expect: ['2:13-2:21'],
    messages: [/use WORKDIR to change/],
  },
  { name: 'relative cd target: flagged, no fix', text: 'FROM gcc:14\nRUN cd build && make\n', expect: ['2:5-2:13'] },
  { name: 'cd to a variable: flagged, no fix', text: 'FROM gcc:14\nRUN cd "$HOME" && ls\n', expect: ['2:5-2:15'] },
  { name: 'cd followed by ; instead of &&: flagged, no fix', text: 'FROM gcc:14\nRUN cd /src; make\n', expect: ['2:5-2:12'] },
  { name: 'cd inside a subshell is scoped on purpose', text: 'FROM gcc:14\nRUN (cd /src && make) && make -C /lib\n', expect: [] },
  { name: 'cd inside command substitution', text: 'FROM gcc:14\nRUN echo "$(cd /src && pwd)"\n', expect: [] },
  { name: 'cd inside a quoted string is not a command', text: 'FROM gcc:14\nRUN echo "cd /x" && sh -c "cd /y && ls"\n', expect: [] },
  { name: 'a word containing cd is not cd', text: 'FROM gcc:14\nRUN abcd /x && cdrecord -v\n', expect: [] },
  {
    name: 'ONBUILD RUN: checked like a RUN of the images built from it; the WORKDIR stays an ONBUILD trigger',
    text: 'FROM node:20-slim\nONBUILD RUN cd /app && npm ci\n',
    expect: ['2:13-2:20'],
    fixed: 'FROM node:20-slim\nONBUILD WORKDIR /app\nONBUILD RUN npm ci\n',
  },
]);
