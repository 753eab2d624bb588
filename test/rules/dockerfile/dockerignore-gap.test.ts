import { dockerignoreGap } from '../../../server/src/rules/dockerfile/dockerignore-gap';
import { ruleTable } from '../../helpers/ruleTable';

const DF = 'FROM node:20-slim\nCOPY . .\nRUN npm ci\n';

ruleTable(dockerignoreGap, [
  {
    name: 'node_modules is missing: appended after the last line',
    text: DF,
    files: { '.dockerignore': '.git\n*.log\n', '.git/HEAD': '', 'node_modules/a/index.js': '' },
    expect: ['1:1-1:5'],
    messages: [/\.dockerignore does not exclude `node_modules`/],
    fixedFiles: { '.dockerignore': '.git\n*.log\nnode_modules\n' },
  },
  {
    name: '.env is a secret; a file without a final newline gets one first',
    text: DF,
    files: { '.dockerignore': 'node_modules', 'node_modules/a/index.js': '', '.env': 'TOKEN=x' },
    expect: ['1:1-1:5'],
    messages: [/does not exclude `\.env`: .*secrets/],
    fixedFiles: { '.dockerignore': 'node_modules\n.env\n' },
  },
  {
    name: 'one hit per entry, in a fixed order; fix the second one; CRLF file',
    text: DF,
    files: { '.dockerignore': '# nothing yet\r\n*.md\r\n', '.git/HEAD': '', '.venv/bin/python': '' },
    expect: ['1:1-1:5', '1:1-1:5'],
    messages: [/`\.git`/, /`\.venv`/],
    fixHit: 1,
    fixedFiles: { '.dockerignore': '# nothing yet\r\n*.md\r\n.venv\r\n' },
  },
  {
    name: 'the message quotes the instruction that copies the whole context',
    text: 'FROM node:20-slim\nWORKDIR /app\nCOPY ./ /app/\n',
    files: { '.dockerignore': '*.log\n', '.git/HEAD': '' },
    expect: ['1:1-1:5'],
    messages: [/^\.dockerignore does not exclude `\.git`: the repository history is sent with every build and a new commit invalidates the `COPY \.\/ \/app\/` cache; add `\.git` to it$/],
  },
  {
    name: 'no instruction copies the whole context: the message says what a later `COPY . .` would do',
    text: 'FROM node:20-slim\nCOPY package.json server.js /app/\n',
    files: { '.dockerignore': '*.log\n', '.env': 'TOKEN=x' },
    expect: ['1:1-1:5'],
    messages: [/^\.dockerignore does not exclude `\.env`: a later `COPY \. \.` would bake the secrets in it into an image layer that anyone who pulls the image can read; add `\.env` to it$/],
    fixedFiles: { '.dockerignore': '*.log\n.env\n' },
  },
  {
    name: 'a negation re-includes the folder',
    text: DF,
    files: { '.dockerignore': 'node_modules\n!node_modules\n', 'node_modules/a/index.js': '' },
    expect: ['1:1-1:5'],
    fixedFiles: { '.dockerignore': 'node_modules\n!node_modules\nnode_modules\n' },
  },
  {
    name: 'per-Dockerfile ignore file is the one that counts',
    text: DF,
    files: { 'Dockerfile.dockerignore': '*.log\n', '.dockerignore': '.git\n', '.git/HEAD': '' },
    expect: ['1:1-1:5'],
    messages: [/Dockerfile\.dockerignore does not exclude `\.git`/],
    fixedFiles: { 'Dockerfile.dockerignore': '*.log\n.git\n' },
  },
  {
    name: 'covered by directory, glob, anchored and ./ patterns',
    text: DF,
    files: { '.dockerignore': 'node_modules/\n/.git\n./venv\n**/.env\n', 'node_modules/a/index.js': '', '.git/HEAD': '', 'venv/bin/python': '', '.env': '' },
    expect: [],
  },
  { name: 'allow-list style ignore file', text: DF, files: { '.dockerignore': '*\n!src\n!package*.json\n', '.git/HEAD': '', '.env': '', 'src/a.js': '' }, expect: [] },
  { name: 'contents excluded with /*', text: DF, files: { '.dockerignore': 'node_modules/*\n', 'node_modules/a/index.js': '' }, expect: [] },
  { name: 'absent entries are not reported', text: DF, files: { '.dockerignore': '*.log\n', 'src/a.js': '' }, expect: [] },
  { name: 'explicitly copied', text: 'FROM alpine:3.20\nCOPY .git /src/.git\n', files: { '.dockerignore': '*.log\n', '.git/HEAD': '' }, expect: [] },
  { name: 'no .dockerignore: left to missing-dockerignore', text: DF, files: { '.git/HEAD': '' }, expect: [] },
  { name: 'no build context known', text: DF, expect: [] },
]);
