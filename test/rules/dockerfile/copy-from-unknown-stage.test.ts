import { copyFromUnknownStage } from '../../../server/src/rules/dockerfile/copy-from-unknown-stage';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(copyFromUnknownStage, [
  {
    name: 'a typo of a stage name is pulled as an image; the fix uses the stage',
    text: 'FROM golang:1.22 AS builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=buidler /app /app\n',
    expect: ['4:13-4:20'],
    messages: [/not the name of an earlier stage.*did you mean `builder`/],
    fixed: 'FROM golang:1.22 AS builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=builder /app /app\n',
  },
  {
    name: 'the suggestion keeps the stage name as written, with other flags before --from',
    text: 'FROM golang:1.22 AS Builder\nFROM alpine:3.20\nCOPY --chown=1000 --link \\\n    --from=bulder /app /app\n',
    expect: ['4:12-4:18'],
    fixed: 'FROM golang:1.22 AS Builder\nFROM alpine:3.20\nCOPY --chown=1000 --link \\\n    --from=Builder /app /app\n',
  },
  {
    name: 'no close stage name: flagged without a fix',
    text: 'FROM golang:1.22 AS builder\nFROM alpine:3.20\nCOPY --from=busybox /bin/busybox /bin/\n',
    expect: ['3:13-3:20'],
    messages: [/write the image with a tag/],
  },
  {
    name: 'a stage defined later is a build error',
    text: 'FROM alpine:3.20\nCOPY --from=assets /a /a\nFROM node:20 AS assets\n',
    expect: ['2:13-2:19'],
    messages: [/defined later \(line 3\)/],
  },
  {
    name: 'a stage index that is not earlier is a build error',
    text: 'FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=2 /a /a\n',
    expect: ['3:13-3:14'],
    messages: [/this is stage 1/],
  },
  {
    name: 'a stage index past the last stage, after other flags',
    text: 'FROM golang:1.22\nFROM alpine:3.20\nCOPY --link --from=5 /a /a\nCOPY --from=2 /b /b\n',
    expect: ['3:20-3:21', '4:13-4:14'],
    messages: [/there is no stage 5 \(stages are numbered from 0, this Dockerfile has 2 and this is stage 1\)/, /there is no stage 2/],
  },
  { name: 'an earlier stage name is fine (case-insensitive)', text: 'FROM golang:1.22 AS Build\nFROM alpine:3.20\nCOPY --from=build /a /a\n', expect: [] },
  { name: 'an earlier stage index is fine', text: 'FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /a /a\n', expect: [] },
  { name: 'image references with a tag or a path are fine', text: 'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\nCOPY --from=ghcr.io/org/tool /tool /tool\nCOPY --from=docker/buildx-bin /buildx /buildx\n', expect: [] },
  { name: 'variables are left alone', text: 'ARG BASE=builder\nFROM golang:1.22 AS builder\nFROM alpine:3.20\nCOPY --from=${BASE} /a /a\n', expect: [] },
  { name: 'its own stage is copy-from-self\'s business', text: 'FROM golang:1.22 AS build\nCOPY --from=build /a /b\n', expect: [] },
  { name: 'plain COPY and RUN --mount from= are not checked', text: 'FROM alpine:3.20\nCOPY builder /b\nRUN --mount=from=cache,target=/c true\n', expect: [] },
]);
