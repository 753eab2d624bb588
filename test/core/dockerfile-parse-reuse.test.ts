// parse.ts hands the parser's second creation of an instruction the first one (same bounds): the tree must be the
// one dockerfile-ast builds creating each instruction twice, on every Dockerfile input we have and on edits of them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Argument, Dockerfile, Instruction } from 'dockerfile-ast';
import { parseCreatingTwice, parseDockerfile } from '../../server/src/core/dockerfile/parse';
import { blankOversized } from '../../server/src/core/dockerfile/oversized';
import { bigDockerfile } from '../../scripts/bench';
import { hostile, hostileInputs, seedCorpus } from '../fuzz/corpus';

/** What a method returns, or the error it throws (both trees must throw alike). */
function safe<T>(f: () => T): T | { error: string } {
  try {
    return f();
  } catch (e) {
    return { error: String(e) };
  }
}

const args = (list: Argument[]) => list.map((a) => [a.getValue(), a.getRange()]);

/** Everything rules read from an instruction, as plain data. */
function plainInstruction(ins: Instruction): unknown {
  const i = ins as Instruction & Record<string, (() => unknown) | undefined>;
  const call = (name: string) => (typeof i[name] === 'function' ? safe(() => (i[name] as () => unknown).call(ins)) : undefined);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const list = (name: string, f: (x: any) => unknown) => {
    const value = call(name);
    return Array.isArray(value) ? value.map(f) : value;
  };
  return {
    class: ins.constructor.name,
    keyword: ins.getKeyword(),
    instruction: ins.getInstruction(),
    range: ins.getRange(),
    instructionRange: ins.getInstructionRange(),
    text: ins.getTextContent(),
    arguments: safe(() => args(ins.getArguments())),
    argumentsRange: safe(() => ins.getArgumentsRange()),
    argumentsContent: safe(() => ins.getArgumentsContent()),
    variables: safe(() => ins.getVariables().map((v) => [v.getName(), v.getRange(), v.getModifier(), v.getSubstitutionParameter(), v.isDefined()])),
    flags: list('getFlags', (f: { getName(): string; getValue(): string | null; getRange(): unknown; getValueRange(): unknown }) => [f.getName(), f.getValue(), f.getRange(), f.getValueRange()]),
    json: list('getJSONStrings', (j: Argument & { getJSONValue(): string; getJSONRange(): unknown }) => [j.getValue(), j.getJSONValue(), j.getRange(), j.getJSONRange()]),
    brackets: [call('getOpeningBracket'), call('getClosingBracket')].map((b) => (b && typeof b === 'object' && 'getRange' in b ? (b as Argument).getRange() : b)),
    heredocs: list('getHeredocs', (h: { getName(): string; getStartRange(): unknown; getNameRange(): unknown; getContentRange(): unknown; getDelimiterRange(): unknown }) => [h.getName(), h.getStartRange(), h.getNameRange(), h.getContentRange(), h.getDelimiterRange()]),
    properties: list('getProperties', (p: { getName(): string; getValue(): string | null; getRange(): unknown; getNameRange(): unknown; getValueRange(): unknown }) => [p.getName(), p.getValue(), p.getRange(), p.getNameRange(), p.getValueRange()]),
    trigger: call('getTrigger'),
  };
}

function plainTree(ast: Dockerfile): unknown {
  return {
    escape: ast.getEscapeCharacter(),
    directives: ast.getDirectives().map((d) => [d.getName(), d.getValue(), d.getRange(), d.getNameRange(), d.getValueRange()]),
    comments: ast.getComments().map((c) => [c.getContent(), c.getRange()]),
    instructions: ast.getInstructions().map(plainInstruction),
    triggers: safe(() => ast.getOnbuildTriggers().map(plainInstruction)),
  };
}

function assertSameTrees(name: string, texts: string[]): void {
  for (const [k, text] of texts.entries()) {
    const library = parseCreatingTwice(blankOversized(text).text);
    assert.deepEqual(plainTree(parseDockerfile(text)), plainTree(library), `${name}, variant ${k}`);
  }
}

/** The text and edits of it: lines added above and in the middle, heredocs, ONBUILD, other line endings, the escape directive. */
function variants(text: string): string[] {
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  const withLines = (...added: string[]) => [...lines.slice(0, middle), ...added, ...lines.slice(middle)].join('\n');
  return [
    text,
    `# added\n\n${text}`,
    withLines('RUN <<EOF', 'echo', 'EOF', 'COPY <<A <<-B /dst', 'a', 'A', '\tb', '\tB', 'RUN cat <<X', 'x', 'X'),
    withLines('ONBUILD RUN <<EOF', 'x', 'EOF', 'ONBUILD COPY a b', 'RUN a \\', '# comment', '  b'),
    text.replace(/\r?\n/g, '\r\n'),
    text.replace(/\r?\n/g, '\r'),
    `# escape=\`\n${text}`,
    text.slice(0, -1),
    `${text}\\`,
  ];
}

describe('each instruction created once while parsing', () => {
  it('gives the library tree on every Dockerfile fixture, example and rule example, and edits of them', () => {
    for (const seed of seedCorpus().filter((s) => s.kind === 'dockerfile')) assertSameTrees(seed.name, variants(seed.text));
  });

  it('gives the library tree on the hostile inputs (small enough to parse many times) and their edits', () => {
    for (const input of hostileInputs.filter((i) => i.kind === 'dockerfile')) {
      const { name, text } = hostile(input);
      if (text.length > 100_000) continue;
      assertSameTrees(name, variants(text));
    }
  });

  it('gives the library tree on the generated benchmark input', () => {
    const text = bigDockerfile(1000);
    assertSameTrees('bigDockerfile(1000)', [text, text.replace('WORKDIR /src', 'WORKDIR /srv')]);
  });
});
