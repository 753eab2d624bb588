// The remembered argument split (server/src/core/dockerfile/parse.ts) must behave like dockerfile-ast's own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { From } from 'dockerfile-ast';
import { parseDockerfile } from '../../server/src/core/dockerfile/parse';

describe('remembered argument split', () => {
  it('gives equal arguments on every call, and callers cannot change what the next call sees', () => {
    const ast = parseDockerfile('FROM --platform=linux/amd64 python:3.12 AS build\nRUN pip install \\\n  flask\n');
    const run = ast.getInstructions()[1];
    const first = run.getArguments();
    assert.deepEqual(first.map((a) => a.getValue()), ['pip', 'install', 'flask']);
    first.shift();
    first[0].getRange().start = { line: 9, character: 9 };
    const again = run.getArguments();
    assert.deepEqual(again.map((a) => a.getValue()), ['pip', 'install', 'flask']);
    assert.deepEqual(again[0].getRange().start, { line: 1, character: 4 });
    assert.deepEqual(run.getArgumentsRange(), { start: { line: 1, character: 4 }, end: { line: 2, character: 7 } });
  });

  it('keeps FROM image ranges whole after getImageNameRange narrows its copy', () => {
    const from = parseDockerfile('FROM python:3.12-slim AS build\n').getFROMs()[0] as From;
    assert.deepEqual(from.getImageNameRange(), { start: { line: 0, character: 5 }, end: { line: 0, character: 11 } });
    assert.deepEqual(from.getImageRange(), { start: { line: 0, character: 5 }, end: { line: 0, character: 21 } });
    assert.deepEqual(from.getImageTagRange(), { start: { line: 0, character: 12 }, end: { line: 0, character: 21 } });
    // Flags are not arguments: the stage name is still found after them.
    assert.equal(parseDockerfile('FROM --platform=$BUILDPLATFORM golang:1.24 AS build\n').getFROMs()[0].getBuildStage(), 'build');
  });
});
