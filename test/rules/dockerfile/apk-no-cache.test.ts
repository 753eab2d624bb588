import { apkNoCache } from '../../../server/src/rules/dockerfile/apk-no-cache';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(apkNoCache, [
  {
    name: 'apk add',
    text: 'FROM alpine:3.20\nRUN apk add curl\n',
    expect: ['2:9-2:12'],
    messages: [/--no-cache/],
    fixed: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
  },
  {
    name: 'in a && chain with --update and a virtual package',
    text: 'FROM alpine:3.20\nRUN apk update && apk add --update -t .build-deps gcc && make\n',
    expect: ['2:23-2:26'],
    fixed: 'FROM alpine:3.20\nRUN apk update && apk add --no-cache --update -t .build-deps gcc && make\n',
  },
  {
    name: 'multi-line, sudo, option with a value before add',
    text: 'FROM alpine:3.20\nRUN set -eux; \\\n    sudo apk -X https://dl-cdn.alpinelinux.org/alpine/edge/testing add \\\n        tool\n',
    expect: ['3:68-3:71'],
    fixed: 'FROM alpine:3.20\nRUN set -eux; \\\n    sudo apk -X https://dl-cdn.alpinelinux.org/alpine/edge/testing add --no-cache \\\n        tool\n',
  },
  {
    name: 'cleanup before the add does not count',
    text: 'FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && apk add git\n',
    expect: ['2:36-2:39'],
    fixed: 'FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && apk add --no-cache git\n',
  },
  { name: '--no-cache present', text: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n', expect: [] },
  { name: '--no-cache as a global option', text: 'FROM alpine:3.20\nRUN apk --no-cache add curl\n', expect: [] },
  { name: 'cache removed in the same RUN', text: 'FROM alpine:3.20\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n', expect: [] },
  { name: 'cache mount on /var/cache/apk', text: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n', expect: [] },
  { name: 'cache mount on /etc/apk/cache', text: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/etc/apk/cache apk add curl\n', expect: [] },
  { name: 'builder stage', text: 'FROM alpine:3.20 AS build\nRUN apk add build-base\nFROM alpine:3.20\nCOPY --from=build /out /out\n', expect: [] },
  { name: 'other subcommands and quoted mentions', text: 'FROM alpine:3.20\nRUN apk del curl && echo "apk add curl" && apk info\n', expect: [] },
]);
