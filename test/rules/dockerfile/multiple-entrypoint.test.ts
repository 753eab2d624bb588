import { multipleEntrypoint } from '../../../server/src/rules/dockerfile/multiple-entrypoint';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(multipleEntrypoint, [
  {
    name: 'the earlier ENTRYPOINT is removed',
    text: 'FROM python:3.12-slim\nENTRYPOINT ["/entrypoint.sh"]\nCOPY . /app\nENTRYPOINT ["python", "/app/main.py"]\n',
    expect: ['2:1-2:11'],
    messages: [/overridden by the ENTRYPOINT on line 4/],
    fixed: 'FROM python:3.12-slim\nCOPY . /app\nENTRYPOINT ["python", "/app/main.py"]\n',
  },
  {
    name: 'multi-line exec form is removed whole',
    text: 'FROM python:3.12-slim\nENTRYPOINT ["python", \\\n    "old.py"]\nENTRYPOINT ["python", "new.py"]\n',
    expect: ['2:1-2:11'],
    fixed: 'FROM python:3.12-slim\nENTRYPOINT ["python", "new.py"]\n',
  },
  {
    name: 'lower-case keyword',
    text: 'FROM python:3.12-slim\nentrypoint ["a"]\nentrypoint ["b"]\n',
    expect: ['2:1-2:11'],
    fixed: 'FROM python:3.12-slim\nentrypoint ["b"]\n',
  },
  { name: 'one per stage is fine', text: 'FROM python:3.12 AS test\nENTRYPOINT ["pytest"]\nFROM python:3.12-slim\nENTRYPOINT ["python"]\n', expect: [] },
  { name: 'a stage built FROM another may override its ENTRYPOINT', text: 'FROM python:3.12-slim AS base\nENTRYPOINT ["a"]\nFROM base\nENTRYPOINT ["b"]\n', expect: [] },
  { name: 'ONBUILD ENTRYPOINT is left alone', text: 'FROM alpine:3.20\nONBUILD ENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n', expect: [] },
]);
