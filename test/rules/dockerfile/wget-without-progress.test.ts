// wget-without-progress (DL3047): wget's dot progress output in build logs.
import { wgetWithoutProgress } from '../../../server/src/rules/dockerfile/wget-without-progress';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(wgetWithoutProgress, [
  {
    name: 'plain wget',
    text: 'FROM debian:12\nRUN wget https://example.com/a.tgz\n',
    expect: ['2:5-2:9'],
    messages: [/add --progress=dot:giga/],
    fixed: 'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a.tgz\n',
  },
  {
    name: '-O is the output document, not the log',
    text: 'FROM debian:12\nRUN wget -O /tmp/a.tgz https://example.com/a.tgz && tar xzf /tmp/a.tgz\n',
    expect: ['2:5-2:9'],
    fixed: 'FROM debian:12\nRUN wget --progress=dot:giga -O /tmp/a.tgz https://example.com/a.tgz && tar xzf /tmp/a.tgz\n',
  },
  {
    name: 'exec form, behind sudo in a second RUN',
    text: 'FROM debian:12\nRUN ["wget", "https://example.com/a"]\nRUN sudo wget -c https://example.com/b\n',
    expect: ['2:6-2:12', '3:10-3:14'],
    fixed: 'FROM debian:12\nRUN ["wget", "--progress=dot:giga", "https://example.com/a"]\nRUN sudo wget -c https://example.com/b\n',
  },
  { name: '-nc is not -nv', text: 'FROM debian:12\nRUN wget -nc https://example.com/a\n', expect: ['2:5-2:9'] },
  { name: 'q inside the value of -O is no quiet flag', text: 'FROM debian:12\nRUN wget -Oq https://example.com/a\n', expect: ['2:5-2:9'] },
  {
    name: "BusyBox's wget: no --progress fix",
    text: 'FROM alpine:3.20\nRUN wget https://example.com/a.tgz\n',
    expect: ['2:5-2:9'],
    messages: [/BusyBox's wget has no --progress, add -q/],
    noFix: true,
  },
  {
    name: 'GNU wget installed on Alpine first: --progress works',
    text: 'FROM alpine:3.20 AS base\nRUN apk add --no-cache wget\nFROM base\nRUN wget https://example.com/a.tgz\n',
    expect: ['4:5-4:9'],
    messages: [/add --progress=dot:giga/],
    fixed: 'FROM alpine:3.20 AS base\nRUN apk add --no-cache wget\nFROM base\nRUN wget --progress=dot:giga https://example.com/a.tgz\n',
  },
  {
    name: 'apk add wget after the download does not change that one',
    text: 'FROM alpine:3.20\nRUN wget https://example.com/a.tgz && apk add wget\n',
    expect: ['2:5-2:9'],
    noFix: true,
  },
  { name: '--progress', text: 'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a && wget --progress bar:force https://example.com/b\n', expect: [] },
  { name: '-q, --quiet and bundled -qO-', text: 'FROM debian:12\nRUN wget -q x && wget --quiet y && wget -qO- z | tar xz\n', expect: [] },
  { name: '-nv and --no-verbose', text: 'FROM debian:12\nRUN wget -nv x && wget --no-verbose y\n', expect: [] },
  { name: 'a log file (-o, --output-file, -a, --append-output)', text: 'FROM debian:12\nRUN wget -o /tmp/log x && wget --output-file=/tmp/log y && wget -a l z && wget --append-output l w\n', expect: [] },
  { name: 'curl and a quoted mention', text: 'FROM debian:12\nRUN curl -fsSLO x && echo "wget x"\n', expect: [] },
]);
