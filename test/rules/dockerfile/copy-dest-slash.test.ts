import { copyDestSlash } from '../../../server/src/rules/dockerfile/copy-dest-slash';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(copyDestSlash, [
  {
    name: 'two sources into a destination without /',
    text: 'FROM node:20-slim\nCOPY package.json package-lock.json /app\n',
    expect: ['2:37-2:41'],
    messages: [/several sources.*`\/app\/`/],
    fixed: 'FROM node:20-slim\nCOPY package.json package-lock.json /app/\n',
  },
  {
    name: 'JSON form: the slash goes inside the quotes',
    text: 'FROM node:20-slim\nCOPY ["package.json", "yarn.lock", "/app"]\n',
    expect: ['2:36-2:42'],
    fixed: 'FROM node:20-slim\nCOPY ["package.json", "yarn.lock", "/app/"]\n',
  },
  {
    name: 'quoted shell-form destination, with flags',
    text: 'FROM node:20-slim AS build\nFROM nginx:1.27\nCOPY --from=build --chown=nginx:nginx /a /b "/usr/share/nginx/html"\n',
    expect: ['3:45-3:68'],
    fixed: 'FROM node:20-slim AS build\nFROM nginx:1.27\nCOPY --from=build --chown=nginx:nginx /a /b "/usr/share/nginx/html/"\n',
  },
  {
    name: 'destination on a continuation line',
    text: 'FROM node:20-slim\nCOPY src \\\n     test \\\n     /app\n',
    expect: ['4:6-4:10'],
    fixed: 'FROM node:20-slim\nCOPY src \\\n     test \\\n     /app/\n',
  },
  {
    name: 'a variable destination is still checked',
    text: 'FROM node:20-slim\nARG DEST=/app\nCOPY a b $DEST\n',
    expect: ['3:10-3:15'],
    fixed: 'FROM node:20-slim\nARG DEST=/app\nCOPY a b $DEST/\n',
  },
  {
    name: 'ADD follows the same rule',
    text: 'FROM alpine:3.20\nADD a.tar b.tar /opt\n',
    expect: ['2:17-2:21'],
    fixed: 'FROM alpine:3.20\nADD a.tar b.tar /opt/\n',
  },
  { name: 'a single source may go to a file path', text: 'FROM node:20-slim\nCOPY package.json /app/package.json\nCOPY ["a", "/b"]\n', expect: [] },
  { name: 'destination with /', text: 'FROM node:20-slim\nCOPY a b /app/\nCOPY ["a", "b", "/app/"]\n', expect: [] },
  { name: 'flags do not count as sources', text: 'FROM node:20-slim\nCOPY --chown=node:node --chmod=644 a /app\n', expect: [] },
  { name: 'heredocs are left alone', text: 'FROM alpine:3.20\nCOPY <<one <<two /etc\n1\none\n2\ntwo\n', expect: [] },
  { name: 'Windows destination ending in a backslash', text: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY a b C:\\app\\\n', expect: [] },
]);
