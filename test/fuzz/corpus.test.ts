// The regression corpus: each hostile input from the fuzz issue against one long-lived server. Every request type
// answers within 1 s without an error, and afterwards a trivial Dockerfile and manifest still get their findings.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { corpusRequestRng, replayCommand } from './campaign';
import { hostile, hostileInputs } from './corpus';
import { FuzzDriver, formatFailure } from './driver';

describe('fuzz regression corpus', () => {
  const driver = new FuzzDriver({ hangMs: 20_000 });
  before(async () => {
    const warm = await driver.start();
    if (warm.length) assert.fail(`the server is not healthy after warm-up:\n${warm.map(formatFailure).join('\n')}`);
  });
  after(() => driver.stop());

  for (const [i, named] of hostileInputs.entries()) {
    it(named.name, async () => {
      const failures = [...(await driver.exercise(hostile(named), corpusRequestRng(i))), ...(await driver.healthCheck(`health check after ${named.name}`))];
      if (failures.length) assert.fail(`${failures.length} failures; replay: ${replayCommand(0, { name: named.name })}\n${failures.map(formatFailure).join('\n')}`);
    });
  }
});
