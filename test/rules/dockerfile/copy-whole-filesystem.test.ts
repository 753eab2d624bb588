// The copy-whole-filesystem table (hadolint DL3067): the spellings it reports with their ranges and fixes, and the near-misses it leaves alone.
import { copyWholeFilesystem } from '../../../server/src/rules/dockerfile/copy-whole-filesystem';
import { ruleTable } from '../../helpers/ruleTable';

const BUILD = 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\n';

ruleTable(copyWholeFilesystem, [
  {
    name: 'a stage copied root to root',
    text: `${BUILD}FROM alpine:3.20\nCOPY --from=build / /\n`,
    expect: ['4:19-4:20'],
    messages: [/whole filesystem of `build`/],
  },
  { name: 'quoted, with other flags, from an image', text: 'FROM alpine:3.20\nCOPY --link --from=busybox:1.36 "/" "/"\n', expect: ['2:33-2:36'] },
  { name: 'exec form and a stage index', text: `${BUILD}FROM scratch\nCOPY --from=0 ["/", "/"]\n`, expect: ['4:16-4:19'] },
  { name: 'a subfolder is fine', text: `${BUILD}FROM alpine:3.20\nCOPY --from=build /out/ /usr/local/bin/\n`, expect: [] },
  { name: 'root into a folder is not the whole image over this one', text: `${BUILD}FROM alpine:3.20\nCOPY --from=build / /rootfs/\n`, expect: [] },
  { name: 'a build context copy of / is not this rule', text: 'FROM alpine:3.20\nCOPY / /\n', expect: [] },
]);
