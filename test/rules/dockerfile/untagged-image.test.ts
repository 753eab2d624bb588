import { untaggedImage } from '../../../server/src/rules/dockerfile/untagged-image';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(untaggedImage, [
  {
    name: 'official image without a tag',
    text: 'FROM python\nCMD ["python"]\n',
    expect: ['1:6-1:12'],
    messages: [/`python` has no tag.*`python:<version>`/],
  },
  { name: 'registry and platform flag', text: 'FROM --platform=$BUILDPLATFORM ghcr.io/org/tool AS tool\n', expect: ['1:32-1:48'] },
  { name: 'registry with a port is not a tag', text: 'FROM localhost:5000/app\n', expect: ['1:6-1:24'] },
  {
    name: 'ARG default without a tag',
    text: 'ARG BASE=ubuntu\nFROM ${BASE}\n',
    expect: ['2:6-2:13'],
    messages: [/`\$\{BASE\}` \(`ubuntu`\) has no tag/],
  },
  { name: 'every untagged stage', text: 'FROM golang AS build\nRUN go build\nFROM debian\nCOPY --from=build /app /app\n', expect: ['1:6-1:12', '3:6-3:12'] },
  { name: 'tagged', text: 'FROM python:3.12-slim\n', expect: [] },
  { name: 'digest only', text: 'FROM python@sha256:4c2a7b1f0e3d5a6b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b\n', expect: [] },
  { name: 'stage names, in any case', text: 'FROM node:20 AS Build\nRUN npm ci\nFROM build\nFROM BUILD AS again\n', expect: [] },
  { name: 'scratch', text: 'FROM scratch\nCOPY app /\n', expect: [] },
  { name: 'ARG default with a tag', text: 'ARG BASE=python:3.12\nFROM ${BASE}\n', expect: [] },
  { name: 'variable without a default', text: 'ARG BASE\nFROM ${BASE}\nFROM python:${PY_VERSION}\n', expect: [] },
  { name: 'tag from a variable default', text: 'ARG TAG=3.20\nFROM alpine:${TAG}\n', expect: [] },
]);
