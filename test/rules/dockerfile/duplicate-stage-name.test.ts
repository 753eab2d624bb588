import { duplicateStageName } from '../../../server/src/rules/dockerfile/duplicate-stage-name';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(duplicateStageName, [
  {
    name: 'the second stage with the same name is flagged',
    text: 'FROM golang:1.22 AS build\nRUN go build ./...\nFROM node:20 AS build\nRUN npm ci\n',
    expect: ['3:17-3:22'],
    messages: [/`build` is already used by the stage on line 1/],
  },
  {
    name: 'names are compared case-insensitively',
    text: 'FROM golang:1.22 AS Build\nFROM node:20 as BUILD\n',
    expect: ['2:17-2:22'],
    messages: [/`BUILD`/],
  },
  {
    name: 'a third duplicate is flagged too',
    text: 'FROM a:1 AS x\nFROM b:1 AS x\nFROM c:1 AS x\n',
    expect: ['2:13-2:14', '3:13-3:14'],
  },
  {
    name: 'FROM split over lines with --platform',
    text: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM --platform=linux/amd64 \\\n    alpine:3.20 AS build\n',
    expect: ['3:20-3:25'],
  },
  { name: 'distinct names are fine', text: 'FROM golang:1.22 AS build\nFROM node:20 AS web\nFROM alpine:3.20\n', expect: [] },
  { name: 'a stage built FROM a stage of that name is not a duplicate', text: 'FROM golang:1.22 AS build\nFROM build AS test\n', expect: [] },
  { name: 'unnamed stages are fine', text: 'FROM golang:1.22\nFROM golang:1.22\n', expect: [] },
]);
