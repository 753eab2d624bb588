// One line splitting for all code, counting line breaks as LSP positions do: CRLF, LF and a lone CR.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { eolOf, lineStarts, splitLines } from '../../server/src/core/text';

describe('line splitting', () => {
  const mixed = 'FROM python:3\r\rRUN a\r\nRUN b\nCMD c\r';

  it('splits on CRLF, LF and a lone CR, as the LSP TextDocument counts lines', () => {
    assert.deepEqual(splitLines(mixed), ['FROM python:3', '', 'RUN a', 'RUN b', 'CMD c', '']);
    const doc = TextDocument.create('file:///x', 'dockerfile', 0, mixed);
    assert.equal(splitLines(mixed).length, doc.lineCount);
    splitLines(mixed).forEach((line, i) => assert.equal(doc.getText({ start: { line: i, character: 0 }, end: { line: i, character: line.length } }), line));
  });

  it('gives the offset where each line starts', () => {
    const doc = TextDocument.create('file:///x', 'dockerfile', 0, mixed);
    assert.deepEqual(lineStarts(mixed), splitLines(mixed).map((_, i) => doc.offsetAt({ line: i, character: 0 })));
    assert.deepEqual(lineStarts(''), [0]);
  });

  it('finds the line ending a document uses', () => {
    assert.equal(eolOf('a\r\nb\n'), '\r\n');
    assert.equal(eolOf('a\rb'), '\r');
    assert.equal(eolOf('a\nb\r\n'), '\n');
    assert.equal(eolOf('a'), '\n');
  });
});
