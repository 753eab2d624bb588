// A Dockerfile without FROM is checked as one stage of an unknown image: the rules report what is there, beside the
// syntax finding, and rules about the base image stay silent.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeDockerfile } from '../../server/src/core/dockerfile/analyze';
import { buildModel } from '../../server/src/core/dockerfile/model';
import { MemoryContext } from '../../server/src/core/context';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { dockerfileRules } from '../../server/src/rules';
import { fmtRange } from '../helpers/ruleTable';

const lint = (text: string) =>
  analyzeDockerfile(text, { rules: dockerfileRules, context: new MemoryContext({ '.dockerignore': '.git\n' }), path: '/ctx/Dockerfile' }).map((f) => `${f.ruleId} ${fmtRange(f.range)}`);

describe('fragments without FROM', () => {
  before(() => initShellParser());

  it('run every rule on the instructions as one stage, beside the syntax finding', () => {
    const found = lint('RUN apt-get update\nRUN apt-get install -y curl\nWORKDIR app\n');
    assert.ok(found.includes('syntax 1:1-1:4'), found.join('\n'));
    assert.ok(found.includes('apt-lists-not-cleaned 1:5-1:19'), found.join('\n'));
    assert.ok(found.includes('merge-run 2:1-2:4'), found.join('\n'));
    assert.ok(found.includes('workdir-relative 3:9-3:12'), found.join('\n'));
  });

  it('report nothing about a base image nobody named', () => {
    const found = lint('COPY . /app\nCMD ["node", "app.js"]\n');
    assert.deepEqual(found.filter((f) => /latest-tag|untagged-image|full-base-image|untrusted-registry/.test(f)), []);
  });

  it('the model has one stage with a zero-width FROM where the first instruction starts', () => {
    const model = buildModel('\n# note\nENV A=1\nRUN echo $A\n');
    assert.equal(model.stages.length, 1);
    const [stage] = model.stages;
    assert.equal(stage.fragment, true);
    assert.equal(stage.image, undefined);
    assert.deepEqual(stage.from.getRange(), { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } });
    assert.deepEqual(stage.instructions.map((i) => i.getKeyword()), ['ENV', 'RUN']);
    assert.equal(model.runs.length, 1);
    assert.equal(model.stageOf(stage.instructions[1]), stage);
  });

  it('files with FROM and empty files are unchanged', () => {
    assert.equal(buildModel('FROM debian:12\nRUN true\n').stages[0].fragment, undefined);
    assert.deepEqual(buildModel('').stages, []);
    assert.deepEqual(buildModel('# only a comment\n').stages, []);
  });
});
