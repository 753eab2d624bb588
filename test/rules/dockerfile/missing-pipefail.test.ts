import { missingPipefail } from '../../../server/src/rules/dockerfile/missing-pipefail';
import { ruleTable } from '../../helpers/ruleTable';

const BASH = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\n';

ruleTable(missingPipefail, [
  {
    name: 'pipe under the default shell on Debian',
    text: 'FROM debian:12\nRUN curl -fsSL https://x.example/a.tgz | tar -xz -C /opt\n',
    expect: ['2:40-2:41'],
    messages: [/without pipefail; add `SHELL \["\/bin\/bash", "-o", "pipefail", "-c"\]`/],
    fixed: `FROM debian:12\n${BASH}RUN curl -fsSL https://x.example/a.tgz | tar -xz -C /opt\n`,
  },
  {
    name: 'alpine gets the ash variant',
    text: 'FROM alpine:3.20\nRUN wget -qO- https://x.example/a.tgz | tar -xz\n',
    expect: ['2:39-2:40'],
    fixed: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://x.example/a.tgz | tar -xz\n',
  },
  {
    name: 'every piped RUN of a stage is hit; the fix for a later one goes before the first',
    text: 'FROM python:3.12-slim\nRUN echo a | tee /a\nENV X=1\nRUN apt-get update && \\\n    dpkg -l | grep ssl\n',
    expect: ['2:12-2:13', '5:13-5:14'],
    fixHit: 1,
    fixed: `FROM python:3.12-slim\n${BASH}RUN echo a | tee /a\nENV X=1\nRUN apt-get update && \\\n    dpkg -l | grep ssl\n`,
  },
  {
    name: 'a SHELL without pipefail is extended with its own bash path',
    text: 'FROM ubuntu:24.04\nSHELL ["/usr/bin/bash", "-c"]\nRUN ls | wc -l\n',
    expect: ['3:8-3:9'],
    fixed: 'FROM ubuntu:24.04\nSHELL ["/usr/bin/bash", "-c"]\nSHELL ["/usr/bin/bash", "-o", "pipefail", "-c"]\nRUN ls | wc -l\n',
  },
  {
    name: 'each stage needs its own SHELL',
    text: 'FROM golang:1.22 AS build\nRUN go list -m all | sort\nFROM debian:12\nRUN cat /etc/os-release | head -1\n',
    expect: ['2:20-2:21', '4:25-4:26'],
    fixHit: 1,
    fixed: `FROM golang:1.22 AS build\nRUN go list -m all | sort\nFROM debian:12\n${BASH}RUN cat /etc/os-release | head -1\n`,
  },
  {
    name: 'a later SHELL without pipefail starts a new group for the fix',
    text: 'FROM debian:12\nRUN ls | sort\nSHELL ["/bin/sh", "-c"]\nRUN ls | wc -l\n',
    expect: ['2:8-2:9', '4:8-4:9'],
    fixHit: 1,
    fixed: `FROM debian:12\nRUN ls | sort\nSHELL ["/bin/sh", "-c"]\n${BASH}RUN ls | wc -l\n`,
  },
  {
    name: 'heredoc RUN without a shebang',
    text: 'FROM debian:12\nRUN <<EOF\nls | sort\nEOF\n',
    expect: ['3:4-3:5'],
    fixed: `FROM debian:12\n${BASH}RUN <<EOF\nls | sort\nEOF\n`,
  },
  {
    name: 'CRLF line endings',
    text: 'FROM node:20\r\nRUN ls | sort\r\n',
    expect: ['2:8-2:9'],
    fixed: 'FROM node:20\r\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\r\nRUN ls | sort\r\n',
  },
  {
    name: 'unknown base image: bash is only offered as an unsafe fix',
    text: 'FROM myorg/base:1.4\nRUN ls | sort\n',
    expect: ['2:8-2:9'],
    messages: [/if the image has bash/],
    fixId: 'add-bash-shell',
    fixed: `FROM myorg/base:1.4\n${BASH}RUN ls | sort\n`,
  },
  {
    name: 'a scratch stage runs the shell copied into it: flagged, bash only as an unsafe fix',
    text: 'FROM debian:12 AS rootfs\nFROM scratch\nCOPY --from=rootfs / /\nRUN ls | sort\n',
    expect: ['4:8-4:9'],
    messages: [/if the image has bash/],
    fixId: 'add-bash-shell',
    fixed: `FROM debian:12 AS rootfs\nFROM scratch\nCOPY --from=rootfs / /\n${BASH}RUN ls | sort\n`,
  },
  { name: 'a pipefail SHELL of another stage does not reach a scratch stage', text: `FROM debian:12 AS rootfs\n${BASH}FROM scratch AS app\nCOPY --from=rootfs / /\nRUN ls | sort\n`, expect: ['5:8-5:9'] },
  { name: 'a scratch stage with its own pipefail SHELL', text: `FROM scratch\nCOPY --from=busybox:1.36 / /\n${BASH}RUN ls | sort\n`, expect: [] },
  { name: 'SHELL with pipefail inherited from the parent stage', text: `FROM debian:12 AS base\n${BASH}FROM base\nRUN ls | sort\n`, expect: [] },
  { name: 'set -euo pipefail in the RUN', text: 'FROM debian:12\nRUN set -euxo pipefail; \\\n    curl -fsSL https://x.example | tar -x\n', expect: [] },
  { name: 'exec form and quoted pipes', text: 'FROM debian:12\nRUN ["sh", "-c", "ls | sort"]\nRUN echo "a | b" && bash -o pipefail -c "ls | sort"\n', expect: [] },
  { name: 'logical or is not a pipe', text: 'FROM debian:12\nRUN test -f /x || exit 1\n', expect: [] },
  { name: 'heredoc with its own interpreter', text: 'FROM debian:12\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1 | 2)\nEOF\n', expect: [] },
  { name: 'Windows shell', text: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n', expect: [] },
  { name: 'images without a shell', text: 'FROM gcr.io/distroless/base-debian12\nRUN ls | sort\n', expect: [] },
]);
