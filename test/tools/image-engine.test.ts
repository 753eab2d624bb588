// The engine module against real podman: a build's image id, history, size, save stream and removal; and each
// failure a user can meet here, with its kind and the Dockerfile line it points at.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { buildImage, EngineError, findEngine, imageHistory, imageSize, removeImage, saveImage, type Engine } from '../../server/src/tools/image-engine';
import { ensureImageDeps, podman, podmanEnv, podmanHistorySizes, removeImages } from '../helpers/podman';

let dir: string;
let engine: Engine;
before(async () => {
  ensureImageDeps();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-engine-'));
  engine = await findEngine({ engine: 'podman', env: podmanEnv() });
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function dockerfile(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

async function failure(p: Promise<unknown>): Promise<EngineError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  assert.ok(e instanceof EngineError, `expected an EngineError, got ${String(e)}`);
  return e;
}

test('a build gives the image id; history, size and save answer for it; removeImage removes it', async () => {
  const file = dockerfile('ok.Dockerfile', 'FROM localhost/debian:12-slim\nENV A=1\nRUN head -c 50000 /dev/urandom > /blob\n');
  const output: string[] = [];
  const { imageId } = await buildImage({ engine, dockerfile: file, context: dir, onOutput: (c) => output.push(c) });
  try {
    assert.match(imageId, /^(sha256:)?[0-9a-f]{64}$/);
    assert.match(output.join(''), /STEP 3\/3: RUN head -c 50000/);
    const history = await imageHistory(engine, imageId);
    assert.deepEqual(history.map((h) => ({ createdBy: h.createdBy, size: h.size })), podmanHistorySizes(imageId));
    assert.match(history[history.length - 1].createdBy, /head -c 50000/);
    assert.equal(await imageSize(engine, imageId), Number(podman(['image', 'inspect', '--format', '{{.Size}}', imageId])));
    const chunks: Buffer[] = [];
    for await (const chunk of saveImage(engine, imageId)) chunks.push(chunk as Buffer);
    const tar = Buffer.concat(chunks);
    assert.ok(tar.includes('manifest.json'), 'the save stream is a docker-archive with manifest.json');
  } finally {
    await removeImage(engine, imageId);
  }
  assert.throws(() => podman(['image', 'exists', imageId]));
});

test('an engine path that does not exist: engine-missing, naming the path', async () => {
  const e = await failure(findEngine({ engine: 'podman', paths: { podman: '/nonexistent/bin/podman' } }));
  assert.equal(e.kind, 'engine-missing');
  assert.match(e.message, /\/nonexistent\/bin\/podman/);
  const missing: Engine = { name: 'docker', path: '/nonexistent/bin/docker' };
  assert.equal((await failure(buildImage({ engine: missing, dockerfile: path.join(dir, 'x'), context: dir }))).kind, 'engine-missing');
});

test('FROM an image that exists nowhere: base-image-not-found on the FROM line', async () => {
  const file = dockerfile('nope.Dockerfile', '# syntax is fine\nFROM localhost/nope:1\nRUN true\n');
  const e = await failure(buildImage({ engine, dockerfile: file, context: dir }));
  assert.equal(e.kind, 'base-image-not-found');
  assert.equal(e.line, 1);
  assert.match(e.logTail ?? '', /localhost\/nope:1/);
});

test('a RUN that exits 1: run-failed on the line of that RUN (multi-stage, continued lines)', async () => {
  const text = 'FROM localhost/debian:12-slim AS base\nRUN true\n\nFROM base\nENV A=1\nRUN echo before-failing; \\\n    exit 1\nRUN true\n';
  const e = await failure(buildImage({ engine, dockerfile: dockerfile('fail.Dockerfile', text), context: dir }));
  assert.equal(e.kind, 'run-failed');
  assert.equal(e.line, 5);
  assert.match(e.message, /line 6/);
  assert.match(e.logTail ?? '', /before-failing/);
});

/** The image ids of `podman ps --all --external`; retried, as a container removed meanwhile fails the listing. */
function psImageIds(): string[] {
  for (let i = 0; ; i++) {
    try {
      return podman(['ps', '--all', '--external', '--no-trunc', '--format', '{{.ImageID}}']).split('\n');
    } catch (e) {
      if (i >= 5) throw e;
    }
  }
}

/** Pids of live processes whose command line holds `needle`. */
function processesWith(needle: string): number[] {
  return fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((pid) => {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const state = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
      return cmd.includes(needle) && state !== 'Z' ? [Number(pid)] : [];
    } catch {
      return [];
    }
  });
}

test('cancelling mid-RUN stops the build: no process of it runs and its working container goes', async () => {
  // A base image of its own (its own id: podman shows a container's image by the tags of its id), so containers
  // of other builds running meanwhile do not count.
  const base = dockerfile('base.Dockerfile', 'FROM localhost/debian:12-slim\nLABEL stevedore.test=cancel\n');
  podman(['build', '--quiet', '--tag', 'localhost/stevedore-cancel:test', '--file', base, dir]);
  const baseId = podman(['image', 'inspect', '--format', '{{.Id}}', 'localhost/stevedore-cancel:test']);
  const file = dockerfile('sleep.Dockerfile', 'FROM localhost/stevedore-cancel:test\nRUN sleep 29.77\n');
  const controller = new AbortController();
  let output = '';
  const build = buildImage({
    engine, dockerfile: file, context: dir, signal: controller.signal,
    onOutput: (c) => {
      output += c;
      if (/STEP 2\/2/.test(output)) setTimeout(() => controller.abort(), 500);
    },
  });
  try {
    const e = await failure(build);
    assert.equal(e.kind, 'cancelled');
    assert.deepEqual(processesWith('sleep 29.77'), []);
    assert.deepEqual(processesWith(file), []);
    // Removed at once, or (another build running) as soon as no build runs; the bound is only a hang guard.
    const ours = () => psImageIds().filter((id) => id === baseId);
    for (let i = 0; i < 240 && ours().length; i++) await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(ours(), []);
  } finally {
    removeImages('localhost/stevedore-cancel:test');
  }
});
