// wget-and-curl (DL4001): two download tools in one image.
import { wgetAndCurl } from '../../../server/src/rules/dockerfile/wget-and-curl';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(wgetAndCurl, [
  {
    name: 'wget then curl in one stage',
    text: 'FROM debian:12\nRUN wget -q https://example.com/a\nRUN curl -fsSLO https://example.com/b\n',
    expect: ['3:5-3:9'],
    messages: [/`curl` in an image that already downloads with `wget` \(line 2\)/],
    noFix: true,
  },
  {
    name: 'in one RUN, every later use of the second tool',
    text: 'FROM debian:12\nRUN curl -fsSLO x && wget -q y && curl -fsSLO z && wget -q w\n',
    expect: ['2:22-2:26', '2:52-2:56'],
    messages: [/`wget` in an image that already downloads with `curl` \(line 2\)/],
  },
  {
    name: 'a stage built FROM another is the same image',
    text: 'FROM debian:12 AS base\nRUN curl -fsSLO x\nFROM base\nRUN wget -q y\n',
    expect: ['4:5-4:9'],
  },
  { name: 'behind sudo, exec form', text: 'FROM debian:12\nRUN ["wget", "-q", "x"]\nRUN sudo curl -O y\n', expect: ['3:10-3:14'] },
  { name: 'only wget', text: 'FROM debian:12\nRUN wget -q x && wget -q y\n', expect: [] },
  { name: 'different images (builder and final stage)', text: 'FROM debian:12 AS build\nRUN wget -q x\nFROM debian:12\nRUN curl -fsSLO y\n', expect: [] },
  { name: 'mentions are not uses', text: 'FROM debian:12\nRUN curl -fsSLO x && echo "wget y" && apt-get install -y wget\n', expect: [] },
]);
