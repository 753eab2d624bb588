import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initShellParser } from '../../../server/src/core/dockerfile/shell';
import { fullBaseImage } from '../../../server/src/rules/dockerfile/full-base-image';
import { ruleTable, runRule } from '../../helpers/ruleTable';

const APP = 'COPY . /app\nCMD ["python", "/app/main.py"]\n';

ruleTable(fullBaseImage, [
  {
    name: 'python full image in the final stage: slim fix',
    text: `FROM python:3.12\n${APP}`,
    expect: ['1:13-1:17'],
    messages: [/python:3\.12 is ~370 MB compressed; python:3\.12-slim is ~45 MB/],
    fixed: `FROM python:3.12-slim\n${APP}`,
  },
  { name: 'alpine fix', text: `FROM python:3.12\n${APP}`, expect: ['1:13-1:17'], fixId: 'alpine', fixed: `FROM python:3.12-alpine\n${APP}` },
  {
    name: 'distroless fix replaces the whole reference',
    text: `FROM python:3.12\n${APP}`,
    expect: ['1:13-1:17'],
    fixId: 'distroless',
    fixed: `FROM gcr.io/distroless/python3-debian12\n${APP}`,
  },
  {
    name: 'only the final stage of a multi-stage build',
    text: 'FROM node:20 AS build\nRUN npm ci && npm run build\nFROM node:20\nCOPY --from=build /app /app\n',
    expect: ['3:11-3:13'],
    fixed: 'FROM node:20 AS build\nRUN npm ci && npm run build\nFROM node:20-slim\nCOPY --from=build /app /app\n',
  },
  { name: 'node suite tag keeps the suite', text: 'FROM node:20-bookworm\n', expect: ['1:11-1:22'], fixed: 'FROM node:20-bookworm-slim\n' },
  { name: 'python suite tag puts slim before the suite', text: 'FROM python:3.12-bookworm\n', expect: ['1:13-1:26'], fixed: 'FROM python:3.12-slim-bookworm\n' },
  { name: 'untagged image gets a tag', text: 'FROM node\nCMD ["node", "a.js"]\n', expect: ['1:6-1:10'], fixed: 'FROM node:slim\nCMD ["node", "a.js"]\n' },
  {
    name: 'node distroless',
    text: 'FROM node:22\n',
    expect: ['1:11-1:13'],
    fixId: 'distroless',
    fixed: 'FROM gcr.io/distroless/nodejs22-debian12\n',
  },
  {
    name: 'a stage the final stage builds on',
    text: 'FROM ruby:3.3 AS base\nRUN bundle config set without dev\nFROM base\nCMD ["ruby", "app.rb"]\n',
    expect: ['1:11-1:14'],
    fixed: 'FROM ruby:3.3-slim AS base\nRUN bundle config set without dev\nFROM base\nCMD ["ruby", "app.rb"]\n',
  },
  { name: 'ubuntu:latest: no slim, alpine is offered', text: 'FROM ubuntu:latest\n', expect: ['1:13-1:19'], messages: [/alpine:3\.22 is ~4 MB/], fixed: 'FROM alpine:3.22\n' },
  { name: 'Temurin JDK to JRE', text: 'FROM eclipse-temurin:21-jdk\nCOPY app.jar /app.jar\n', expect: ['1:22-1:28'], fixed: 'FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\n' },
  { name: 'deprecated openjdk to Temurin JRE', text: 'FROM openjdk:17\n', expect: ['1:14-1:16'], fixed: 'FROM eclipse-temurin:17-jre\n' },
  { name: 'php has Alpine only', text: 'FROM php:8.3-fpm\n', expect: ['1:10-1:17'], fixed: 'FROM php:8.3-fpm-alpine\n' },
  { name: 'debian to debian slim, CRLF', text: 'FROM debian:12\r\nRUN echo hi\r\n', expect: ['1:13-1:15'], fixed: 'FROM debian:12-slim\r\nRUN echo hi\r\n' },
  {
    name: '--platform and docker.io prefix keep their form',
    text: 'FROM --platform=linux/amd64 docker.io/library/python:3.11\n',
    expect: ['1:54-1:58'],
    fixed: 'FROM --platform=linux/amd64 docker.io/library/python:3.11-slim\n',
  },
  { name: 'tag from a global ARG: reported, no fix', text: 'ARG PY=3.12\nFROM python:${PY}\n', expect: ['2:13-2:18'], noFix: true },
  { name: 'slim variant', text: 'FROM python:3.12-slim\n', expect: [] },
  { name: 'alpine variant', text: 'FROM node:20-alpine3.20\n', expect: [] },
  { name: 'suite slim', text: 'FROM node:20-bullseye-slim\n', expect: [] },
  { name: 'distroless', text: 'FROM gcr.io/distroless/nodejs22-debian12:nonroot\n', expect: [] },
  { name: 'digest pin', text: 'FROM python:3.12@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n', expect: [] },
  { name: 'unresolved ARG', text: 'ARG BASE\nFROM ${BASE}\n', expect: [] },
  { name: 'full image only in a builder stage', text: 'FROM python:3.12 AS build\nRUN pip wheel -w /w x\nFROM python:3.12-slim\nCOPY --from=build /w /w\n', expect: [] },
  { name: 'golang is left to the multi-stage rule', text: 'FROM golang:1.22\n', expect: [] },
  { name: 'Temurin JRE', text: 'FROM eclipse-temurin:21-jre-alpine\n', expect: [] },
  { name: 'scratch', text: 'FROM scratch\nCOPY app /app\n', expect: [] },
]);

describe('full-base-image severity', () => {
  before(() => initShellParser());
  it('is a warning when the slim variant saves more than 300 MB, info otherwise', () => {
    assert.equal(runRule(fullBaseImage, { text: 'FROM python:3.12\n' })[0].severity, 'warning');
    assert.equal(runRule(fullBaseImage, { text: 'FROM debian:12\n' })[0].severity, 'info');
    assert.equal(runRule(fullBaseImage, { text: 'FROM eclipse-temurin:21\n' })[0].severity, 'info');
  });
});
