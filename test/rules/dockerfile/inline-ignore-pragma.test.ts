import { inlineIgnorePragma } from '../../../server/src/rules/dockerfile/inline-ignore-pragma';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(inlineIgnorePragma, [
  { name: 'a hadolint line pragma', text: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n', expect: ['2:1-2:25'], messages: [/Ignore pragma `# hadolint ignore=DL3008`/] },
  { name: 'global and stevedore pragmas, indented', text: '# hadolint global ignore=DL3007\nFROM debian:latest\n  # stevedore ignore=merge-run\nRUN a\n', expect: ['1:1-1:32', '3:3-3:31'] },
  { name: 'other comments', text: '# syntax=docker/dockerfile:1\nFROM debian:12\n# install hadolint here\nRUN true\n', expect: [] },
]);
