// The copy-archive-then-extract table (hadolint DL3010): the spellings it reports with their ranges and fixes, and the near-misses it leaves alone.
import { copyArchiveThenExtract } from '../../../server/src/rules/dockerfile/copy-archive-then-extract';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(copyArchiveThenExtract, [
  {
    name: 'COPY to a folder, tar -xzf its path',
    text: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n',
    expect: ['2:6-2:16'],
    messages: [/`app\.tar\.gz` is copied and then unpacked.*`ADD app\.tar\.gz <dir>`/],
  },
  { name: 'COPY to an archive name, --extract --file=', text: 'FROM debian:12\nCOPY dist/build.tgz /tmp/b.tgz\nRUN tar --extract --file=/tmp/b.tgz -C /srv\n', expect: ['2:6-2:20'] },
  { name: 'old-style tar xJf after other RUNs, quoted source', text: 'FROM debian:12\nCOPY "data.tar.xz" /src/\nRUN echo hi\nRUN cd /src && tar xJf data.tar.xz\n', expect: ['2:6-2:19'] },
  { name: 'exec-form COPY, a glued -xf', text: 'FROM alpine:3.20\nCOPY ["pkg.tar", "/tmp/"]\nRUN tar -xf/tmp/pkg.tar\n', expect: ['2:7-2:16'] },
  { name: 'only the extracted one of two archives', text: 'FROM debian:12\nCOPY a.tgz b.tgz /tmp/\nRUN tar -xzf /tmp/b.tgz\n', expect: ['2:12-2:17'] },
  { name: 'ADD already unpacks', text: 'FROM debian:12\nADD app.tar.gz /opt/\n', expect: [] },
  { name: 'tar that creates an archive', text: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -czf /tmp/out.tgz /tmp/app.tar.gz\n', expect: [] },
  { name: 'a zip is not unpacked by ADD', text: 'FROM debian:12\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip\n', expect: [] },
  { name: 'an archive from another stage', text: 'FROM alpine:3.20 AS dl\nRUN wget -O /x.tgz https://example.com/x.tgz\nFROM alpine:3.20\nCOPY --from=dl /x.tgz /tmp/\nRUN tar -xzf /tmp/x.tgz\n', expect: [] },
  { name: 'unpacked in a later stage only', text: 'FROM debian:12 AS a\nCOPY app.tgz /tmp/\nFROM a\nRUN tar -xzf /tmp/app.tgz\n', expect: [] },
]);
