// What ShellCheck is given for a RUN (core/dockerfile/shellcheck-input.ts): the script as the shell sees it, each
// character's document offset, and the ARG/ENV names in scope that the script mentions. Views are kept per script
// text, so the same script at two places must map to each place.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { buildModel } from '../../server/src/core/dockerfile/model';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { shellcheckInputs, type ShellcheckInput } from '../../server/src/core/dockerfile/shellcheck-input';

/** The document text under each script character, by its offset. */
const underScript = (text: string, input: ShellcheckInput) => Array.from(input.offsets, (o) => text[input.offsetBase + o]).join('');

describe('ShellCheck inputs', () => {
  before(async () => {
    await initShellParser();
  });

  it('a heredoc script keeps every character after one outside the BMP, each mapped to its place', () => {
    const text = 'FROM debian:12\nRUN <<-EOF\n\techo 😀 $HOME\n\tEOF\n';
    const [input] = shellcheckInputs(buildModel(text));
    assert.equal(input.script, 'echo 😀 $HOME');
    assert.equal(underScript(text, input), input.script);
  });

  it('continuations and comment lines dropped; the same script at two places maps to each', () => {
    const text = 'FROM debian:12\nRUN echo a && \\\n  # note\n  echo b\nRUN true\nRUN echo a && \\\n  # note\n  echo b\n';
    const inputs = shellcheckInputs(buildModel(text));
    assert.equal(inputs.length, 3);
    for (const input of inputs) assert.equal(underScript(text, input).replace(/\s+/g, ' '), input.script.replace(/\s+/g, ' '));
    assert.equal(inputs[0].script, inputs[2].script);
    assert.notEqual(inputs[0].offsetBase, inputs[2].offsetBase);
  });

  it('names in scope: declared before the RUN, here or in the stage it is built from, sorted', () => {
    const text = 'FROM debian:12 AS base\nENV ZED=1 ALPHA=2\nFROM base\nENV MID=3\nRUN echo $ZED $MID $ALPHA $LATER $http_proxy\nENV LATER=4\nRUN echo $LATER\n';
    const [first, second] = shellcheckInputs(buildModel(text));
    assert.deepEqual(first.names, ['ALPHA', 'MID', 'ZED', 'http_proxy']);
    assert.deepEqual(second.names, ['LATER']);
    assert.ok(first.text.startsWith('# shellcheck shell=sh\nexport ALPHA MID ZED http_proxy\n'));
  });
});
