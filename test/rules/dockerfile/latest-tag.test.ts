import { latestTag } from '../../../server/src/rules/dockerfile/latest-tag';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(latestTag, [
  { name: 'latest tag on the final stage', text: 'FROM node:latest\n', expect: ['1:11-1:17'], messages: [/`node:latest` is not reproducible/] },
  { name: 'latest tag on a builder stage too', text: 'FROM golang:latest AS build\nFROM gcr.io/distroless/static-debian12\n', expect: ['1:13-1:19'] },
  { name: 'with a registry', text: 'FROM ghcr.io/acme/api:latest\n', expect: ['1:23-1:29'], messages: [/`acme\/api:latest`/] },
  { name: 'from a global ARG default', text: 'ARG TAG=latest\nFROM node:${TAG}\n', expect: ['2:11-2:17'] },
  { name: 'a pinned digest makes latest harmless', text: 'FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n', expect: [] },
  { name: 'a version tag', text: 'FROM node:20-slim\n', expect: [] },
  { name: 'a stage reference', text: 'FROM node:20 AS latest\nFROM latest\n', expect: [] },
  { name: 'untagged is another rule', text: 'FROM node\n', expect: [] },
]);
