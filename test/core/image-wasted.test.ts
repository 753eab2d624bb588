// Wasted bytes read from a docker-archive stream: synthetic archives built here with tar-stream (whiteouts, opaque
// directories, overwrites, gzip layers, an empty image, a truncated stream), then a real podman build whose later RUN
// deletes what `apt-get update` wrote.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import * as tar from 'tar-stream';
import { analyzeImageArchive, groupWasted } from '../../server/src/core/image/wasted';
import { ensureImageDeps, podman, podmanEnv, removeImages } from '../helpers/podman';

/** A layer: path → bytes of a file, 'dir', 'link' (a hard link) or 'symlink'. */
type Layer = [string, number | 'dir' | 'link' | 'symlink'][];

async function packTar(files: { name: string; type?: tar.Headers['type']; size?: number; linkname?: string }[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const f of files) {
    const body = f.type === 'file' || !f.type ? Buffer.alloc(f.size ?? 0, 0x61) : undefined;
    pack.entry({ name: f.name, type: f.type ?? 'file', linkname: f.linkname, size: body?.length ?? 0 }, body);
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c);
  return Buffer.concat(chunks);
}

function layerTar(layer: Layer): Promise<Buffer> {
  return packTar(layer.map(([name, what]) =>
    typeof what === 'number' ? { name, size: what }
    : what === 'dir' ? { name, type: 'directory' as const }
    : { name, type: what, linkname: 'usr/bin/true' }));
}

/** A docker-archive as podman writes it: layer tars, the config, manifest.json last; `gzip` layers compressed. */
async function archive(layers: Layer[], options: { gzip?: number[]; chunk?: number } = {}): Promise<Readable> {
  const names = layers.map((_, i) => `${String(i).padStart(2, '0')}abc.tar`);
  const files = [];
  for (const [i, layer] of layers.entries()) {
    const body = await layerTar(layer);
    files.push({ name: names[i], body: options.gzip?.includes(i) ? gzipSync(body) : body });
  }
  files.push({ name: 'cfg.json', body: Buffer.from('{"rootfs":{"type":"layers"}}') });
  files.push({ name: 'manifest.json', body: Buffer.from(JSON.stringify([{ Config: 'cfg.json', RepoTags: ['x:1'], Layers: names }])) });
  const pack = tar.pack();
  for (const f of files) pack.entry({ name: f.name, size: f.body.length }, f.body);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c);
  const whole = Buffer.concat(chunks);
  const size = options.chunk ?? whole.length;
  return Readable.from((function* () {
    for (let at = 0; at < whole.length; at += size) yield whole.subarray(at, at + size);
  })());
}

const APT = 'var/lib/apt/lists';

describe('analyzeImageArchive', () => {
  it('a path a later layer whites out is wasted in the layer that wrote it', async () => {
    const report = await analyzeImageArchive(await archive([
      [['bin/', 'dir'], ['bin/sh', 1000]],
      [['var/', 'dir'], ['var/lib/', 'dir'], ['var/lib/apt/', 'dir'], [`${APT}/`, 'dir'], [`${APT}/x`, 5000], [`${APT}/y`, 300]],
      [[`${APT}/`, 'dir'], [`${APT}/.wh.x`, 0]],
    ]));
    assert.deepEqual(report.wasted, [{ path: '/var/lib/apt/lists/x', bytes: 5000, layer: 1, removedBy: 2, how: 'deleted' }]);
    assert.deepEqual(report.layers, [{ index: 0, bytes: 1000, files: 1 }, { index: 1, bytes: 5300, files: 2 }, { index: 2, bytes: 0, files: 0 }]);
    assert.equal(report.wastedBytes, 5000);
    assert.equal(report.shippedBytes, 6300);
    assert.equal(report.finalBytes, 1300);
    assert.equal(report.efficiency, 1300 / 6300);
  });

  it('a whiteout of an ancestor directory wastes everything under it, nested levels included', async () => {
    const report = await analyzeImageArchive(await archive([
      [['var/lib/apt/lists/x', 700], ['var/lib/apt/lists/partial/y', 300], ['var/lib/apt/keep', 5]],
      [['var/lib/apt/.wh.lists', 0]],
    ]));
    assert.deepEqual(report.wasted, [
      { path: '/var/lib/apt/lists/x', bytes: 700, layer: 0, removedBy: 1, how: 'deleted' },
      { path: '/var/lib/apt/lists/partial/y', bytes: 300, layer: 0, removedBy: 1, how: 'deleted' },
    ]);
    assert.equal(report.finalBytes, 5);
    assert.deepEqual(groupWasted(report.wasted, 4), [{ path: '/var/lib/apt/lists', bytes: 1000, files: 2, layer: 0, removedBy: 1, how: 'deleted' }]);
  });

  it('an opaque marker hides the lower layers under its directory, not the files its own layer writes there', async () => {
    const report = await analyzeImageArchive(await archive([
      [['opt/app/old.js', 400], ['opt/app/lib/a.js', 100], ['opt/other', 7]],
      [['opt/app/', 'dir'], ['opt/app/.wh..wh..opq', 0], ['opt/app/new.js', 50]],
    ]));
    assert.deepEqual(report.wasted.map((w) => [w.path, w.bytes, w.layer, w.removedBy, w.how]), [
      ['/opt/app/old.js', 400, 0, 1, 'deleted'],
      ['/opt/app/lib/a.js', 100, 0, 1, 'deleted'],
    ]);
    assert.equal(report.finalBytes, 57);
  });

  it('a later layer writing the same path overwrites it; a whiteout in the same layer hides only lower layers', async () => {
    const report = await analyzeImageArchive(await archive([
      [['etc/big.conf', 2000], ['etc/tmp', 10]],
      [['etc/big.conf', 30], ['etc/.wh.tmp', 0], ['etc/tmp', 20]],
      [['etc/.wh.big.conf', 0]],
    ]));
    assert.deepEqual(report.wasted, [
      { path: '/etc/big.conf', bytes: 2000, layer: 0, removedBy: 1, how: 'overwritten' },
      { path: '/etc/big.conf', bytes: 30, layer: 1, removedBy: 2, how: 'deleted' },
      { path: '/etc/tmp', bytes: 10, layer: 0, removedBy: 1, how: 'deleted' },
    ]);
    assert.equal(report.finalBytes, 20);
  });

  it('directories, symlinks and hard links count 0 bytes', async () => {
    const report = await analyzeImageArchive(await archive([
      [['usr/', 'dir'], ['usr/bin/true', 900], ['usr/bin/hard', 'link'], ['usr/bin/soft', 'symlink']],
      [['usr/bin/.wh.hard', 0], ['usr/bin/.wh.soft', 0]],
    ]));
    assert.deepEqual(report.wasted, []);
    assert.deepEqual(report.layers[0], { index: 0, bytes: 900, files: 3 });
    assert.equal(report.finalBytes, 900);
  });

  it('reads gzip layers next to plain ones, and an archive streamed in small chunks', async () => {
    const layers: Layer[] = [[['data/a', 3000], ['data/b', 1]], [['data/.wh.a', 0]]];
    const report = await analyzeImageArchive(await archive(layers, { gzip: [0], chunk: 100 }));
    assert.deepEqual(report.wasted, [{ path: '/data/a', bytes: 3000, layer: 0, removedBy: 1, how: 'deleted' }]);
    assert.equal(report.efficiency, 1 / 3001);
  });

  it('an image with no layers, or with empty layer tars, wastes nothing and is 100 % efficient', async () => {
    for (const layers of [[], [[]]] as Layer[][]) {
      const report = await analyzeImageArchive(await archive(layers));
      assert.deepEqual(report, {
        layers: layers.map((_, index) => ({ index, bytes: 0, files: 0 })), wasted: [], wastedBytes: 0, finalBytes: 0, shippedBytes: 0, efficiency: 1,
      });
    }
  });

  it('rejects a stream without manifest.json, a truncated one, and an aborted read', async () => {
    const notImage = Readable.from([await packTar([{ name: 'hello.txt', size: 5 }])]);
    await assert.rejects(analyzeImageArchive(notImage), /no manifest\.json/);
    const whole = Buffer.concat(await (await archive([[['a', 5000]]])).toArray());
    await assert.rejects(analyzeImageArchive(Readable.from([whole.subarray(0, 3000)])), /Unexpected end of data/);
    const controller = new AbortController();
    const never = new Readable({ read() {} });
    never.push(whole.subarray(0, 2000));
    const reading = analyzeImageArchive(never, { signal: controller.signal });
    controller.abort(new Error('stopped by the user'));
    await assert.rejects(reading, /stopped by the user/);
  });
});

