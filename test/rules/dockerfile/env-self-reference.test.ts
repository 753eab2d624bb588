// The env-self-reference table (hadolint DL3044): the spellings it reports with their ranges and fixes, and the near-misses it leaves alone.
import { envSelfReference } from '../../../server/src/rules/dockerfile/env-self-reference';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(envSelfReference, [
  {
    name: '$NAME of an earlier pair: split the ENV there',
    text: 'FROM alpine:3.20\nENV APP_HOME=/app APP_BIN=$APP_HOME/bin\n',
    expect: ['2:27-2:36'],
    messages: [/`\$APP_HOME` is expanded before this ENV sets APP_HOME/],
    fixed: 'FROM alpine:3.20\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin\n',
  },
  {
    name: '${NAME} in quotes on a continuation line',
    text: 'FROM alpine:3.20\nENV A=1 \\\n    B="${A}-x"\n',
    expect: ['3:8-3:12'],
    fixed: 'FROM alpine:3.20\nENV A=1\nENV B="${A}-x"\n',
  },
  { name: '${NAME:-default} counts', text: 'FROM alpine:3.20\nENV A=1 B=${A:-2}\n', expect: ['2:11-2:18'] },
  { name: 'a reference to a later pair has no fix', text: 'FROM alpine:3.20\nENV B=$A A=1\n', expect: ['2:7-2:9'], noFix: true },
  { name: 'lower-case keyword kept', text: 'FROM alpine:3.20\nenv a=1 b=$a\n', expect: ['2:11-2:13'], fixed: 'FROM alpine:3.20\nenv a=1\nenv b=$a\n' },
  { name: 'defined by an earlier ENV', text: 'FROM alpine:3.20\nENV A=0\nENV A=1 B=$A\n', expect: [] },
  { name: 'defined by an ARG or in the parent stage', text: 'FROM alpine:3.20 AS base\nENV X=0\nFROM base\nARG A\nENV A=1 B=$A X=2 Y=$X\n', expect: [] },
  { name: 'its own old value (PATH=$PATH:…) is fine', text: 'FROM alpine:3.20\nENV PATH=/opt/bin:$PATH GOPATH=/go\n', expect: [] },
  { name: 'a longer name is another variable', text: 'FROM alpine:3.20\nENV A=1 B=$AB C=${AB}\n', expect: [] },
  { name: 'escaped and single-quoted dollars are literal', text: "FROM alpine:3.20\nENV A=1 B=\\$A C='$A'\n", expect: [] },
  { name: 'separate ENV instructions', text: 'FROM alpine:3.20\nENV A=1\nENV B=$A\n', expect: [] },
]);
