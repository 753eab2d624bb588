// Build and measure with real podman: a multi-stage fixture from its file (shipped and builder layers, the images
// removed afterwards), and an unsaved text built against a fixture's context with wasted bytes read from the save
// stream.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import { buildModel } from '../../server/src/core/dockerfile/model';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { findEngine, type Engine } from '../../server/src/tools/image-engine';
import { measureDockerfile } from '../../server/src/tools/measure';
import { ensureImageDeps, IMAGE_FIXTURES, podman, podmanEnv } from '../helpers/podman';

let engine: Engine;
before(async () => {
  ensureImageDeps();
  await initShellParser();
  engine = await findEngine({ engine: 'podman', env: podmanEnv() });
});

const exists = (id: string) => {
  try {
    podman(['image', 'exists', id]);
    return true;
  } catch {
    return false;
  }
};

test('a multi-stage Dockerfile: shipped COPY, builder RUNs not shipped, the base on the final FROM; images removed', async () => {
  const dockerfile = path.join(IMAGE_FIXTURES, 'multi-stage', 'Dockerfile');
  const model = buildModel(fs.readFileSync(dockerfile, 'utf8'));
  const m = await measureDockerfile({ engine, dockerfile, context: path.dirname(dockerfile), model });
  assert.deepEqual(m.layers.map((l) => [l.line, l.keyword, l.shipped]), [[6, 'COPY', true], [7, 'CMD', true], [2, 'RUN', false], [3, 'RUN', false]]);
  assert.ok(m.layers[0].bytes >= 2_000_000 && m.layers[3].bytes >= 3_000_000);
  assert.equal(m.base?.line, 5);
  assert.equal(m.engine, 'podman');
  assert.ok(m.total >= m.base!.bytes + m.layers[0].bytes, `total ${m.total}`);
  assert.equal(m.wasted, undefined);
  assert.equal(exists(m.imageId), false);
});

test('an unsaved text against a fixture context, with wasted bytes: the file a later RUN deletes', async () => {
  const context = path.join(IMAGE_FIXTURES, 'meta-mix');
  const text = 'FROM localhost/debian:12-slim\nCOPY data.txt /data.txt\nRUN head -c 1500000 /dev/urandom > /tmp/big\nRUN rm /tmp/big\n';
  const m = await measureDockerfile({ engine, dockerfile: path.join(context, 'Dockerfile'), context, text, model: buildModel(text), wasted: true });
  assert.deepEqual(m.layers.map((l) => [l.line, l.keyword]), [[1, 'COPY'], [2, 'RUN'], [3, 'RUN']]);
  assert.ok(m.layers[0].bytes >= 40_000, 'data.txt came from the fixture context');
  const big = m.wasted?.wasted.find((w) => /tmp\/big$/.test(w.path));
  assert.ok(big, `wasted: ${JSON.stringify(m.wasted?.wasted.slice(0, 3))}`);
  assert.equal(big.bytes, 1_500_000);
  assert.equal(big.how, 'deleted');
  assert.equal(m.wasted!.wastedBytes >= 1_500_000, true);
  assert.ok(m.wasted!.efficiency < 1);
  assert.equal(exists(m.imageId), false);
});
