// The caches that outlive a document (the shell parse cache, ShellCheck's script views) must not keep its text alive:
// V8 keeps a long slice of a string as a view of the whole string, so a RUN's script sliced from a 100 KB document
// and kept as a cache key (or as the words sliced from it) kept all 100 KB. With 200 such documents that is 20 MB.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildModel } from '../../server/src/core/dockerfile/model';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { shellcheckInputs } from '../../server/src/core/dockerfile/shellcheck-input';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap growth in MB after `fill` ran and a full collection. */
function retainedBy(fill: () => void): number {
  gc();
  const start = process.memoryUsage().heapUsed;
  fill();
  gc();
  return (process.memoryUsage().heapUsed - start) / 2 ** 20;
}

/** A 100 KB Dockerfile (a long comment) whose RUN script is unique to `i`, without continuations. */
const document = (i: number) => `FROM debian:12\n# ${'x'.repeat(100_000)}\nRUN echo document number ${i} && apt-get update -q\n`;

describe('caches that outlive a document', () => {
  before(() => initShellParser());

  it('keep none of its text through the shell parse cache or the ShellCheck script views', () => {
    const mb = retainedBy(() => {
      for (let i = 0; i < 200; i++) {
        const model = buildModel(document(i));
        assert.equal(model.runs[0].script.commands.length, 2);
        assert.equal(shellcheckInputs(model).length, 1);
      }
    });
    // 200 documents of 100 KB: 20 MB if any cache kept a slice of each; a few MB of parses and views otherwise.
    assert.ok(mb < 8, `${mb.toFixed(1)} MB still held after the documents are gone`);
  });
});
