// Quick fixes in the editor read the analysis's model of the text (withModel/modelOf) and the multi-stage conversion
// is made once per model (multiStageOf): both must answer exactly what parsing the text again answers.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { FolderContext } from '../../server/src/core/context';
import { analyzeDockerfileModel } from '../../server/src/core/dockerfile/analyze';
import { modelOf, multiStageOf, withModel } from '../../server/src/core/dockerfile/edits';
import { buildModel } from '../../server/src/core/dockerfile/model';
import { convertToMultiStage } from '../../server/src/core/dockerfile/multistage';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { dockerfileRules } from '../../server/src/rules';
import { C, GO, MAVEN, NODE, PYTHON } from '../fixtures/single-stage-dockerfiles';

describe('fixes on the analysis model', () => {
  before(() => initShellParser());

  it('modelOf gives the attached model of the same text, and parses when the model is of another text', () => {
    const text = 'FROM debian:12\nRUN apt-get install curl\n';
    const analysis = analyzeDockerfileModel(text, { rules: dockerfileRules });
    const input = withModel({ text }, analysis.model);
    buildModel('FROM alpine\n'); // the one-model cache now holds another text
    assert.equal(modelOf(input), analysis.model);
    const other = withModel({ text: 'FROM alpine:3\n' }, analysis.model);
    assert.equal(modelOf(other).text, 'FROM alpine:3\n');
    assert.notEqual(modelOf(other), analysis.model);
  });

  it('every fix gives the same result on the attached model as on a fresh parse', () => {
    for (const rule of dockerfileRules) {
      for (const text of [rule.docs.bad, rule.docs.good]) {
        const analysis = analyzeDockerfileModel(text, { rules: dockerfileRules });
        for (const finding of analysis.findings) {
          for (const fix of dockerfileRules.find((r) => r.id === finding.ruleId)?.fixes ?? []) {
            const attached = fix.apply(withModel({ text }, analysis.model), finding);
            buildModel(''); // forget the analysis's model: the plain input parses the text again
            assert.deepEqual(attached, fix.apply({ text }, finding), `${rule.id} example, ${finding.ruleId} ${fix.id}`);
          }
        }
      }
    }
  });

  it('multiStageOf converts like convertToMultiStage, with and without a build context', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-multistage-once-'));
    try {
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ scripts: { build: 'tsc' } }));
      const context = new FolderContext(dir);
      for (const text of [GO, NODE, PYTHON, MAVEN, C, 'FROM scratch\nCOPY app /\n', 'FROM a AS x\nFROM b\n']) {
        const model = buildModel(text);
        for (const ctx of [undefined, context]) {
          const once = multiStageOf(model, ctx);
          assert.equal(once, convertToMultiStage(text, ctx));
          assert.equal(multiStageOf(model, ctx), once, 'the same answer the second time');
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
