import { undefinedArgInFrom } from '../../../server/src/rules/dockerfile/undefined-arg-in-from';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(undefinedArgInFrom, [
  {
    name: 'an undeclared variable in the image',
    text: 'FROM node:22${VARIANT} AS build\n',
    expect: ['1:13-1:23'],
    messages: [/`\$VARIANT`, which no ARG before the first FROM declares; add `ARG VARIANT=…` above it/],
    noFix: true,
  },
  {
    name: 'a misspelt platform arg gets a suggestion and a fix',
    text: 'FROM --platform=$BUILDPLATFROM golang:1.22 AS build\n',
    expect: ['1:17-1:31'],
    messages: [/did you mean `\$BUILDPLATFORM`\?/],
    fixed: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n',
  },
  {
    name: 'an ARG declared after the first FROM does not count',
    text: 'FROM alpine:3.20\nARG TAG=3.20\nFROM alpine:${TAG}\n',
    expect: ['3:13-3:19'],
  },
  { name: 'a misspelt global ARG', text: 'ARG ALPINE_VERSION=3.20\nFROM alpine:$ALPINE_VERSON\n', expect: ['2:13-2:27'], messages: [/did you mean `\$ALPINE_VERSION`/], fixed: 'ARG ALPINE_VERSION=3.20\nFROM alpine:$ALPINE_VERSION\n' },
  { name: 'declared globally, with or without a default', text: 'ARG BASE=alpine\nARG TAG\nFROM ${BASE}:${TAG:-3.20}\n', expect: [] },
  { name: 'BuildKit\'s platform args', text: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM build-${TARGETARCH}${TARGETVARIANT}\n', expect: [] },
]);
