// core/dockerfile/variables.ts: the variable references BuildKit expands in an instruction, the names ARG/ENV
// define, and BuildKit's "did you mean" search.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { buildModel } from '../../server/src/core/dockerfile/model';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { declaredNames, expandedVariables, suggestName } from '../../server/src/core/dockerfile/variables';

/** The references of the file's last instruction, as `name@line:col-col` of the whole reference (0-based). */
function refs(text: string): string[] {
  const model = buildModel(text);
  const ins = model.ast.getInstructions().at(-1)!;
  return expandedVariables(model, ins).map((v) => `${v.name}@${v.range.start.line}:${v.range.start.character}-${v.range.end.character}`);
}

describe('dockerfile variables', () => {
  before(() => initShellParser());

  it('finds $NAME and ${NAME…} in arguments and flags', () => {
    assert.deepEqual(refs('FROM --platform=$BUILDPLATFORM ${BASE:-alpine}:$TAG\n'), ['BUILDPLATFORM@0:16-30', 'BASE@0:31-46', 'TAG@0:47-51']);
    assert.deepEqual(refs('FROM a\nCOPY --chown=$UID:${GID} src/${DIR}x /dst\n'), ['UID@1:13-17', 'GID@1:18-24', 'DIR@1:29-35']);
  });

  it('skips escaped dollars, single-quoted text and names that cannot be variables', () => {
    assert.deepEqual(refs("FROM a\nLABEL a='$x' b=\"$y\" c=\\$z d=$1 e=$\n"), ['y@1:16-18']);
    assert.deepEqual(refs('# escape=`\nFROM a\nENV A=`$x B=$y\n'), ['y@2:12-14']);
  });

  it('reads across continuation lines', () => {
    assert.deepEqual(refs('FROM a\nENV A=1 \\\n    B=$A\n'), ['A@2:6-8']);
  });

  it('names ARG and ENV define, with or without a value', () => {
    const model = buildModel('FROM a\nARG A\nARG B=1\nENV C=1 D=2\nRUN true\n');
    assert.deepEqual(model.stages[0].instructions.map((i) => declaredNames(i)), [['A'], ['B'], ['C', 'D'], []]);
  });

  it('suggests like BuildKit: fewer than 3 edits, the closest first, none for an exact match', () => {
    assert.equal(suggestName('PAHT', ['PATH', 'HOME']), 'PATH');
    assert.equal(suggestName('VERSON', ['VERSION', 'VERSIONS']), 'VERSION');
    assert.equal(suggestName('foo', ['PATH']), undefined);
    assert.equal(suggestName('abc', ['xyz', 'abc', 'abd']), undefined);
    assert.equal(suggestName('path', ['PATH']), undefined);
  });
});
