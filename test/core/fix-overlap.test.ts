// collectFixes keeps the edits it has taken sorted (TakenSpans) so that "fix all" over thousands of findings does
// not compare each new edit with every earlier one: its answers must be those of the plain all-pairs check.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TakenSpans } from '../../server/src/core/fixes';
import { mulberry32 } from '../fuzz/prng';

type Span = [number, number];
const touches = ([as, ae]: Span, [bs, be]: Span) => as <= be && bs <= ae;

describe('TakenSpans', () => {
  it('answers as the all-pairs check on random spans, short and long, empty, touching and nested', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rng = mulberry32(seed);
      const taken = new TakenSpans();
      const plain: Span[] = [];
      const size = 50 + rng.int(2000);
      for (let i = 0; i < 300; i++) {
        const start = rng.int(size);
        const long = rng.int(20) === 0;
        const span: Span = [start, start + (long ? rng.int(size) : rng.int(4))];
        const expected = plain.some((p) => touches(span, p));
        assert.equal(taken.overlapsAny(span), expected, `seed ${seed}, span ${span} against ${JSON.stringify(plain)}`);
        // As collectFixes: a span is taken only when it overlaps none (and now and then regardless, as one
        // fix's several edits are).
        if (!expected || rng.int(10) === 0) {
          taken.add(span);
          plain.push(span);
        }
      }
    }
  });
});
