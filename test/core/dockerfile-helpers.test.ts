// The Dockerfile helpers rules share, from core: instruction lookups (instructions.ts), fix edits (edits.ts),
// the build context's ignore file and what COPY takes (dockerignore.ts), and literal shell words (shell.ts).
import type { JSONInstruction } from 'dockerfile-ast';
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { MemoryContext } from '../../server/src/core/context';
import { applyEdits } from '../../server/src/core/fixes';
import { copiedNames, dockerfileRel, ignoreFileOf, wholeContextCopy } from '../../server/src/core/dockerfile/dockerignore';
import { appendToRun, deleteInstruction, dockerQuote, insertAfter } from '../../server/src/core/dockerfile/edits';
import { allCommands, copyArgs, copyFromFlags, instructionsBefore, instructionsOf } from '../../server/src/core/dockerfile/instructions';
import { buildModel } from '../../server/src/core/dockerfile/model';
import { initShellParser, literalShellWord } from '../../server/src/core/dockerfile/shell';

describe('Dockerfile helpers in core', () => {
  before(() => initShellParser());

  it('finds instructions by keyword and those that apply before one in a stage, parents first', () => {
    const m = buildModel('FROM a AS base\nENV A=1\nFROM base\nENV B=2\nRUN x\n');
    assert.deepEqual(instructionsOf(m, 'ENV').map((i) => i.getRange().start.line), [1, 3]);
    const child = m.stages[1];
    const run = child.instructions.find((i) => i.getKeyword() === 'RUN')!;
    assert.deepEqual(instructionsBefore(child, run).map((i) => i.getKeyword()), ['ENV', 'ENV']);
  });

  it('reads COPY arguments in JSON form, and plain --from values only', () => {
    const m = buildModel('FROM a AS b\nCOPY ["a.txt", "/app/"]\nCOPY --chown=1 --from=b /o /p\nCOPY --from=$S /o /p\n');
    const [json] = instructionsOf(m, 'COPY');
    assert.deepEqual(copyArgs(json as JSONInstruction), ['a.txt', '/app/']);
    assert.deepEqual([...copyFromFlags(m)].map((f) => f.value), ['b']);
  });

  it('lists every RUN command with its RUN', () => {
    const m = buildModel('FROM a\nRUN a && b\nRUN c\n');
    assert.deepEqual([...allCommands(m)].map(({ run, cmd }) => [run.instruction.getRange().start.line, cmd.program]), [[1, 'a'], [1, 'b'], [2, 'c']]);
  });

  it('deletes an instruction with its line break, also on a last line without one', () => {
    const text = 'FROM a\nCMD x\nCMD y';
    const m = buildModel(text);
    const [first, last] = instructionsOf(m, 'CMD');
    assert.equal(applyEdits(text, [deleteInstruction(m, first)]), 'FROM a\nCMD y');
    assert.equal(applyEdits(text, [deleteInstruction(m, last)]), 'FROM a\nCMD x');
  });

  it('appends to a RUN on the same line, or on a continuation line when it spans several', () => {
    const one = 'FROM a\nRUN make\n';
    const m1 = buildModel(one);
    assert.equal(applyEdits(one, [appendToRun(m1, m1.runs[0], 'rm -rf /tmp/x')]), 'FROM a\nRUN make && rm -rf /tmp/x\n');
    const two = 'FROM a\nRUN make \\\n    install\n';
    const m2 = buildModel(two);
    assert.equal(applyEdits(two, [appendToRun(m2, m2.runs[0], 'clean')]), 'FROM a\nRUN make \\\n    install \\\n    && clean\n');
  });

  it('inserts after a shell word and quotes Dockerfile values', () => {
    const text = 'FROM a\nRUN apt-get install curl\n';
    const m = buildModel(text);
    const install = m.runs[0].script.commands[0].args[0];
    assert.equal(applyEdits(text, [insertAfter(m, install, ' -y')]), 'FROM a\nRUN apt-get install -y curl\n');
    assert.equal(dockerQuote('a "b" $c \\d', '\\'), '"a \\"b\\" \\$c \\\\d"');
    assert.equal(dockerQuote('C:\\x', '`'), '"C:\\x"');
  });

  it('gives a shell word its fixed value, or undefined when it expands anything', () => {
    assert.equal(literalShellWord(`'/a b'/"c"\\ d`), '/a b/c d');
    for (const w of ['$HOME', '"$x"', '*.txt', '~/x', '{a,b}', '"open']) assert.equal(literalShellWord(w), undefined, w);
  });

  it('finds the ignore file the build uses: <Dockerfile>.dockerignore first, then the context one', () => {
    const ctx = new MemoryContext({ 'docker/app.Dockerfile': '', 'docker/app.Dockerfile.dockerignore': '', '.dockerignore': '' });
    assert.equal(dockerfileRel('/ctx/docker/app.Dockerfile', ctx), 'docker/app.Dockerfile');
    assert.equal(dockerfileRel('/elsewhere/Dockerfile', ctx), undefined);
    assert.equal(ignoreFileOf('/ctx/docker/app.Dockerfile', ctx), 'docker/app.Dockerfile.dockerignore');
    assert.equal(ignoreFileOf('/ctx/Dockerfile', ctx), '.dockerignore');
    assert.equal(ignoreFileOf('/ctx/Dockerfile', new MemoryContext({ 'src/a': '' })), undefined);
  });

  it('lists what COPY/ADD take from the context, not from other stages', () => {
    const m = buildModel('FROM a\nCOPY tests/ ./src/x.py /app/\nCOPY --from=b build /out\nADD ./ /app  \\\n\n');
    assert.deepEqual([...copiedNames(m)], ['tests', 'src']);
    assert.equal(wholeContextCopy(m), 'ADD ./ /app');
  });
});
