// The session bundle is compiled through V8's code cache (server/src/code-cache.ts): the bundle must behave the same
// with a cache, without one, and with a cache that is corrupt, stale or cannot be written.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { bundleSource, codeCacheDir, requireCompiled } from '../../server/src/code-cache';

const tick = () => new Promise((r) => setTimeout(r, 20));
const MODULE = path.resolve(__dirname, '../../server/src/code-cache.ts');

/** twice(21) of the bundle loaded in a fresh process (V8 compiles a source once per process: a cache is read only there). */
function loadFresh(bundle: string, dir: string, saveAfterMs = 0): number {
  const code = `const m = require(${JSON.stringify(MODULE)}).requireCompiled(${JSON.stringify(bundle)}, ${JSON.stringify(dir)}, ${saveAfterMs}); console.log(m.twice(21)); setTimeout(() => {}, 50);`;
  return Number(execFileSync(process.execPath, ['--import', 'tsx', '-e', code], { encoding: 'utf8' }).trim());
}

describe('code cache', () => {
  let tmp: string;
  let bundle: string;
  let dir: string;
  const cached = () => fs.readdirSync(dir).filter((n) => n.endsWith('.bin'));
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-code-cache-'));
    bundle = path.join(tmp, 'bundle.js');
    fs.writeFileSync(bundle, `exports.sep = require('node:path').sep;\nexports.dir = __dirname;\nexports.file = __filename;\nexports.twice = (n) => n * 2;\n`);
    dir = path.join(tmp, 'cache');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('evaluates the bundle as require would, without a cache folder', () => {
    const m = requireCompiled(bundle, undefined, 0) as Record<string, unknown>;
    assert.deepEqual([m.sep, m.dir, m.file, (m.twice as (n: number) => number)(21)], [path.sep, tmp, bundle, 42]);
    assert.equal(fs.existsSync(dir), false);
  });

  it('reads an ASCII bundle as it is and any other as UTF-8', () => {
    // As esbuild writes it by default: the characters escaped.
    const text = String.raw`exports.s = 'caf\u00E9 \u{1F433}';` + '\n';
    assert.equal(bundleSource(Buffer.from(text, 'ascii')), text);
    // A bundle written with its characters as they are (esbuild's charset: utf8): decoded, not read byte by byte.
    const utf8 = path.join(tmp, 'utf8-bundle.js');
    fs.writeFileSync(utf8, "exports.s = 'café 🐳';\n");
    assert.equal(bundleSource(fs.readFileSync(utf8)), "exports.s = 'café 🐳';\n");
    assert.equal((requireCompiled(utf8, undefined, 0) as { s: string }).s, 'café 🐳');
  });

  it('saves the compiled code once, readable by the user only', async () => {
    const m = requireCompiled(bundle, dir, 0) as Record<string, unknown>;
    assert.equal((m.twice as (n: number) => number)(2), 4);
    await tick();
    const [file] = cached();
    assert.ok(file?.startsWith('bundle-'), String(cached()));
    if (process.platform !== 'win32') assert.equal(fs.statSync(path.join(dir, file)).mode & 0o777, 0o600);
    const saved = fs.statSync(path.join(dir, file)).mtimeMs;
    const again = requireCompiled(bundle, dir, 0) as Record<string, unknown>;
    await tick();
    assert.equal((again.twice as (n: number) => number)(3), 6);
    assert.equal(fs.statSync(path.join(dir, file)).mtimeMs, saved, 'an accepted cache is not rewritten');
  });

  it('a fresh process reads the cache; a corrupt cache is ignored and replaced', () => {
    const [file] = cached();
    const saved = fs.statSync(path.join(dir, file)).mtimeMs;
    assert.equal(loadFresh(bundle, dir), 42);
    assert.equal(fs.statSync(path.join(dir, file)).mtimeMs, saved, 'accepted, not rewritten');
    fs.writeFileSync(path.join(dir, file), 'not V8 code');
    assert.equal(loadFresh(bundle, dir), 42);
    assert.notEqual(fs.readFileSync(path.join(dir, file), 'utf8'), 'not V8 code');
  });

  it('a process that exits before the save is due saves at exit', () => {
    const other = path.join(tmp, 'other-cache');
    assert.equal(loadFresh(bundle, other, 60_000), 42);
    assert.deepEqual(fs.readdirSync(other).map((n) => n.replace(/-.*/, '')), ['bundle']);
    assert.ok(fs.statSync(path.join(other, fs.readdirSync(other)[0])).size > 0);
  });

  it('when refreshAtExit() says so, a used cache is saved again at exit if the process compiled much more, and only then', () => {
    // Functions V8 compiles only when called: a process that calls them holds more compiled code than one that did not.
    const body = (name: string) => `exports.${name} = (n) => {\n` + Array.from({ length: 300 }, (_, i) => `  n = (n * ${i + 3} + ${i}) % 1000003;\n`).join('') + '  return n;\n};\n';
    const lazy = path.join(tmp, 'lazy-bundle.js');
    fs.writeFileSync(lazy, `exports.twice = (n) => n * 2;\n${body('first')}${body('second')}`);
    const cacheDir = path.join(tmp, 'refresh-cache');
    const run = (call: string, refresh: boolean) => {
      const code = `const m = require(${JSON.stringify(MODULE)}).requireCompiled(${JSON.stringify(lazy)}, ${JSON.stringify(cacheDir)}, 60000, () => ${refresh}); ${call}; console.log(m.twice(21));`;
      assert.equal(execFileSync(process.execPath, ['--import', 'tsx', '-e', code], { encoding: 'utf8' }).trim(), '42');
      const [file] = fs.readdirSync(cacheDir);
      const { size, mtimeMs } = fs.statSync(path.join(cacheDir, file));
      return { file, size, mtimeMs };
    };
    const started = run('', true);
    const analysed = run('m.first(1)', true);
    assert.equal(analysed.file, started.file);
    assert.ok(analysed.size > started.size * 1.1 && analysed.mtimeMs > started.mtimeMs, `saved again with first(): ${started.size} -> ${analysed.size} bytes`);
    const same = run('m.first(1)', true);
    assert.equal(same.mtimeMs, analysed.mtimeMs, 'nothing new compiled: not rewritten');
    const without = run('m.second(1)', false);
    assert.equal(without.mtimeMs, analysed.mtimeMs, 'when refreshAtExit() says no, a used cache is not rewritten');
    const both = run('m.first(1); m.second(1)', true);
    assert.ok(both.size > analysed.size * 1.1, `saved again with second(): ${analysed.size} -> ${both.size} bytes`);
  });

  it('a changed bundle gets its own cache and the stale one is removed', async () => {
    const [old] = cached();
    fs.writeFileSync(bundle, `exports.twice = (n) => n * 2 + 1;\n`);
    const m = requireCompiled(bundle, dir, 0) as Record<string, unknown>;
    assert.equal((m.twice as (n: number) => number)(1), 3);
    await tick();
    assert.equal(cached().length, 1);
    assert.notEqual(cached()[0], old);
  });

  it('a cache folder that cannot be created changes nothing', async () => {
    const blocked = path.join(tmp, 'a-file');
    fs.writeFileSync(blocked, '');
    const m = requireCompiled(bundle, path.join(blocked, 'cache'), 0) as Record<string, unknown>;
    assert.equal((m.twice as (n: number) => number)(1), 3);
    await tick();
    assert.equal(fs.readFileSync(blocked, 'utf8'), '');
  });

  it('lives in the per-user cache folder, or where STEVEDORE_CODE_CACHE says ("" turns it off)', () => {
    assert.equal(codeCacheDir({ STEVEDORE_CODE_CACHE: '/c' }, 'linux', '/home/u'), '/c');
    assert.equal(codeCacheDir({ STEVEDORE_CODE_CACHE: '' }, 'linux', '/home/u'), undefined);
    assert.equal(codeCacheDir({}, 'linux', '/home/u'), path.join('/home/u', '.cache', 'stevedore', 'code-cache'));
    assert.equal(codeCacheDir({ XDG_CACHE_HOME: '/x' }, 'linux', '/home/u'), path.join('/x', 'stevedore', 'code-cache'));
    assert.equal(codeCacheDir({}, 'darwin', '/Users/u'), path.join('/Users/u', 'Library', 'Caches', 'stevedore', 'code-cache'));
    assert.equal(codeCacheDir({ LOCALAPPDATA: 'C:\\L' }, 'win32', 'C:\\u'), path.join('C:\\L', 'stevedore', 'code-cache'));
    assert.equal(codeCacheDir({}, 'linux', ''), undefined);
  });
});
