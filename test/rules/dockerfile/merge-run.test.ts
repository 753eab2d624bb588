import { mergeRun } from '../../../server/src/rules/dockerfile/merge-run';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(mergeRun, [
  {
    name: 'two consecutive RUNs are merged',
    text: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n',
    expect: ['3:1-3:4'],
    messages: [/2 consecutive RUN/],
    fixed: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl\n',
  },
  {
    name: 'three RUNs with a comment between keep the comment and every command',
    text: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n# fetch the tool\nRUN curl -fsSL https://x.example/t -o /t\nRUN chmod +x /t\nCMD ["/t"]\n',
    expect: ['4:1-4:4'],
    fixed:
      'FROM alpine:3.20\nRUN apk add --no-cache curl && \\\n    # fetch the tool\n    curl -fsSL https://x.example/t -o /t && \\\n    chmod +x /t\nCMD ["/t"]\n',
  },
  {
    name: 'multi-line RUNs keep their own continuation lines',
    text: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y git\nRUN git --version\n',
    expect: ['4:1-4:4'],
    fixed: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y git && \\\n    git --version\n',
  },
  {
    name: 'trailing semicolon is dropped before joining',
    text: 'FROM debian:12\nRUN echo a;\nRUN echo b\n',
    expect: ['3:1-3:4'],
    fixed: 'FROM debian:12\nRUN echo a && \\\n    echo b\n',
  },
  {
    name: 'RUNs with the same cache mount merge',
    text: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache pip install a\nRUN --mount=type=cache,target=/root/.cache pip install b\n',
    expect: ['3:1-3:4'],
    fixed: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache pip install a && \\\n    pip install b\n',
  },
  {
    name: 'CRLF line endings',
    text: 'FROM debian:12\r\nRUN echo a\r\nRUN echo b\r\n',
    expect: ['3:1-3:4'],
    fixed: 'FROM debian:12\r\nRUN echo a && \\\r\n    echo b\r\n',
  },
  { name: 'different flags stay apart', text: 'FROM debian:12\nRUN --network=none echo a\nRUN echo b\n', expect: [] },
  { name: 'an ENV between breaks the group', text: 'FROM debian:12\nRUN echo a\nENV A=1\nRUN echo b\n', expect: [] },
  { name: 'exec form is not merged', text: 'FROM debian:12\nRUN ["echo", "a"]\nRUN echo b\n', expect: [] },
  { name: 'heredoc RUN is not merged', text: 'FROM debian:12\nRUN <<EOF\necho a\nEOF\nRUN echo b\n', expect: [] },
  { name: 'RUNs in different stages', text: 'FROM golang:1.22 AS build\nRUN go version\nFROM debian:12\nRUN echo b\n', expect: [] },
  {
    name: 'a builder stage that does not ship is not flagged; the final stage is',
    text: 'FROM golang:1.22 AS build\nRUN go mod download\nRUN go build -o /app .\nFROM debian:12-slim\nCOPY --from=build /app /app\nRUN echo a\nRUN echo b\n',
    expect: ['7:1-7:4'],
    fixed: 'FROM golang:1.22 AS build\nRUN go mod download\nRUN go build -o /app .\nFROM debian:12-slim\nCOPY --from=build /app /app\nRUN echo a && \\\n    echo b\n',
  },
  {
    name: 'a stage the final stage is based on ships, so it is flagged',
    text: 'FROM debian:12-slim AS base\nRUN echo a\nRUN echo b\nFROM base\nCMD ["sh"]\n',
    expect: ['3:1-3:4'],
  },
  { name: 'a single RUN', text: 'FROM debian:12\nRUN echo a\n', expect: [] },
]);
