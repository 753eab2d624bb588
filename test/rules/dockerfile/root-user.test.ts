import { rootUser } from '../../../server/src/rules/dockerfile/root-user';
import { ruleTable } from '../../helpers/ruleTable';

const DEB_USER = 'RUN groupadd --system app && useradd --system --gid app --no-create-home app\nUSER app\n';
const ALPINE_USER = 'RUN addgroup -S app && adduser -S -G app app\nUSER app\n';

ruleTable(rootUser, [
  {
    name: 'no USER in a Debian-based image: create a system user before CMD',
    text: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n',
    expect: ['1:6-1:22'],
    messages: [/sets no USER/],
    fixed: `FROM python:3.12-slim\nCOPY . /app\n${DEB_USER}CMD ["python", "/app/main.py"]\n`,
  },
  {
    name: 'alpine gets busybox addgroup/adduser before the first of ENTRYPOINT/CMD',
    text: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nENTRYPOINT ["curl"]\nCMD ["--help"]\n',
    expect: ['1:6-1:17'],
    fixed: `FROM alpine:3.20\nRUN apk add --no-cache curl\n${ALPINE_USER}ENTRYPOINT ["curl"]\nCMD ["--help"]\n`,
  },
  {
    name: 'node images reuse the node user',
    text: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "index.js"]\n',
    expect: ['1:6-1:20'],
    fixed: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "index.js"]\n',
  },
  {
    name: 'distroless without the nonroot tag switches to its nonroot user',
    text: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nCMD ["/app"]\n',
    expect: ['3:6-3:39'],
    fixed: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nUSER nonroot\nCMD ["/app"]\n',
  },
  {
    name: 'a final USER root is replaced in place, with the user created before it',
    text: 'FROM debian:12\nRUN apt-get update\nUSER root\nCMD ["bash"]\n',
    expect: ['3:6-3:10'],
    messages: [/`USER root` is the last USER/],
    fixed: `FROM debian:12\nRUN apt-get update\n${DEB_USER}CMD ["bash"]\n`,
  },
  {
    name: 'USER root followed by RUNs keeps root for them and switches back to the earlier user before CMD',
    text: 'FROM ubuntu:24.04\nUSER app\nUSER root\nRUN apt-get update && \\\n    apt-get install -y curl\nCMD ["curl"]\n',
    expect: ['3:6-3:10'],
    fixed: 'FROM ubuntu:24.04\nUSER app\nUSER root\nRUN apt-get update && \\\n    apt-get install -y curl\nUSER app\nCMD ["curl"]\n',
  },
  {
    name: 'USER 0:0 inherited from the parent stage',
    text: 'FROM debian:12 AS base\nUSER 0:0\nFROM base\nCMD ["bash"]\n',
    expect: ['2:6-2:9'],
    fixed: `FROM debian:12 AS base\nUSER 0:0\nFROM base\n${DEB_USER}CMD ["bash"]\n`,
  },
  {
    name: 'no CMD and no trailing newline: the user goes at the end',
    text: 'FROM debian:12\nRUN echo hi',
    expect: ['1:6-1:15'],
    fixed: `FROM debian:12\nRUN echo hi\n${DEB_USER}`,
  },
  {
    name: 'CRLF line endings are kept',
    text: 'FROM node:20\r\nCMD ["node"]\r\n',
    expect: ['1:6-1:13'],
    fixed: 'FROM node:20\r\nUSER node\r\nCMD ["node"]\r\n',
  },
  {
    name: 'Chainguard -dev images run as root; busybox tools create the user',
    text: 'FROM cgr.dev/chainguard/python:latest-dev\nCMD ["python"]\n',
    expect: ['1:6-1:42'],
    fixed: `FROM cgr.dev/chainguard/python:latest-dev\n${ALPINE_USER}CMD ["python"]\n`,
  },
  { name: 'root only in a builder stage', text: 'FROM golang:1.22 AS build\nUSER root\nRUN go build\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n', expect: [] },
  {
    name: 'USER root of a builder stage is not reported; the final stage without USER is, at its FROM (hadolint reports every stage)',
    text: 'FROM golang:1.22 AS build\nUSER root\nRUN go build\nFROM debian:12\nCOPY --from=build /app /app\n',
    expect: ['4:6-4:15'],
    messages: [/final image sets no USER/],
  },
  { name: 'a final stage built FROM a root stage that switches user', text: 'FROM debian:12 AS base\nUSER root\nRUN apt-get update\nFROM base\nUSER 10001\n', expect: [] },
  { name: 'a non-root USER after USER root', text: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app:app\nCMD ["bash"]\n', expect: [] },
  { name: 'non-root USER inherited from the parent stage', text: 'FROM node:20 AS base\nUSER node\nFROM base\nCMD ["node"]\n', expect: [] },
  { name: 'USER from a variable is unknown', text: 'FROM debian:12\nARG APP_USER=root\nUSER ${APP_USER}\n', expect: [] },
  { name: 'scratch has no users', text: 'FROM scratch\nCOPY app /app\nCMD ["/app"]\n', expect: [] },
  { name: 'bitnami images run as 1001', text: 'FROM bitnami/redis:7.2\nCOPY redis.conf /opt/bitnami/redis/etc/\n', expect: [] },
  { name: 'Chainguard images run as nonroot', text: 'FROM cgr.dev/chainguard/static:latest\nCOPY app /app\n', expect: [] },
  { name: 'an unresolved base image is unknown', text: 'ARG BASE\nFROM ${BASE}\nCMD ["x"]\n', expect: [] },
  { name: 'Windows images', text: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["cmd"]\n', expect: [] },
]);
