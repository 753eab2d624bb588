// The Dockerfile and .dockerignore snippets as a user gets them: each Dockerfile expanded in a typical build context
// with the .dockerignore starter beside it and linted clean; then what each snippet's tab stops fill in.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import ignore from 'ignore';
import { MemoryContext } from '../../server/src/core/context';
import { analyzeDockerfile } from '../../server/src/core/dockerfile/analyze';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import type { Finding } from '../../server/src/core/types';
import { dockerfileRules } from '../../server/src/rules';
import { prefixesOf } from '../../scripts/snippets-doc';
import { TYPICAL_CONTEXT } from '../helpers/context';
import { ACCEPTED_INFO, blocking, expand, fmt, snippets } from '../helpers/snippet-expansion';

// Dockerfiles: each in a typical build context (sources, lock files, .git, node_modules, .env, a virtualenv) with the
// .dockerignore starter beside it, so the context rules (missing-dockerignore, dockerignore-gap, cache-busting-copy)
// judge the pair the user would create.
const DOCKERFILES = ['docker-python', 'docker-go', 'docker-node'];
const CONTEXT = { ...TYPICAL_CONTEXT, '.venv/pyvenv.cfg': 'home = /usr/bin\n', 'main.go': 'package main\n', 'src/server.ts': '' };

function lintDockerfile(text: string, withIgnore = true): Finding[] {
  const files: Record<string, string> = { ...CONTEXT, Dockerfile: text };
  if (withIgnore) files['.dockerignore'] = expand('dockerignore');
  return analyzeDockerfile(text, { rules: dockerfileRules, path: '/ctx/Dockerfile', context: new MemoryContext(files, '/ctx'), onRuleError: (id, e) => assert.fail(`${id} threw: ${e}`) });
}

/** Local COPY sources of a Dockerfile (not --from), as written. */
function copySources(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => /^COPY /.test(l) && !l.includes('--from='))
    .flatMap((l) => l.split(/\s+/).slice(1, -1));
}

describe('Dockerfile and .dockerignore snippets', () => {
  before(() => initShellParser());

  it('the tests cover every Dockerfile snippet', () => {
    const files = snippets.filter((s) => s.file.language === 'dockerfile').map((s) => prefixesOf(s.snippet)[0]);
    assert.deepEqual(files.sort(), [...DOCKERFILES].sort());
  });

  for (const prefix of DOCKERFILES) {
    it(`${prefix}: no error or warning next to the .dockerignore starter`, () => {
      const text = expand(prefix);
      const findings = lintDockerfile(text);
      assert.deepEqual(findings.filter((f) => blocking(f) || !(f.ruleId in ACCEPTED_INFO)).map(fmt), []);
      // The context rules were live: without the starter the same Dockerfile is told to add one.
      assert.ok(lintDockerfile(text, false).some((f) => f.ruleId === 'missing-dockerignore'), 'missing-dockerignore without the starter');
    });
  }

  it('docker-python: pinned slim base, requirements before sources, no pip cache, non-root, HEALTHCHECK on the port', () => {
    const text = expand('docker-python', { 2: 5000 });
    assert.match(text, /^FROM python:3\.13-slim$/m);
    assert.ok(text.indexOf('COPY requirements.txt') < text.indexOf('RUN pip install --no-cache-dir') && text.indexOf('RUN pip install') < text.indexOf('COPY . .'));
    assert.match(text, /^USER 10001:10001$/m);
    assert.match(text, /^EXPOSE 5000$/m);
    assert.match(text, /http:\/\/127\.0\.0\.1:5000\/healthz/);
    assert.match(text, /^CMD \["python", "app\.py"\]$/m);
  });

  it('docker-go: go.mod first, binary name linked from build to distroless ENTRYPOINT', () => {
    const text = expand('docker-go', { 2: 'shop-api' });
    assert.ok(text.indexOf('COPY go.mod go.sum ./') < text.indexOf('RUN go mod download') && text.indexOf('go mod download') < text.indexOf('COPY . .'));
    assert.match(text, /-o \/out\/shop-api \.$/m);
    assert.match(text, /^FROM gcr\.io\/distroless\/static-debian12:nonroot$/m);
    assert.match(text, /^COPY --from=build \/out\/shop-api \/usr\/local\/bin\/shop-api$/m);
    assert.match(text, /^ENTRYPOINT \["\/usr\/local\/bin\/shop-api"\]$/m);
    assert.match(text, /^USER 65532:65532$/m);
  });

  it('docker-node: one Node version for all stages, npm ci with cache cleanup, output folder linked to CMD', () => {
    const text = expand('docker-node', { 1: '20', 2: 'build', 3: 8081 });
    assert.deepEqual(text.match(/^FROM .*/gm), ['FROM node:20-bookworm-slim AS deps', 'FROM node:20-bookworm-slim AS build', 'FROM node:20-bookworm-slim']);
    assert.match(text, /^RUN npm ci --omit=dev && npm cache clean --force$/m);
    assert.match(text, /^COPY --from=build \/app\/build \.\/build$/m);
    assert.match(text, /^CMD \["node", "build\/server\.js"\]$/m);
    assert.match(text, /127\.0\.0\.1:8081\/healthz/);
    assert.match(text, /^USER 1000:1000$/m);
  });

  it('.dockerignore starter: excludes junk and secrets, keeps what the Dockerfile snippets copy', () => {
    const ig = ignore().add(expand('dockerignore'));
    const excluded = ['.git/HEAD', 'node_modules/x/index.js', 'web/node_modules/y.js', '.env', '.env.production', '.venv/pyvenv.cfg', 'venv/bin/python', 'pkg/__pycache__/m.cpython-313.pyc', 'm.pyc', 'dist/index.js', 'build/app', 'tls.key', 'certs/tls.pem', 'npm-debug.log', 'Dockerfile', 'api/Dockerfile.dev', '.dockerignore', 'compose.yaml', 'docker-compose.yml', '.vscode/settings.json'];
    assert.deepEqual(excluded.filter((p) => !ig.ignores(p)), [], 'let through');
    const copied = [...new Set(DOCKERFILES.flatMap((p) => copySources(expand(p))))];
    assert.deepEqual(copied.sort(), ['.', 'go.mod', 'go.sum', 'package-lock.json', 'package.json', 'requirements.txt']);
    const kept = [...copied.filter((c) => c !== '.'), 'app.py', 'main.go', 'src/server.ts', '.env.example', 'README.md'];
    assert.deepEqual(kept.filter((p) => ig.ignores(p)), [], 'excluded but needed by the build');
  });
});
