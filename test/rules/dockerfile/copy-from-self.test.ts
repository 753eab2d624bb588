import { copyFromSelf } from '../../../server/src/rules/dockerfile/copy-from-self';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(copyFromSelf, [
  {
    name: 'COPY --from naming its own stage',
    text: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nCOPY --from=build /out/app /usr/bin/app\n',
    expect: ['3:13-3:18'],
    messages: [/refers to the stage it is in/],
  },
  { name: 'by index', text: 'FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=1 /a /a\n', expect: ['3:13-3:14'] },
  { name: 'case-insensitive name', text: 'FROM golang:1.22 AS Build\nCOPY --from=BUILD /a /b\n', expect: ['2:13-2:18'] },
  {
    name: 'with other flags, on a continuation line',
    text: 'FROM golang:1.22 AS build\nCOPY --chown=app:app \\\n    --from=build /a /b\n',
    expect: ['3:12-3:17'],
  },
  { name: 'copy from an earlier stage is fine', text: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /a /a\nCOPY --from=0 /b /b\n', expect: [] },
  { name: 'an image with the same repository name is fine', text: 'FROM golang:1.22 AS golang\nCOPY --from=golang:1.21 /usr/local/go /go121\n', expect: [] },
  { name: 'plain COPY is fine', text: 'FROM golang:1.22 AS build\nCOPY build /build\n', expect: [] },
]);
