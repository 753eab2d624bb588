import { invalidDefinitionDescription } from '../../../server/src/rules/dockerfile/invalid-definition-description';
import { ruleTable } from '../../helpers/ruleTable';

// The table turns the rule on (it is off by default); test/core/check-directive.test.ts covers `# check=experimental=`.
ruleTable(invalidDefinitionDescription, [
  {
    name: 'a comment above a named stage',
    text: '# install the toolchain\nFROM golang:1.22 AS build\n',
    expect: ['1:1-1:24'],
    messages: [/above this FROM is read as its description: start it with the name \(`# build <description>`\)/],
    fixed: '# install the toolchain\n\nFROM golang:1.22 AS build\n',
  },
  { name: 'a comment above an ARG, CRLF', text: 'FROM alpine:3.20\r\n# pinned for reproducibility\r\nARG VERSION=1\r\n', expect: ['2:1-2:29'], messages: [/`# VERSION <description>`/], fixed: 'FROM alpine:3.20\r\n# pinned for reproducibility\r\n\r\nARG VERSION=1\r\n' },
  { name: 'an ARG with several keys', text: '# versions\nARG A=1 B=2\nFROM alpine:3.20\n', expect: ['1:1-1:11'], messages: [/`# <arg_key> <description>`/] },
  { name: 'descriptions that start with the name', text: '# build compiles the server\nFROM golang:1.22 AS build\n#VERSION the release\nARG VERSION=1\n# A or B\nARG A=1 B=2\n', expect: [] },
  { name: 'an empty line between comment and instruction', text: '# a note\n\nFROM golang:1.22 AS build\n', expect: [] },
  { name: 'parser directives are not descriptions', text: '# syntax=docker/dockerfile:1\n# check=experimental=all\nARG BASE=alpine\nFROM $BASE\n', expect: [] },
  { name: 'a FROM without a stage name and other instructions are not checked', text: '# base image\nFROM alpine:3.20\n# install curl\nRUN apk add curl\n', expect: [] },
]);