describe('groupWasted', () => {
  it('sums entries under a path prefix per layer, largest first; a short path stays itself', () => {
    const entries = [
      { path: '/var/lib/apt/lists/a', bytes: 10, layer: 1, removedBy: 2, how: 'deleted' as const },
      { path: '/var/lib/apt/lists/partial/b', bytes: 5, layer: 1, removedBy: 2, how: 'deleted' as const },
      { path: '/tmp', bytes: 40, layer: 0, removedBy: 2, how: 'overwritten' as const },
      { path: '/var/lib/apt/lists/c', bytes: 1, layer: 0, removedBy: 2, how: 'deleted' as const },
    ];
    assert.deepEqual(groupWasted(entries, 4).map((g) => [g.path, g.bytes, g.files, g.layer]), [
      ['/tmp', 40, 1, 0],
      ['/var/lib/apt/lists', 15, 2, 1],
      ['/var/lib/apt/lists', 1, 1, 0],
    ]);
  });
});

describe('a real image', () => {
  it('reports the apt lists an earlier RUN wrote and a later RUN deleted, read from `podman save`', async () => {
    ensureImageDeps();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-wasted-'));
    const dockerfile = 'FROM localhost/debian:12\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*\n';
    fs.writeFileSync(path.join(dir, 'Dockerfile'), dockerfile);
    let id: string | undefined;
    try {
      podman(['build', '--quiet', '--iidfile', path.join(dir, 'iid'), '--file', path.join(dir, 'Dockerfile'), dir]);
      id = fs.readFileSync(path.join(dir, 'iid'), 'utf8').trim();
      const save = spawn('podman', ['save', '--format', 'docker-archive', id], { env: podmanEnv(), stdio: ['ignore', 'pipe', 'inherit'] });
      const report = await analyzeImageArchive(save.stdout);
      assert.equal(report.layers.length, 3, 'the base, apt-get update, rm');
      const [lists] = groupWasted(report.wasted, 4);
      assert.equal(lists.path, '/var/lib/apt/lists');
      assert.equal(lists.layer, 1, 'written by the apt-get update layer');
      assert.equal(lists.removedBy, 2);
      assert.equal(lists.how, 'deleted');
      assert.ok(lists.bytes > 10_000_000, `${lists.bytes} B wasted under /var/lib/apt/lists`);
      assert.ok(report.layers[1].bytes >= lists.bytes && report.layers[2].bytes === 0, JSON.stringify(report.layers));
      assert.equal(report.finalBytes, report.shippedBytes - report.wastedBytes);
      assert.ok(report.finalBytes - report.layers[0].bytes < 1_000_000, 'the final filesystem is about the base again');
      assert.ok(report.efficiency < 0.9, `efficiency ${report.efficiency}`);
    } finally {
      removeImages(id);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
