// `ONBUILD RUN …` runs in the images built FROM this one: the rules check its command like any RUN's.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeDockerfile } from '../../server/src/core/dockerfile/analyze';
import { buildModel } from '../../server/src/core/dockerfile/model';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { applyEdits } from '../../server/src/core/fixes';
import { dockerfileRules } from '../../server/src/rules';
import { aptMissingYes } from '../../server/src/rules/dockerfile/apt-missing-yes';
import { fmtRange } from '../helpers/ruleTable';

const TEXT = 'FROM debian:12\nONBUILD RUN apt-get update && apt-get install curl\nONBUILD COPY . /app\nRUN true\n';

describe('ONBUILD RUN', () => {
  before(() => initShellParser());

  it('is a run of the model, with its ONBUILD instruction', () => {
    const model = buildModel(TEXT);
    assert.deepEqual(model.runs.map((r) => [r.instruction.getKeyword(), r.onbuild?.getKeyword(), r.script.commands.map((c) => c.name)]), [
      ['RUN', 'ONBUILD', ['apt-get', 'apt-get']],
      ['RUN', undefined, ['true']],
    ]);
  });

  it('gets the RUN rules\' findings at its own words, and their fixes', () => {
    const found = analyzeDockerfile(TEXT, { rules: dockerfileRules }).map((f) => `${f.ruleId} ${fmtRange(f.range)}`);
    for (const f of ['apt-lists-not-cleaned 2:13-2:27', 'apt-missing-yes 2:39-2:46', 'apt-no-install-recommends 2:39-2:46']) assert.ok(found.includes(f), `${f} in ${found.join(', ')}`);
    const [hit] = analyzeDockerfile(TEXT, { rules: [aptMissingYes] });
    const fix = aptMissingYes.fixes![0].apply({ text: TEXT }, hit)!;
    assert.equal(applyEdits(TEXT, fix.edits), TEXT.replace('install curl', 'install -y curl'));
  });

  it('ONBUILD with other triggers adds no run', () => {
    assert.equal(buildModel('FROM debian:12\nONBUILD COPY . /app\nONBUILD ENV A=1\n').runs.length, 0);
  });
});
