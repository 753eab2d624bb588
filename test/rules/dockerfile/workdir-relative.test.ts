import { workdirRelative } from '../../../server/src/rules/dockerfile/workdir-relative';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(workdirRelative, [
  {
    name: 'a relative first WORKDIR is made absolute',
    text: 'FROM node:20-slim\nWORKDIR app\nCOPY . .\n',
    expect: ['2:9-2:12'],
    messages: [/`app` is relative.*`\/app`/],
    fixed: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\n',
  },
  {
    name: 'a quoted path keeps its quotes',
    text: 'FROM node:20-slim\nWORKDIR "my app"\n',
    expect: ['2:9-2:17'],
    fixed: 'FROM node:20-slim\nWORKDIR "/my app"\n',
  },
  {
    name: './src becomes /src',
    text: 'FROM node:20-slim\nWORKDIR ./src\n',
    expect: ['2:9-2:14'],
    fixed: 'FROM node:20-slim\nWORKDIR /src\n',
  },
  {
    name: 'path on a continuation line',
    text: 'FROM node:20-slim\nWORKDIR \\\n    app\n',
    expect: ['3:5-3:8'],
    fixed: 'FROM node:20-slim\nWORKDIR \\\n    /app\n',
  },
  {
    name: 'each stage with an image base is checked; ../ gets no fix',
    text: 'FROM golang:1.22 AS build\nWORKDIR ../src\nFROM alpine:3.20\nWORKDIR srv\n',
    expect: ['2:9-2:15', '4:9-4:12'],
    messages: [/use an absolute path$/, /`\/srv`/],
  },
  {
    name: 'only the first relative WORKDIR of a stage is flagged (the rest follow it)',
    text: 'FROM node:20-slim\nWORKDIR app\nWORKDIR src\n',
    expect: ['2:9-2:12'],
  },
  { name: 'absolute paths are fine', text: 'FROM node:20-slim\nWORKDIR /app\n', expect: [] },
  { name: 'relative after an absolute WORKDIR is deterministic', text: 'FROM node:20-slim\nWORKDIR /app\nWORKDIR src\n', expect: [] },
  {
    name: 'relative after an absolute WORKDIR in the parent stage',
    text: 'FROM node:20-slim AS base\nWORKDIR /app\nFROM base\nWORKDIR web\n',
    expect: [],
  },
  { name: 'variables are resolved at build time', text: 'FROM node:20-slim\nWORKDIR $HOME/app\n', expect: [] },
  { name: 'braced variables too', text: 'FROM node:20-slim\nWORKDIR ${APP_DIR}\n', expect: [] },
  { name: 'Windows drive paths are absolute', text: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n', expect: [] },
  { name: 'a word in a comment is ignored', text: 'FROM node:20-slim\n# WORKDIR app\nWORKDIR /app\n', expect: [] },
]);
