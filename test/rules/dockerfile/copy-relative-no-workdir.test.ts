// The copy-relative-no-workdir table (hadolint DL3045): the spellings it reports with their ranges and fixes, and the near-misses it leaves alone.
import { copyRelativeNoWorkdir } from '../../../server/src/rules/dockerfile/copy-relative-no-workdir';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(copyRelativeNoWorkdir, [
  { name: 'COPY . . without WORKDIR', text: 'FROM node:20-slim\nCOPY . .\n', expect: ['2:8-2:9'], messages: [/relative `\.`.*set WORKDIR/] },
  { name: 'a relative folder, quoted', text: 'FROM python:3.12-slim\nCOPY requirements.txt "app/"\n', expect: ['2:23-2:29'] },
  { name: 'exec form', text: 'FROM python:3.12-slim\nCOPY ["a b.txt", "data/"]\n', expect: ['2:18-2:25'] },
  { name: 'from another stage', text: 'FROM golang:1.22 AS build\nWORKDIR /src\nFROM alpine:3.20\nCOPY --from=build /src/app bin/\n', expect: ['4:28-4:32'] },
  { name: 'FROM scratch is flagged as hadolint does', text: 'FROM scratch\nCOPY app .\n', expect: ['2:10-2:11'] },
  { name: 'a heredoc to a relative file', text: 'FROM alpine:3.20\nCOPY <<EOF conf/app.ini\n[app]\nEOF\n', expect: ['2:12-2:24'] },
  { name: 'WORKDIR before COPY', text: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\n', expect: [] },
  { name: 'WORKDIR after is too late', text: 'FROM node:20-slim\nCOPY . .\nWORKDIR /app\nCOPY . .\n', expect: ['2:8-2:9'] },
  { name: 'a WORKDIR inherited from the parent stage', text: 'FROM node:20-slim AS base\nWORKDIR /app\nFROM base\nCOPY . .\n', expect: [] },
  { name: 'a WORKDIR of an unrelated stage does not count', text: 'FROM node:20-slim AS a\nWORKDIR /app\nFROM node:20-slim\nCOPY . .\n', expect: ['4:8-4:9'] },
  { name: 'absolute, Windows and variable destinations', text: 'FROM alpine:3.20\nCOPY a /a\nCOPY b "/b/"\nCOPY c C:\\\\app\\\\\nCOPY d C:/app/\nCOPY e $DEST\nCOPY f ${DEST}/x\n', expect: [] },
  { name: 'ADD is not checked (as hadolint)', text: 'FROM alpine:3.20\nADD https://example.com/x.tgz x.tgz\n', expect: [] },
]);
