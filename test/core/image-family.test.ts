// What a base image is known to ship and which user a stage runs as (core/dockerfile/image-family.ts, users.ts).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { imageFamily, rootImage, runsAsNonRoot } from '../../server/src/core/dockerfile/image-family';
import { buildModel, parseImageRef } from '../../server/src/core/dockerfile/model';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { isRootUser, lastUser, userName } from '../../server/src/core/dockerfile/users';

const R = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const ref = (s: string) => parseImageRef(s, R, new Map());

describe('image family and users', () => {
  before(() => initShellParser());

  it('classifies well-known images by what they ship', () => {
    const cases: Array<[string, string]> = [
      ['python:3.12-slim', 'debian'],
      ['node:20-alpine', 'alpine'],
      ['busybox', 'busybox'],
      ['scratch', 'scratch'],
      ['gcr.io/distroless/static-debian12', 'shell-less'],
      ['cgr.dev/chainguard/python:latest-dev', 'busybox'],
      ['mcr.microsoft.com/windows/servercore:ltsc2022', 'windows'],
      ['myorg/app:1', 'unknown'],
    ];
    for (const [image, family] of cases) assert.equal(imageFamily(ref(image)), family, image);
  });

  it('knows images that run as non-root by default', () => {
    assert.ok(runsAsNonRoot(ref('gcr.io/distroless/base-debian12:nonroot')));
    assert.ok(runsAsNonRoot(ref('nginxinc/nginx-unprivileged')));
    assert.ok(!runsAsNonRoot(ref('nginx')));
  });

  it('follows FROM <stage> to the root image and the last USER', () => {
    const m = buildModel('FROM debian:12 AS base\nUSER app:app\nFROM base\nRUN x\n');
    const final = m.stages[1];
    assert.equal(rootImage(final)?.repository, 'debian');
    assert.equal(userName(lastUser(final)!), 'app');
    assert.ok(isRootUser('0') && isRootUser('root') && !isRootUser('app'));
  });
});
