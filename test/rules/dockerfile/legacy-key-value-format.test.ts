import { legacyKeyValueFormat } from '../../../server/src/rules/dockerfile/legacy-key-value-format';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(legacyKeyValueFormat, [
  {
    name: 'ENV key value',
    text: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED 1\n',
    expect: ['2:5-2:21'],
    messages: [/Write `ENV PYTHONUNBUFFERED=…` instead of the legacy `ENV PYTHONUNBUFFERED …` form/],
    fixed: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\n',
  },
  { name: 'a value with spaces is quoted', text: 'FROM alpine:3.20\nENV GREETING hello  world\n', expect: ['2:5-2:13'], fixed: 'FROM alpine:3.20\nENV GREETING="hello  world"\n' },
  { name: 'LABEL key value, lower-case keyword', text: 'FROM alpine:3.20\nlabel maintainer ops@example.com\n', expect: ['2:7-2:17'], fixed: 'FROM alpine:3.20\nlabel maintainer=ops@example.com\n' },
  { name: 'a variable in the value is kept', text: 'FROM alpine:3.20\nENV PATH /app/bin:$PATH\n', expect: ['2:5-2:9'], fixed: 'FROM alpine:3.20\nENV PATH=/app/bin:$PATH\n' },
  { name: 'a quoted value with spaces gets no fix', text: 'FROM alpine:3.20\nENV MSG "a b" c\n', expect: ['2:5-2:8'], noFix: true },
  { name: 'a continued value gets no fix', text: 'FROM alpine:3.20\nENV DEPS \\\n    curl \\\n    git\n', expect: ['2:5-2:9'], noFix: true },
  { name: 'key=value is fine', text: 'FROM alpine:3.20\nENV A=1 B="two words"\nLABEL a=b\n', expect: [] },
  { name: 'ARG is not this rule', text: 'FROM alpine:3.20\nARG VERSION=1\n', expect: [] },
]);
