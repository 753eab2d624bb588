import { npmUnpinned } from '../../../server/src/rules/dockerfile/npm-unpinned';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(npmUnpinned, [
  {
    name: 'npm install without a version',
    text: 'FROM node:20\nRUN npm install -g typescript@5.6.3 ts-node\n',
    expect: ['2:37-2:44'],
    messages: [/^`ts-node` is installed without a version; pin it as `ts-node@<version>`/],
    noFix: true,
  },
  { name: '@latest is a moving tag', text: 'FROM node:20\nRUN npm i -g npm@latest\n', expect: ['2:14-2:24'], messages: [/pin it as `npm@<version>`/] },
  { name: 'a scoped package', text: 'FROM node:20\nRUN npm install --save-dev @types/node @types/express@4.17.21\n', expect: ['2:28-2:39'] },
  {
    name: 'git dependencies without #ref',
    text: 'FROM node:20\nRUN npm install git+https://github.com/o/r.git github:o/r o/r\n',
    expect: ['2:17-2:47', '2:48-2:58', '2:59-2:62'],
    messages: [/#<commit>/, /#<commit>/, /#<commit>/],
  },
  { name: 'options with values before and after install', text: 'FROM node:20\nRUN npm --prefix /app install --registry https://r.example left-pad\n', expect: ['2:60-2:68'] },
  { name: 'the add alias and a workspace', text: 'FROM node:20\nRUN npm add -w api express\n', expect: ['2:20-2:27'] },
  { name: 'versions, ranges and tags other than latest', text: "FROM node:20\nRUN npm install -g pnpm@9.12.1 'left-pad@^1.3.0' @types/node@20 corepack@next\n", expect: [] },
  { name: 'npm ci and a bare npm install', text: 'FROM node:20\nCOPY package*.json ./\nRUN npm ci && npm install && npm install --omit=dev\n', expect: [] },
  { name: 'folders, tarballs and their URLs', text: 'FROM node:20\nRUN npm install ./packages/a ../b /opt/c file:../d e-1.0.0.tgz https://example.com/f.tar.gz\n', expect: [] },
  { name: 'git dependencies with a ref', text: "FROM node:20\nRUN npm install git+https://github.com/o/r.git#v1.0.0 'github:o/r#semver:^2' o/r#3f2c1e\n", expect: [] },
  { name: 'a variable', text: 'FROM node:20\nRUN npm install -g "$TOOLS"\n', expect: [] },
  { name: 'other commands', text: 'FROM node:20\nRUN npm run build && npm uninstall left-pad && yarn add react\n', expect: [] },
]);
