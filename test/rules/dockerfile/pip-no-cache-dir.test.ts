import { pipNoCacheDir } from '../../../server/src/rules/dockerfile/pip-no-cache-dir';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(pipNoCacheDir, [
  {
    name: 'pip install',
    text: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n',
    expect: ['2:9-2:16'],
    messages: [/--no-cache-dir/],
    fixed: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n',
  },
  {
    name: 'python3 -m pip, upgrading pip itself is still flagged',
    text: 'FROM python:3.12-slim\nRUN python3 -m pip install --upgrade pip && pip3 install flask\n',
    expect: ['2:20-2:27', '2:50-2:57'],
    fixed: 'FROM python:3.12-slim\nRUN python3 -m pip install --no-cache-dir --upgrade pip && pip3 install flask\n',
  },
  {
    name: 'versioned python and pip, multi-line',
    text: 'FROM debian:12\nRUN python3.11 -m pip install \\\n      requests \\\n    && pip3.11 install uvicorn\n',
    expect: ['2:23-2:30', '4:16-4:23'],
    fixHit: 1,
    fixed: 'FROM debian:12\nRUN python3.11 -m pip install \\\n      requests \\\n    && pip3.11 install --no-cache-dir uvicorn\n',
  },
  {
    name: 'global option with a value before install',
    text: 'FROM python:3.12\nRUN pip --timeout 60 install x\n',
    expect: ['2:22-2:29'],
    fixed: 'FROM python:3.12\nRUN pip --timeout 60 install --no-cache-dir x\n',
  },
  {
    name: 'ENV set only after the RUN',
    text: 'FROM python:3.12\nRUN pip install x\nENV PIP_NO_CACHE_DIR=1\n',
    expect: ['2:9-2:16'],
  },
  {
    name: 'export after the pip install does not count',
    text: 'FROM python:3.12\nRUN pip install x && export PIP_NO_CACHE_DIR=1\n',
    expect: ['2:9-2:16'],
    fixed: 'FROM python:3.12\nRUN pip install --no-cache-dir x && export PIP_NO_CACHE_DIR=1\n',
  },
  {
    name: 'an export of another variable, or an empty value',
    text: 'FROM python:3.12\nRUN export PIP_CACHE_DIR=/tmp PIP_NO_CACHE_DIR= && pip install x\n',
    expect: ['2:56-2:63'],
  },
  {
    name: 'an export in another RUN does not reach this one',
    text: 'FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=1\nRUN pip install x\n',
    expect: ['3:9-3:16'],
  },
  { name: 'export earlier in the RUN', text: 'FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=1 && pip install x\n', expect: [] },
  { name: 'export with other names, quoted, across a continuation', text: 'FROM python:3.12\nRUN set -eux; export LANG=C.UTF-8 \\\n      PIP_NO_CACHE_DIR="true" \\\n    && python3 -m pip install x\n', expect: [] },
  { name: "ENV with a falsy value: pip turns its cache off for any valid value", text: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=0\nRUN pip install x\n', expect: [] },
  { name: 'export with a falsy value', text: "FROM python:3.12\nRUN export PIP_NO_CACHE_DIR='false' && pip install x\n", expect: [] },
  { name: 'flag present', text: 'FROM python:3.12\nRUN pip install --no-cache-dir x\n', expect: [] },
  { name: 'ENV earlier in the stage', text: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1 PYTHONUNBUFFERED=1\nRUN pip install x\n', expect: [] },
  { name: 'legacy ENV syntax', text: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR 1\nRUN pip install x\n', expect: [] },
  { name: 'ARG with a default', text: 'FROM python:3.12\nARG PIP_NO_CACHE_DIR=off\nRUN pip install x\n', expect: [] },
  { name: 'ENV in the parent stage', text: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=true\nFROM base\nRUN pip install x\n', expect: [] },
  { name: 'assignment on the command', text: 'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install x\n', expect: [] },
  { name: 'assignment on the command, any pip value (off too)', text: 'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=off python3 -m pip install x\n', expect: [] },
  { name: 'assignment in exec form', text: 'FROM python:3.12\nRUN ["PIP_NO_CACHE_DIR=1", "pip", "install", "x"]\n', expect: [] },
  { name: 'cache mount on /root/.cache', text: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache pip install x\n', expect: [] },
  { name: 'cache mount on the pip cache', text: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip/ pip install x\n', expect: [] },
  { name: 'builder stage', text: 'FROM python:3.12 AS build\nRUN pip wheel . && pip install x\nFROM python:3.12-slim\nCOPY --from=build /w /w\n', expect: [] },
  { name: 'quoted mention and other subcommands', text: 'FROM python:3.12\nRUN echo "pip install x" && pip freeze && python -m venv /v\n', expect: [] },
]);
