import { invalidDefaultArgInFrom } from '../../../server/src/rules/dockerfile/invalid-default-arg-in-from';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(invalidDefaultArgInFrom, [
  {
    name: 'an ARG without a default makes an empty tag',
    text: 'ARG TAG\nFROM busybox:${TAG}\n',
    expect: ['2:6-2:20'],
    messages: [/`busybox:\$\{TAG\}` is `busybox:`, which is not a valid image reference/],
  },
  { name: 'the whole image from an ARG without a default', text: 'ARG BASE\nFROM $BASE AS build\n', expect: ['2:6-2:11'], messages: [/is an empty image name/] },
  { name: 'a default with upper-case letters', text: 'ARG IMAGE=Alpine\nFROM ${IMAGE}:3.20\n', expect: ['2:6-2:19'] },
  { name: 'an empty variant is fine', text: 'ARG VARIANT\nFROM busybox:stable${VARIANT}\n', expect: [] },
  { name: 'a default in the reference', text: 'ARG TAG\nFROM alpine:${TAG:-3.20}\n', expect: [] },
  { name: 'defaults that make a full reference with registry, port and digest', text: 'ARG REG=registry.example.com:5000\nARG DIGEST=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nFROM ${REG}/team/app:1.2@${DIGEST}\n', expect: [] },
  { name: 'platform args are set', text: 'FROM build-${TARGETARCH}\n', expect: [] },
  { name: 'no variable', text: 'FROM alpine:3.20\n', expect: [] },
]);
