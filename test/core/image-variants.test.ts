import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseImageRef } from '../../server/src/core/dockerfile/model';
import { imageHoverMarkdown } from '../../server/src/core/dockerfile/image-hover';
import { describeImage, IMAGE_SIZES_AS_OF } from '../../server/src/core/dockerfile/image-variants';

const R = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const ref = (s: string, args: Record<string, string> = {}) => parseImageRef(s, R, new Map(Object.entries(args)));
const refs = (s: string) => describeImage(ref(s))?.variants.map((v) => v.ref);
const current = (s: string) => describeImage(ref(s))?.currentVariant;

describe('image-variants', () => {
  it('states the date of the figures', () => {
    assert.match(IMAGE_SIZES_AS_OF, /^\d{4}-\d{2}$/);
  });

  it('python: slim, alpine and distroless built from the tag', () => {
    assert.deepEqual(refs('python:3.12'), ['python:3.12-slim', 'python:3.12-alpine', 'gcr.io/distroless/python3-debian12']);
    assert.deepEqual(refs('python:3.12-bookworm'), ['python:3.12-slim-bookworm', 'python:3.12-alpine', 'gcr.io/distroless/python3-debian12']);
    assert.deepEqual(refs('python'), ['python:slim', 'python:alpine', 'gcr.io/distroless/python3-debian12']);
    const d = describeImage(ref('python:3.12'))!;
    assert.equal(d.family, 'python');
    assert.equal(d.approxSizeMb, 370);
    assert.match(d.variants[1].note, /musl libc/);
    assert.match(d.variants[2].note, /3\.11/);
  });

  it('node: suite before slim; distroless only for lines distroless ships', () => {
    assert.deepEqual(refs('node:20'), ['node:20-slim', 'node:20-alpine', 'gcr.io/distroless/nodejs20-debian12']);
    assert.deepEqual(refs('node:22.11.0-bookworm'), ['node:22.11.0-bookworm-slim', 'node:22.11.0-alpine', 'gcr.io/distroless/nodejs22-debian12']);
    assert.deepEqual(refs('node:lts'), ['node:lts-slim', 'node:lts-alpine']);
    assert.deepEqual(refs('node:jod'), ['node:jod-slim', 'node:jod-alpine', 'gcr.io/distroless/nodejs22-debian12']);
  });

  it('recognises variants that are already small', () => {
    assert.equal(current('python:3.12-slim'), 'slim');
    assert.equal(current('python:3.12-slim-bookworm'), 'slim');
    assert.equal(current('node:20-bullseye-slim'), 'slim');
    assert.equal(current('node:20-alpine3.20'), 'alpine');
    assert.equal(current('ruby:3.3-alpine'), 'alpine');
    assert.equal(current('debian:bookworm-slim'), 'slim');
    assert.equal(current('eclipse-temurin:21-jre'), 'jre');
    assert.equal(current('eclipse-temurin:21-jre-alpine'), 'jre-alpine');
    assert.equal(current('gcr.io/distroless/static-debian12:nonroot'), 'distroless');
  });

  it('golang is a build image: Alpine and distroless runtimes are listed', () => {
    const d = describeImage(ref('golang:1.22'))!;
    assert.equal(d.currentVariant, 'full');
    assert.deepEqual(d.variants.map((v) => v.ref), ['golang:1.22-alpine', 'gcr.io/distroless/static-debian12', 'gcr.io/distroless/base-debian12']);
    assert.match(d.summary, /build image/);
    assert.deepEqual(refs('golang:1.22-bookworm')?.[0], 'golang:1.22-alpine');
  });

  it('java: openjdk is deprecated, JDK images point at the JRE', () => {
    assert.deepEqual(refs('openjdk:17'), ['eclipse-temurin:17-jre', 'eclipse-temurin:17-jre-alpine', 'gcr.io/distroless/java17-debian12']);
    assert.match(describeImage(ref('openjdk:21-jdk'))!.variants[0].note, /deprecated/);
    assert.deepEqual(refs('eclipse-temurin:21-jdk-noble'), ['eclipse-temurin:21-jre-noble', 'eclipse-temurin:21-jre-alpine', 'gcr.io/distroless/java21-debian12']);
    assert.deepEqual(refs('eclipse-temurin:21.0.4_7-jdk'), ['eclipse-temurin:21.0.4_7-jre', 'eclipse-temurin:21.0.4_7-jre-alpine', 'gcr.io/distroless/java21-debian12']);
    assert.deepEqual(refs('eclipse-temurin:11'), ['eclipse-temurin:11-jre', 'eclipse-temurin:11-jre-alpine']);
    assert.deepEqual(refs('eclipse-temurin:21-jdk-alpine'), ['eclipse-temurin:21-jre-alpine', 'gcr.io/distroless/java21-debian12']);
  });

  it('ruby, php, debian, ubuntu', () => {
    assert.deepEqual(refs('ruby:3.3-bookworm'), ['ruby:3.3-slim-bookworm', 'ruby:3.3-alpine']);
    assert.deepEqual(refs('php:8.3'), ['php:8.3-alpine']);
    assert.deepEqual(refs('php:8.3-cli-bookworm'), ['php:8.3-cli-alpine']);
    assert.deepEqual(refs('php:8.3-apache'), []);
    assert.deepEqual(refs('debian:12'), ['debian:12-slim', 'gcr.io/distroless/base-debian12']);
    assert.deepEqual(refs('debian:bookworm-20250929'), ['debian:bookworm-20250929-slim', 'gcr.io/distroless/base-debian12']);
    assert.deepEqual(refs('debian'), ['debian:stable-slim', 'gcr.io/distroless/base-debian12']);
    const u = describeImage(ref('ubuntu:22.04'))!;
    assert.equal(u.currentVariant, 'full');
    assert.match(u.summary, /no slim/);
    assert.match(u.variants[0].note, /Different distro/);
  });

  it('distroless images list the smaller distroless bases', () => {
    assert.deepEqual(refs('gcr.io/distroless/cc-debian12'), ['gcr.io/distroless/base-debian12', 'gcr.io/distroless/static-debian12']);
    assert.deepEqual(refs('gcr.io/distroless/java21-debian12:nonroot'), []);
    assert.equal(describeImage(ref('gcr.io/distroless/static-debian12'))!.approxSizeMb, 2);
  });

  it('resolves ARG defaults and ignores what it does not know', () => {
    assert.equal(describeImage(ref('python:${PY}', { PY: '3.11' }))?.variants[0].ref, 'python:3.11-slim');
    assert.equal(describeImage(ref('python:${PY}')), undefined);
    assert.equal(describeImage(ref('myregistry.example.com/python:3.12')), undefined);
    assert.equal(describeImage(ref('bitnami/python:3.12')), undefined);
    assert.equal(describeImage(ref('python:3.12-windowsservercore')), undefined);
    assert.equal(describeImage(ref('scratch')), undefined);
  });

  it('hover markdown: a table of variants with sizes and the date', () => {
    const md = imageHoverMarkdown(ref('python:3.12'))!;
    assert.equal(
      md,
      [
        '**python:3.12** (full · ~370\u00a0MB): Python on full Debian with compilers and dev headers.',
        '',
        '| Smaller option | Size | Note |',
        '| --- | ---: | --- |',
        '| `python:3.12-slim` | ~45\u00a0MB | Debian slim: same glibc userland without compilers, headers and docs; apt-get what you need. |',
        '| `python:3.12-alpine` | ~18\u00a0MB | musl libc: wheels with C extensions may need to be built from source; DNS and locale differ. |',
        "| `gcr.io/distroless/python3-debian12` | ~18\u00a0MB | Debian 12's Python 3.11, no shell or pip: copy a virtualenv built on the same Python from a build stage. |",
        '',
        `_Approximate compressed sizes, linux/amd64, as of ${IMAGE_SIZES_AS_OF}._`,
      ].join('\n'),
    );
  });

  it('hover markdown never puts a breakable space between a size and its unit', () => {
    for (const image of ['python:3.12', 'node:20', 'eclipse-temurin:21', 'golang:1.23', 'debian:12']) {
      const md = imageHoverMarkdown(ref(image))!;
      assert.doesNotMatch(md, /\d MB/, image);
      assert.match(md, /~\d+\u00a0MB/, image);
    }
  });

  it('hover markdown for an image without smaller options, and none for unknown images', () => {
    const md = imageHoverMarkdown(ref('node:20-slim'))!;
    assert.match(md, /^\*\*node:20-slim\*\* \(slim · ~75\u00a0MB\)/);
    assert.doesNotMatch(md, /\| ---/);
    assert.match(md, /as of 2025-10/);
    assert.equal(imageHoverMarkdown(ref('example/app:1')), undefined);
  });
});
