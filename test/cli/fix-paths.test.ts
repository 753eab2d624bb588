// `--fix` names the files it fixed and wrote the way findings name files: as the path was given, so relative to
// where the CLI was run when it was given relative.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { runCli } from './run';

// `COPY . /app` copies the whole context, so missing-dockerignore's fix writes a .dockerignore beside it.
const DOCKERFILE = 'FROM debian:12-slim\nRUN echo a\nRUN echo b\nCOPY . /app\nUSER nobody\n';

describe('stevedore lint --fix paths', () => {
  let root: string;
  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-fixpaths-')));
    fs.mkdirSync(path.join(root, 'repo/services/api'), { recursive: true });
    fs.writeFileSync(path.join(root, 'repo/services/api/Dockerfile'), DOCKERFILE);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('run from a parent folder: fixed and written files are relative to it, like the findings', () => {
    const r = runCli(['lint', '--fix', 'repo'], { cwd: root });
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /^repo\/services\/api\/Dockerfile: fixed (.*, )?merge-run\b.*\(wrote repo\/services\/api\/\.dockerignore\)$/m);
    assert.ok(fs.existsSync(path.join(root, 'repo/services/api/.dockerignore')));
    // What is left is reported with the same prefix.
    fs.writeFileSync(path.join(root, 'repo/services/api/Dockerfile'), DOCKERFILE.replace('USER nobody\n', ''));
    const left = runCli(['lint', '--fix', 'repo'], { cwd: root });
    assert.match(left.stdout, /^repo\/services\/api\/Dockerfile:1:\d+: warning root-user /m);
  });

  it('run from inside the repository with a path through ..', () => {
    const r = runCli(['lint', '--fix', '../services/api/Dockerfile'], { cwd: path.join(root, 'repo/services') });
    assert.match(r.stdout, /^\.\.\/services\/api\/Dockerfile: fixed .*\(wrote \.\.\/services\/api\/\.dockerignore\)$/m);
  });

  it('an absolute path gives absolute paths for the written files too', () => {
    const file = path.join(root, 'repo/services/api/Dockerfile');
    const r = runCli(['lint', '--fix', file], { cwd: os.tmpdir() });
    const written = path.join(root, 'repo/services/api/.dockerignore');
    assert.ok(r.stdout.split('\n').includes(`${file}: fixed missing-dockerignore, merge-run (wrote ${written})`), r.stdout);
  });
});
