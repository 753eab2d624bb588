// The argument split parse.ts takes from the previous parse (same instruction text on other lines) must equal
// dockerfile-ast's own split of that instruction, on every Dockerfile input we have and on edits of them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Argument, Instruction } from 'dockerfile-ast';
import { parseDockerfile, uncachedArguments } from '../../server/src/core/dockerfile/parse';
import { bigDockerfile } from '../../scripts/bench';
import { hostile, hostileInputs, seedCorpus } from '../fuzz/corpus';

// getArguments() of COPY, ADD, FROM… drops the flags; the split itself is getRawArguments (private in the typings).
const rawArgumentsOf = (ins: Instruction) => (ins as unknown as { getRawArguments(): Argument[] }).getRawArguments();
const plain = (args: Argument[]) => args.map((a) => ({ value: a.getValue(), range: a.getRange() }));

/** Parses each text in turn (each one reuses the splits of the one before) and compares every instruction's split. */
function assertSameSplits(name: string, texts: string[]): void {
  for (const [k, text] of texts.entries()) {
    for (const ins of parseDockerfile(text).getInstructions()) {
      assert.deepEqual(plain(rawArgumentsOf(ins)), plain(uncachedArguments(ins)), `${name}, variant ${k}, line ${ins.getRange().start.line}: ${ins.getTextContent().slice(0, 80)}`);
    }
  }
}

/** The text, then edits that keep most instructions and move them: lines added above, a line changed, other line endings, indentation. */
function variants(text: string): string[] {
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  return [
    text,
    `# added\n\n${text}`,
    text,
    [...lines.slice(0, middle), 'RUN echo inserted \\', '    && true', ...lines.slice(middle)].join('\n'),
    lines.slice(1).join('\n'),
    text.replace(/\r?\n/g, '\r\n'),
    `# added\r\n${text.replace(/\r?\n/g, '\r\n')}`,
    text.replace(/\r?\n/g, '\r'),
    `\r${text.replace(/\r?\n/g, '\r')}`,
    text.replace(/^(?=\S)/gm, '  '),
    `# escape=\`\n${text}`,
    `# escape=\`\n\n${text.replace(/\\$/gm, '`')}`,
    text.slice(0, -1),
    `${text}\\`,
    text,
  ];
}

describe('argument split reused from the previous parse', () => {
  it('equals the library on every Dockerfile fixture, example and rule example, and edits of them', () => {
    for (const seed of seedCorpus().filter((s) => s.kind === 'dockerfile')) assertSameSplits(seed.name, variants(seed.text));
  });

  it('equals the library on the hostile inputs (small enough to parse many times) and their edits', () => {
    for (const input of hostileInputs.filter((i) => i.kind === 'dockerfile')) {
      const { name, text } = hostile(input);
      if (text.length > 100_000) continue;
      assertSameSplits(name, variants(text));
    }
  });

  it('equals the library on the generated benchmark inputs after a one-line edit', () => {
    const text = bigDockerfile(2000);
    assertSameSplits('bigDockerfile(2000)', [text, text.replace('WORKDIR /src', 'WORKDIR /srv'), `# top\n${text}`, text.replace(/\n/g, '\r\n')]);
  });
});
