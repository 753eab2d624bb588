// The fuzz generator is deterministic (a failure's seed and index replay the same input) and the regression corpus
// has the sizes the fuzz issue names.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { mutationCorpus } from './campaign';
import { hostile, hostileInputs } from './corpus';
import { fuzzInput, MAX_INPUT_CHARS, mutations } from './mutate';
import { mulberry32 } from './prng';

const digest = (texts: string[]) => createHash('sha256').update(texts.join('\u0001')).digest('hex');
const size = (name: string) => Buffer.byteLength(hostile(hostileInputs.find((h) => h.name === name)!).text, 'utf8');

describe('fuzz generator', () => {
  it('mulberry32 gives the same sequence for a seed and another one for another seed', () => {
    const seq = (seed: number) => Array.from({ length: 5 }, mulberry32(seed).next);
    assert.deepEqual(seq(7), seq(7));
    assert.notDeepEqual(seq(7), seq(8));
    for (const x of seq(7)) assert.ok(x >= 0 && x < 1);
  });

  it('the same seed and index give the same input, alone or within a run', () => {
    const corpus = mutationCorpus();
    const run = (seed: number) => Array.from({ length: 40 }, (_, i) => fuzzInput(seed, i, corpus));
    const a = run(42);
    assert.equal(digest(a.map((i) => i.name + i.kind + i.text)), digest(run(42).map((i) => i.name + i.kind + i.text)));
    assert.notEqual(digest(a.map((i) => i.text)), digest(run(43).map((i) => i.text)));
    assert.deepEqual(fuzzInput(42, 17, mutationCorpus()), a[17]);
  });

  it('mutated inputs stay within the 2 MB of the largest regression input', () => {
    const corpus = mutationCorpus();
    for (let i = 0; i < 300; i++) assert.ok(fuzzInput(20261206, i, corpus).text.length <= MAX_INPUT_CHARS, `#${i}`);
  });

  it('every mutation is used and changes its input', () => {
    const corpus = mutationCorpus();
    const seen = new Set(Array.from({ length: 300 }, (_, i) => fuzzInput(1, i, corpus).name.split('+').slice(1)).flat().map((m) => m.split(' ')[0]));
    assert.deepEqual([...seen].sort(), Object.keys(mutations).sort());
    const text = 'FROM debian:12\nRUN apt-get update\n';
    for (const [name, mutate] of Object.entries(mutations)) assert.notEqual(mutate(text, mulberry32(3), 'apiVersion: v1\nkind: Pod\n'), text, name);
  });

  it('the regression corpus has the sizes of the issue', () => {
    assert.equal(size('indented-run-variable-no-from'), 8);
    assert.ok(Math.abs(size('pipes-14000') - 56_000) < 1_000, String(size('pipes-14000')));
    assert.ok(Math.abs(size('manifest-80000-open-braces-160kb') - 160_000) < 1_000);
    assert.ok(Math.abs(size('manifest-160000-open-braces-320kb') - 320_000) < 1_000);
    assert.ok(size('dockerfile-2mb-many-lines') >= 1_900_000 && size('dockerfile-2mb-many-lines') <= 2_200_000, String(size('dockerfile-2mb-many-lines')));
    assert.ok(size('dockerfile-1mb-single-line') >= 1 << 20);
    const configMap = hostile(hostileInputs.find((h) => h.name === 'configmap-8000-lines-with-edits')!).text;
    assert.equal(configMap.split('\n').length - 1, 8000);
    assert.ok(Math.abs(configMap.length - 262_000) < 15_000, String(configMap.length));
    assert.equal(hostile(hostileInputs.find((h) => h.name === 'yaml-stream-5000-documents')!).text.match(/^---$/gm)?.length, 5000);
  });
});
