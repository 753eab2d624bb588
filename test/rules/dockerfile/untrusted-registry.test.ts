import { untrustedRegistry } from '../../../server/src/rules/dockerfile/untrusted-registry';
import { ruleTable } from '../../helpers/ruleTable';

const config = 'trustedRegistries:\n  - registry.example.com\n  - "*.gcr.io"\n';
ruleTable(untrustedRegistry, [
  { name: 'an image from another registry', config, text: 'FROM ghcr.io/acme/base:1.4\n', expect: ['1:6-1:27'], messages: [/untrusted registry ghcr\.io; trusted: registry\.example\.com, \*\.gcr\.io/] },
  { name: 'Docker Hub (no registry) when only others are trusted', config, text: 'FROM python:3.12-slim\n', expect: ['1:6-1:22'], messages: [/docker\.io/] },
  { name: 'each stage is checked', config, text: 'FROM quay.io/a/b:1 AS build\nFROM registry.example.com/app:2\nCOPY --from=build /x /x\n', expect: ['1:6-1:19'] },
  { name: 'a trusted registry', config, text: 'FROM registry.example.com/acme/base:1.4\n', expect: [] },
  { name: 'a wildcard match', config, text: 'FROM eu.gcr.io/distroless/static:nonroot\n', expect: [] },
  { name: 'docker.io trusted covers Docker Hub images without a registry', config: 'trustedRegistries: docker.io\n', text: 'FROM python:3.12\nFROM docker.io/library/node:20\n', expect: [] },
  { name: 'allowedRegistries is the same setting', config: 'allowedRegistries: [registry.example.com]\n', text: 'FROM ghcr.io/x/y:1\n', expect: ['1:6-1:19'] },
  { name: 'stages, scratch and unresolved variables are not judged', config, text: 'ARG BASE\nFROM $BASE AS a\nFROM scratch AS b\nFROM a\n', expect: [] },
  { name: 'a registry given by an ARG default is judged', config, text: 'ARG REG=ghcr.io\nFROM ${REG}/acme/base:1\n', expect: ['2:6-2:24'] },
  { name: 'without trustedRegistries the rule is silent', text: 'FROM ghcr.io/acme/base:1.4\n', expect: [] },
]);
