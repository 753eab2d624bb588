import { copyIgnoredFile } from '../../../server/src/rules/dockerfile/copy-ignored-file';
import { ruleTable } from '../../helpers/ruleTable';

const files = { '.dockerignore': '# local files\n.env\nbuild/\n**/*.log\ndocs/*.md\n', '.env': 'X=1', 'package.json': '{}' };

ruleTable(copyIgnoredFile, [
  {
    name: 'a file the ignore file names',
    text: 'FROM node:20\nCOPY package.json .env /app/\n',
    files,
    expect: ['2:19-2:23'],
    messages: [/COPY `\.env`: \.dockerignore excludes it \(pattern `\.env`\), so it is not in the build context/],
  },
  { name: 'a file inside an ignored folder, ./ prefix, ADD', text: 'FROM node:20\nADD ./build/app.js /app/\n', files, expect: ['2:5-2:19'], messages: [/pattern `build`/] },
  { name: '** matches at any depth; JSON form', text: 'FROM node:20\nCOPY ["logs/a/b.log", "/tmp/"]\n', files, expect: ['2:7-2:21'], messages: [/pattern `\*\*\/\*\.log`/] },
  { name: '* does not cross folders', text: 'FROM node:20\nCOPY docs/guide.md docs/api/ref.md /d/\n', files, expect: ['2:6-2:19'] },
  { name: 'COPY . . only when everything is ignored', text: 'FROM node:20\nCOPY . .\n', files: { '.dockerignore': '*\n' }, expect: ['2:6-2:7'] },
  { name: 'COPY . . with a partial ignore file is fine', text: 'FROM node:20\nCOPY . .\n', files, expect: [] },
  { name: 'exceptions turn the check off, as in BuildKit', text: 'FROM node:20\nCOPY .env /app/\n', files: { '.dockerignore': '*\n!package.json\n' }, expect: [] },
  { name: 'COPY --from, URLs and variables are not context files', text: 'FROM node:20\nCOPY --from=build .env /x\nADD https://example.com/.env /x\nARG F=.env\nCOPY $F /x\n', files, expect: [] },
  { name: 'no ignore file', text: 'FROM node:20\nCOPY .env /app/\n', files: { '.env': 'X=1' }, expect: [] },
  { name: 'no build context known', text: 'FROM node:20\nCOPY .env /app/\n', expect: [] },
]);
