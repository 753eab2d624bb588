import { fromPlatformConstant } from '../../../server/src/rules/dockerfile/from-platform-constant';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(fromPlatformConstant, [
  { name: 'linux/amd64', text: 'FROM --platform=linux/amd64 alpine:3.20 AS base\n', expect: ['1:6-1:28'], messages: [/`--platform=linux\/amd64` pins this stage to one platform/] },
  { name: 'an architecture alone, no stage name', text: 'FROM --platform=arm64 alpine:3.20\n', expect: ['1:6-1:22'] },
  { name: 'a variant, lower-case keyword', text: 'from --platform=linux/arm/v7 alpine:3.20 as runtime\n', expect: ['1:6-1:29'] },
  { name: 'a stage named after its architecture', text: 'FROM --platform=linux/amd64 alpine:3.20 AS build_amd64\nFROM --platform=linux/arm64 alpine:3.20 AS build-arm64\n', expect: [] },
  { name: 'an aliased architecture is normalised like containerd', text: 'FROM --platform=linux/x86_64 alpine:3.20 AS tools-amd64\n', expect: [] },
  { name: 'a stage named after its OS', text: 'FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS windows\n', expect: [] },
  { name: 'variables are not constants', text: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM --platform=${TARGETOS}/amd64 alpine:3.20\n', expect: [] },
  { name: 'no flag', text: 'FROM alpine:3.20\n', expect: [] },
]);
