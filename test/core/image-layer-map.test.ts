// Layer sizes mapped to instructions, checked against real podman builds of the fixtures: every instruction's
// bytes are exactly the size `podman history` reports for its entry, on the instruction's lines; the base image's
// bytes are its own history; builder stages come from a --target build and are not shipped.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { buildModel } from '../../server/src/core/dockerfile/model';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { addBuilderStage, builderStages, historyKeyword, mapHistory, textHash } from '../../server/src/core/image/layer-map';
import { buildImage, findEngine, imageHistory, type Engine } from '../../server/src/tools/image-engine';
import { ensureImageDeps, IMAGE_FIXTURES, podmanEnv, podmanHistorySizes, removeImages } from '../helpers/podman';

let engine: Engine;
const built: string[] = [];
before(async () => {
  ensureImageDeps();
  await initShellParser();
  engine = await findEngine({ engine: 'podman', env: podmanEnv() });
});
after(() => removeImages(...built.reverse()));

async function build(fixture: string, target?: string) {
  const dockerfile = path.join(IMAGE_FIXTURES, fixture, 'Dockerfile');
  const { imageId } = await buildImage({ engine, dockerfile, context: path.dirname(dockerfile), target });
  built.push(imageId);
  const model = buildModel(fs.readFileSync(dockerfile, 'utf8'));
  return { imageId, model, history: await imageHistory(engine, imageId), podman: podmanHistorySizes(imageId) };
}

/** podman's sizes of the last `n` entries, oldest first, and the sum of the ones before them (the base). */
function split(podman: { size: number }[], n: number) {
  return { base: podman.slice(0, -n).reduce((s, e) => s + e.size, 0), own: podman.slice(-n).map((e) => e.size) };
}

test('naive apt on localhost/debian:12: the update and install RUNs on their lines with podman\'s bytes, the base on FROM', async () => {
  const { imageId, model, history, podman } = await build('naive-apt');
  const m = mapHistory(model, history, { engine: 'podman', imageId });
  const sizes = split(podman, 3);
  assert.deepEqual(m.layers, [
    { line: 1, endLine: 1, keyword: 'RUN', bytes: sizes.own[0], stage: 0, shipped: true },
    { line: 2, endLine: 2, keyword: 'RUN', bytes: sizes.own[1], stage: 0, shipped: true },
    { line: 3, endLine: 3, keyword: 'CMD', bytes: 0, stage: 0, shipped: true },
  ]);
  assert.deepEqual(m.base, { image: 'localhost/debian:12', bytes: sizes.base, line: 0 });
  assert.deepEqual(podmanHistorySizes('localhost/debian:12').reduce((s, e) => s + e.size, 0), sizes.base);
  // The notes measured 19.9 MB of package lists and 17.9 MB for curl with its recommends.
  assert.ok(sizes.own[0] > 10e6 && sizes.own[1] > 10e6, `apt layers ${sizes.own}`);
  assert.equal(m.imageId, imageId);
  assert.equal(m.total, podman.reduce((s, e) => s + e.size, 0));
  assert.equal(m.layerCount, 3);
  assert.equal(m.textHash, textHash(model.text));
});

test('the fixed apt variant: one RUN layer and the CMD', async () => {
  const { model, history, podman } = await build('fixed-apt');
  const m = mapHistory(model, history);
  const sizes = split(podman, 2);
  assert.deepEqual(m.layers.map((l) => [l.line, l.keyword, l.bytes]), [[1, 'RUN', sizes.own[0]], [2, 'CMD', 0]]);
  assert.equal(m.base?.bytes, sizes.base);
});

test('ENV/LABEL/WORKDIR/COPY/ARG/EXPOSE/USER mixed with a continued RUN: each on its own lines, metadata with 0 bytes', async () => {
  const { model, history, podman } = await build('meta-mix');
  const m = mapHistory(model, history);
  const own = split(podman, 9).own;
  assert.deepEqual(m.layers.map((l) => [l.line, l.endLine, l.keyword, l.bytes]), [
    [2, 2, 'ARG', own[0]], [3, 4, 'ENV', own[1]], [5, 5, 'LABEL', own[2]], [6, 6, 'WORKDIR', own[3]], [7, 7, 'COPY', own[4]],
    [8, 9, 'RUN', own[5]], [10, 10, 'EXPOSE', own[6]], [11, 11, 'USER', own[7]], [12, 12, 'CMD', own[8]],
  ]);
  assert.deepEqual([own[0], own[1], own[2], own[3], own[6], own[7], own[8]], [0, 0, 0, 0, 0, 0, 0]);
  assert.ok(own[4] >= 40_000 && own[5] >= 500_000, `COPY ${own[4]} B, RUN ${own[5]} B`);
  assert.deepEqual(m.base, { image: 'localhost/debian:12-slim', bytes: split(podman, 9).base, line: 1 });
});

test('multi-stage: the COPY --from is shipped; the builder stage, built with --target, is not', async () => {
  const { model, history, podman } = await build('multi-stage');
  const m = mapHistory(model, history);
  const sizes = split(podman, 2);
  assert.deepEqual(m.layers, [
    { line: 6, endLine: 6, keyword: 'COPY', bytes: sizes.own[0], stage: 1, shipped: true },
    { line: 7, endLine: 7, keyword: 'CMD', bytes: 0, stage: 1, shipped: true },
  ]);
  assert.deepEqual(m.base, { image: 'localhost/debian:12-slim', bytes: sizes.base, line: 5 });
  assert.deepEqual(builderStages(model).map((s) => s.name), ['build']);
  const builder = await build('multi-stage', 'build');
  addBuilderStage(m, model.stages[0], builder.history);
  const own = split(builder.podman, 2).own;
  assert.deepEqual(m.layers.filter((l) => !l.shipped), [
    { line: 2, endLine: 2, keyword: 'RUN', bytes: own[0], stage: 0, shipped: false },
    { line: 3, endLine: 3, keyword: 'RUN', bytes: own[1], stage: 0, shipped: false },
  ]);
  assert.ok(own[0] >= 2_000_000 && own[1] >= 3_000_000);
});

test("history keywords as podman, the legacy builder and BuildKit write them", () => {
  assert.equal(historyKeyword('/bin/sh -c #(nop) ENV A=1'), 'ENV');
  assert.equal(historyKeyword('|1 X=1 /bin/sh -c echo $X > /a'), 'RUN');
  assert.equal(historyKeyword('/bin/sh -c #(nop) COPY file:34f5 in /f.txt '), 'COPY');
  assert.equal(historyKeyword('RUN /bin/sh -c apt-get update # buildkit'), 'RUN');
  assert.equal(historyKeyword('COPY data.txt ./data.txt # buildkit'), 'COPY');
  assert.equal(historyKeyword('WORKDIR /app'), 'WORKDIR');
});
