// The image set-up works: podman with the test-only containers.conf builds a fixture FROM the local Debian base
// and reports the RUN's layer.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { ensureImageDeps, podman, podmanHistorySizes, removeImages } from '../helpers/podman';

test('podman builds a fixture FROM localhost/debian:12 with the test-only containers.conf', () => {
  ensureImageDeps();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-setup-'));
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM localhost/debian:12-slim\nRUN head -c 100000 /dev/zero > /blob\n');
  let id: string | undefined;
  try {
    podman(['build', '--quiet', '--iidfile', path.join(dir, 'iid'), '--file', path.join(dir, 'Dockerfile'), dir]);
    id = fs.readFileSync(path.join(dir, 'iid'), 'utf8').trim();
    const history = podmanHistorySizes(id);
    assert.equal(history.length, 2);
    assert.match(history[1].createdBy, /head -c 100000/);
    assert.ok(history[1].size >= 100_000 && history[1].size < 120_000, `layer of ${history[1].size} B`);
  } finally {
    removeImages(id);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
