import { stageNameCasing } from '../../../server/src/rules/dockerfile/stage-name-casing';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(stageNameCasing, [
  {
    name: 'an upper-case stage name is lower-cased with its references',
    text: 'FROM golang:1.22 AS Build\nRUN go build ./...\nFROM Build AS Test\nRUN --mount=type=cache,from=BUILD,target=/c true\nFROM alpine:3.20\nCOPY --from=Build /out /out\nCOPY --from=test /r /r\n',
    expect: ['1:21-1:26', '3:15-3:19'],
    messages: [/`Build` should be lower-case \(`build`\)/, /`Test`/],
    fixed: 'FROM golang:1.22 AS build\nRUN go build ./...\nFROM build AS Test\nRUN --mount=type=cache,from=build,target=/c true\nFROM alpine:3.20\nCOPY --from=build /out /out\nCOPY --from=test /r /r\n',
  },
  {
    name: 'lower-case keywords, camel case name; an image of the same letters is not a reference',
    text: 'from node:20 as webApp\nfrom alpine:3.20\ncopy --from=webapp /app /app\ncopy --from=nginx:1.27 /etc/nginx /etc/nginx\n',
    expect: ['1:17-1:23'],
    fixed: 'from node:20 as webapp\nfrom alpine:3.20\ncopy --from=webapp /app /app\ncopy --from=nginx:1.27 /etc/nginx /etc/nginx\n',
  },
  { name: 'lower-case names are fine', text: 'FROM golang:1.22 AS build-1\nFROM build-1 AS test\n', expect: [] },
  { name: 'an upper-case image is not a stage name', text: 'FROM MyRegistry.example.com/app:1\n', expect: [] },
  { name: 'a stage without a name is fine', text: 'FROM alpine:3.20\n', expect: [] },
]);
