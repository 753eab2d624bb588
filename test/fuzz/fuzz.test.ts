// The bounded, seeded fuzz run of `npm test`: 300 mutated inputs (at most 45 s of them), then the regression corpus,
// against ONE server.
// Fails on any error response, any request over 1 s, a crash or hang, a failure log line, RSS growth of 300 MB or
// more, or a server that no longer reports a trivial Dockerfile's and manifest's findings. Longer runs: `npm run fuzz`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCampaign } from './campaign';
import { formatFailure } from './driver';

const SEED = 20261206;
const COUNT = 300;
/** Mutated inputs stop starting after this (the corpus always runs whole), so `npm test` stays bounded under load. */
const MUTATED_BUDGET_MS = 45_000;

describe('fuzz (bounded, seeded)', () => {
  it(`seed ${SEED}: the regression corpus and up to ${COUNT} mutated inputs, every request type`, async (t) => {
    const result = await runCampaign({ seed: SEED, count: COUNT, corpus: true, rssBoundMb: 300, hangMs: 10_000, mutatedFirst: true, mutatedBudgetMs: MUTATED_BUDGET_MS });
    const summary = `${result.inputs} inputs (${result.mutated} of ${COUNT} mutated), RSS ${result.baselineRssMb} -> ${result.finalRssMb} MB, slowest ${result.slowest.ms} ms (${result.slowest.request} on ${result.slowest.input}), restarts ${result.restarts}`;
    if (result.failures.length) {
      // Short and precise: one line per failure, then how to replay (npm run fuzz writes the inputs to test-results/fuzz/).
      const lines = result.failures.slice(0, 60).map(formatFailure);
      if (result.failures.length > 60) lines.push(`… and ${result.failures.length - 60} more`);
      assert.fail(`${result.failures.length} fuzz failures (${summary})\n${lines.join('\n')}\nreplay one: npx tsx test/fuzz/run.ts --seed ${SEED} --index N ("seed … #N") or --only NAME (a corpus input); all: --seed ${SEED} --count ${COUNT}`);
    }
    t.diagnostic(summary);
    assert.ok(result.mutated > 0, summary);
  });
});
