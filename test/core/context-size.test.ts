// The bounded size measure of a build-context folder (used to say "`.git` (40 MB)" without walking huge trees).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FolderContext, MemoryContext } from '../../server/src/core/context';

describe('build context size', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-size-'));
    fs.mkdirSync(path.join(dir, '.git/objects/pack'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.git/HEAD'), 'ref: refs/heads/main\n');
    fs.writeFileSync(path.join(dir, '.git/objects/pack/p.pack'), Buffer.alloc(2 * 1024 * 1024));
    fs.mkdirSync(path.join(dir, 'many'));
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(dir, 'many', `f${i}`), 'xx');
    // A link to the big pack: sent as a link, so its target's bytes are not counted again.
    fs.symlinkSync(path.join(dir, '.git/objects/pack/p.pack'), path.join(dir, 'many', 'link'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('sums the bytes of a folder on disk', () => {
    const size = new FolderContext(dir).size('.git', 100);
    assert.deepEqual(size, { bytes: 2 * 1024 * 1024 + 21, entries: 4, complete: true });
  });

  it('stops at the entry cap and says the sum is a lower bound; links are not followed', () => {
    const capped = new FolderContext(dir).size('many', 50);
    assert.equal(capped.complete, false);
    assert.equal(capped.entries, 50);
    const full = new FolderContext(dir).size('many', 1000);
    assert.equal(full.complete, true);
    assert.equal(full.entries, 301);
    assert.equal(full.bytes, 600);
  });

  it('a file is its own size; a missing path is empty', () => {
    assert.deepEqual(new FolderContext(dir).size('.git/HEAD', 10), { bytes: 21, entries: 1, complete: true });
    assert.deepEqual(new FolderContext(dir).size('nope', 10), { bytes: 0, entries: 0, complete: true });
  });

  it('a folder size is reused for a minute: a keystroke in the Dockerfile does not walk node_modules again', () => {
    const first = new FolderContext(dir).size('many', 500);
    fs.writeFileSync(path.join(dir, 'many', 'new'), 'x'.repeat(1000));
    assert.deepEqual(new FolderContext(dir).size('many', 500), first);
    fs.rmSync(path.join(dir, 'many', 'new'));
  });

  it('an in-memory context counts its files the same way', () => {
    const ctx = new MemoryContext({ '.git/HEAD': 'abc', '.git/objects/x': 'é', 'a.txt': 'zz' });
    assert.deepEqual(ctx.size('.git', 10), { bytes: 5, entries: 2, complete: true });
    assert.deepEqual(ctx.size('.git', 1), { bytes: 3, entries: 1, complete: false });
  });
});
