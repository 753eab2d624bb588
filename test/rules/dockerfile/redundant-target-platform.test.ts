import { redundantTargetPlatform } from '../../../server/src/rules/dockerfile/redundant-target-platform';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(redundantTargetPlatform, [
  {
    name: '--platform=$TARGETPLATFORM',
    text: 'FROM --platform=$TARGETPLATFORM alpine:3.20\nRUN echo hi\n',
    expect: ['1:6-1:32'],
    messages: [/`--platform=\$TARGETPLATFORM` is redundant/],
    fixed: 'FROM alpine:3.20\nRUN echo hi\n',
  },
  { name: 'braces, lower-case keyword, named stage', text: 'from  --platform=${TARGETPLATFORM}   golang:1.22 as build\n', expect: ['1:7-1:35'], fixed: 'from  golang:1.22 as build\n' },
  { name: 'with a default', text: 'FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine:3.20\n', expect: ['1:6-1:47'], fixed: 'FROM alpine:3.20\n' },
  { name: '$BUILDPLATFORM is what cross-compiling stages want', text: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n', expect: [] },
  { name: 'a platform built from parts is not flagged', text: 'FROM --platform=$TARGETOS/$TARGETARCH alpine:3.20\n', expect: [] },
  { name: 'a global ARG redefining TARGETPLATFORM', text: 'ARG TARGETPLATFORM=linux/arm64\nFROM --platform=$TARGETPLATFORM alpine:3.20\n', expect: [] },
]);
