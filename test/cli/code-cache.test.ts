// The built CLI loads its code (dist/cli-main.js) through V8's code cache (cli/entry.ts, code-cache.ts): the first
// run saves it at exit, later runs read it without rewriting it (a cache made under other V8 flags would be rejected
// and rewritten on every run, as it would be after the full collection the ShellCheck prefill runs if that left
// --expose-gc set), and the output is the same with and without it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from './run';

describe('the CLI and its code cache', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-cli-cache-'));
    // Twenty Dockerfiles: from that many the ShellCheck prefill runs its full collection.
    for (let i = 0; i < 20; i++) {
      fs.mkdirSync(path.join(dir, `svc-${i}`));
      fs.writeFileSync(path.join(dir, `svc-${i}`, 'Dockerfile'), `FROM debian:12\nRUN apt-get update && cd /src${i}\n`);
    }
    fs.writeFileSync(path.join(dir, '.dockerignore'), '.git\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('saved by the first run, read unchanged by the next, same output as without a cache', () => {
    const cache = path.join(dir, 'cache');
    const env = { STEVEDORE_CODE_CACHE: cache };
    // With ShellCheck: its prefill runs a full collection (cli/collect.ts), which must leave V8's flags as they were.
    const args = ['lint', '--format', 'json', '.'];
    const first = runCli(args, { cwd: dir, env });
    assert.equal(first.code, 1, first.stderr);
    const files = fs.readdirSync(cache);
    assert.equal(files.length, 1, String(files));
    assert.match(files[0], /^cli-main-.*\.bin$/);
    const saved = fs.statSync(path.join(cache, files[0]));
    const second = runCli(args, { cwd: dir, env });
    assert.equal(second.stdout, first.stdout);
    assert.deepEqual(fs.readdirSync(cache), files);
    assert.equal(fs.statSync(path.join(cache, files[0])).mtimeMs, saved.mtimeMs, 'the cache was accepted, not rewritten');
    const without = runCli(args, { cwd: dir, env: { STEVEDORE_CODE_CACHE: '' } });
    assert.equal(without.stdout, first.stdout);
    const files0 = JSON.parse(first.stdout).files;
    assert.equal(files0.length, 20);
    assert.ok(files0[0].findings.some((f: { ruleId: string }) => f.ruleId === 'cd-in-run'), first.stdout);
  });
});
