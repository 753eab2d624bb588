// ShellCheck is given a bounded part of a file (SHELLCHECK_LIMITS): the RUNs past the bound are counted and the
// first of them named, so the shellcheck rule can say which were not checked.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildModel } from '../../server/src/core/dockerfile/model';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { SHELLCHECK_LIMITS, shellcheckInputs, shellcheckSkipped } from '../../server/src/core/dockerfile/shellcheck-input';

describe('ShellCheck limits', () => {
  const saved = { ...SHELLCHECK_LIMITS };
  before(() => initShellParser());
  after(() => Object.assign(SHELLCHECK_LIMITS, saved));

  it('checks the first RUNs up to the bound and names the first one past it', () => {
    SHELLCHECK_LIMITS.runs = 2;
    const model = buildModel('FROM debian:12\nRUN echo 1\nRUN ["echo", "exec form is not checked"]\nRUN echo 2\nRUN echo 3\nRUN echo 4\n');
    assert.deepEqual(shellcheckInputs(model).map((i) => i.script), ['echo 1', 'echo 2']);
    const skipped = shellcheckSkipped(model)!;
    assert.deepEqual({ count: skipped.count, total: skipped.total, line: skipped.first.instruction.getRange().start.line }, { count: 2, total: 4, line: 4 });
  });

  it('the script size bound', () => {
    Object.assign(SHELLCHECK_LIMITS, saved, { scriptChars: 12 });
    const model = buildModel('FROM debian:12\nRUN echo one\nRUN echo two\nRUN echo three\n');
    assert.equal(shellcheckInputs(model).length, 1);
    assert.equal(shellcheckSkipped(model)!.count, 2);
  });

  it('an ordinary file is checked whole', () => {
    Object.assign(SHELLCHECK_LIMITS, saved);
    const model = buildModel('FROM debian:12\nRUN echo a\nRUN echo b\n');
    assert.equal(shellcheckInputs(model).length, 2);
    assert.equal(shellcheckSkipped(model), undefined);
  });
});
