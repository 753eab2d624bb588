// The remembered argument split and the comments given to stages (server/src/core/dockerfile/parse.ts) must behave
// like dockerfile-ast's own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Dockerfile, From, ImageTemplate } from 'dockerfile-ast';
import { organizeCommentsAsDockerfileAst, parseAside, parseDockerfile } from '../../server/src/core/dockerfile/parse';
import { seedCorpus } from '../fuzz/corpus';
import { mulberry32 } from '../fuzz/prng';

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

describe("comments given to stages (parse.ts's organizeComments)", () => {
  /** Each stage's comments (and the instructions' before the first FROM) as text and range. */
  function byStage(ast: Dockerfile): unknown[] {
    const { initialInstructions, buildStages } = ast as unknown as { initialInstructions: ImageTemplate; buildStages: ImageTemplate[] };
    return [initialInstructions, ...buildStages].map((h) => h.getComments().map((c) => [c.getContent(), c.getRange()]));
  }

  /** The same text organised by dockerfile-ast's own method. */
  function byLibrary(text: string): unknown[] {
    const { ast } = parseAside(text);
    const internals = ast as unknown as { initialInstructions: { comments: unknown[] }; buildStages: Array<{ comments: unknown[] }> };
    internals.initialInstructions.comments = [];
    for (const stage of internals.buildStages) stage.comments = [];
    organizeCommentsAsDockerfileAst(ast);
    return byStage(ast);
  }

  it("gives every comment of every Dockerfile seed and of generated files to the stage dockerfile-ast's method does", () => {
    const texts = seedCorpus()
      .filter((s) => s.kind === 'dockerfile')
      .map((s) => s.text);
    const rng = mulberry32(1208);
    const LINES = ['FROM debian:12', 'FROM a AS b', '# c', '  # indented', 'RUN a \\', '# inside a continuation', '  b', 'ARG X=1', '', '#', 'COPY . .', '# syntax=docker/dockerfile:1', '\t# tab'];
    const EOLS = ['\n', '\r\n', '\r'];
    for (let k = 0; k < 3000; k++) {
      const eol = rng.pick(EOLS);
      texts.push(Array.from({ length: 1 + rng.int(20) }, () => rng.pick(LINES)).join(eol) + (rng.chance(0.5) ? eol : ''));
    }
    let comments = 0;
    for (const text of texts) {
      const mine = byStage(parseAside(text).ast);
      assert.deepEqual(mine, byLibrary(text), JSON.stringify(text.slice(0, 300)));
      comments += (mine as unknown[][]).reduce((n, list) => n + list.length, 0);
    }
    assert.ok(comments > 5000, `${comments} comments compared`);
  });
});
