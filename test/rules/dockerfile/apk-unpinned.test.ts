import { apkUnpinned } from '../../../server/src/rules/dockerfile/apk-unpinned';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(apkUnpinned, [
  {
    name: 'apk add without a version',
    text: 'FROM alpine:3.20\nRUN apk add --no-cache curl bash=5.2.26-r0\n',
    expect: ['2:24-2:28'],
    messages: [/^`curl` is added without a version; pin it as `curl=<version>` or `curl~<major.minor>`/],
    noFix: true,
  },
  { name: 'the name of --virtual is not a package', text: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev=1.2.5-r0\n', expect: ['2:46-2:49'] },
  { name: 'the value of -t and --repository', text: 'FROM alpine:3.20\nRUN apk add -t deps --repository https://dl-cdn.alpinelinux.org/alpine/edge/testing py3-x\n', expect: ['2:85-2:90'] },
  {
    name: 'each package on continuation lines',
    text: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n      git \\\n      openssh-client\n',
    expect: ['3:7-3:10', '4:7-4:21'],
  },
  { name: 'pinned with = and ~, or bounded', text: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2 git~2.45 "openssl>3.3" "zlib<1.4"\n', expect: [] },
  { name: 'a local .apk file', text: 'FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/app-1.0.apk\n', expect: [] },
  { name: 'a variable', text: 'FROM alpine:3.20\nRUN apk add --no-cache $BUILD_DEPS\n', expect: [] },
  { name: 'other subcommands', text: 'FROM alpine:3.20\nRUN apk update && apk del curl && apk upgrade musl\n', expect: [] },
]);
