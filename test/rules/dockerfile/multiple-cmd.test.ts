import { multipleCmd } from '../../../server/src/rules/dockerfile/multiple-cmd';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(multipleCmd, [
  {
    name: 'the earlier CMD is removed',
    text: 'FROM node:20-slim\nCMD ["node", "migrate.js"]\nCMD ["node", "server.js"]\n',
    expect: ['2:1-2:4'],
    messages: [/overridden by the CMD on line 3/],
    fixed: 'FROM node:20-slim\nCMD ["node", "server.js"]\n',
  },
  {
    name: 'every CMD but the last is flagged; fixing the second',
    text: 'FROM node:20-slim\nCMD a\nCMD b\nCMD ["c"]\n',
    expect: ['2:1-2:4', '3:1-3:4'],
    fixHit: 1,
    fixed: 'FROM node:20-slim\nCMD a\nCMD ["c"]\n',
  },
  {
    name: 'a multi-line CMD is removed whole; the comment and pragma above stay',
    text: 'FROM node:20-slim\n# stevedore ignore=json-args\nCMD node \\\n    old.js\nCMD ["node", "server.js"]',
    expect: ['3:1-3:4'],
    fixed: 'FROM node:20-slim\n# stevedore ignore=json-args\nCMD ["node", "server.js"]',
  },
  {
    name: 'CRLF',
    text: 'FROM node:20-slim\r\nCMD ["a"]\r\nEXPOSE 80\r\nCMD ["b"]\r\n',
    expect: ['2:1-2:4'],
    fixed: 'FROM node:20-slim\r\nEXPOSE 80\r\nCMD ["b"]\r\n',
  },
  { name: 'one CMD per stage is fine', text: 'FROM golang:1.22 AS build\nCMD ["go", "test"]\nFROM alpine:3.20\nCMD ["/app"]\n', expect: [] },
  { name: 'CMD and ENTRYPOINT together are fine', text: 'FROM alpine:3.20\nENTRYPOINT ["/app"]\nCMD ["--help"]\n', expect: [] },
  { name: 'ONBUILD CMD is not a CMD of this stage', text: 'FROM alpine:3.20\nONBUILD CMD ["a"]\nCMD ["b"]\n', expect: [] },
  { name: 'HEALTHCHECK CMD is not a CMD', text: 'FROM alpine:3.20\nHEALTHCHECK CMD wget -q localhost\nCMD ["b"]\n', expect: [] },
]);
