// wastedBytes with the real podman: a built image's save stream read as it arrives (a file a later RUN deletes is
// reported on the RUN that wrote it), a missing image is an EngineError, and a cancelled read leaves no `save` running.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EngineError, type Engine } from '../../server/src/tools/image-engine';
import { wastedBytes } from '../../server/src/tools/image-layers';
import { ensureImageDeps, podman, podmanEnv, removeImages } from '../helpers/podman';

/** `podman save` processes running now, by their command lines. */
function saveProcesses(image: string): string[] {
  return fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).flatMap((pid) => {
    try {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return args.includes('save') && args.includes(image) ? [args.join(' ')] : [];
    } catch {
      return [];
    }
  });
}

describe('wastedBytes (podman)', () => {
  const engine: Engine = { name: 'podman', path: 'podman', env: podmanEnv() };
  let dir: string;
  let id: string | undefined;
  before(() => {
    ensureImageDeps();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-layers-'));
    fs.writeFileSync(path.join(dir, 'Dockerfile'), [
      'FROM localhost/debian:12-slim',
      'RUN mkdir /data && head -c 3000000 /dev/zero > /data/blob && head -c 1000 /dev/zero > /data/keep',
      'RUN rm /data/blob && head -c 500 /dev/zero > /data/keep',
      '',
    ].join('\n'));
    podman(['build', '--quiet', '--iidfile', path.join(dir, 'iid'), '--file', path.join(dir, 'Dockerfile'), dir]);
    id = fs.readFileSync(path.join(dir, 'iid'), 'utf8').trim();
  });
  after(() => {
    removeImages(id);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports the bytes a later RUN deletes or overwrites, on the layer that wrote them', async () => {
    const report = await wastedBytes(engine, id!);
    assert.deepEqual(report.wasted, [
      { path: '/data/blob', bytes: 3_000_000, layer: 1, removedBy: 2, how: 'deleted' },
      { path: '/data/keep', bytes: 1000, layer: 1, removedBy: 2, how: 'overwritten' },
    ]);
    assert.equal(report.layers.length, 3);
    // podman adds empty mount-point files (/etc/hosts, /run/.containerenv…) to a RUN layer: bytes, not file counts, are exact.
    assert.deepEqual(report.layers.slice(1).map((l) => l.bytes), [3_001_000, 500]);
    assert.equal(report.finalBytes, report.layers[0].bytes + 500);
    assert.equal(report.efficiency, report.finalBytes / report.shippedBytes);
  });

  it('an image the engine does not have is an EngineError naming it', async () => {
    await assert.rejects(wastedBytes(engine, 'localhost/stevedore-no-such-image:1'), (e: unknown) =>
      e instanceof EngineError && e.kind === 'failed' && /localhost\/stevedore-no-such-image:1/.test(e.message));
  });

  it('a cancelled read rejects as cancelled and leaves no `podman save` running', async () => {
    const controller = new AbortController();
    const reading = wastedBytes(engine, id!, controller.signal);
    setImmediate(() => controller.abort());
    await assert.rejects(reading, (e: unknown) => e instanceof EngineError && e.kind === 'cancelled');
    for (let i = 0; i < 50 && saveProcesses(id!).length; i++) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(saveProcesses(id!), []);
  });
});
