// The syntax rule's validation reuses the problems of instructions unchanged since the previous validation
// (core/dockerfile/validation.ts). It must report exactly what dockerfile-utils' validate() of the whole text reports
// (message, range, severity, code, the instruction's line), on every Dockerfile input we have and on edits of them,
// validated one after the other so each one reuses what the one before left.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { validate, ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';
import { parseDockerfile } from '../../server/src/core/dockerfile/parse';
import { incrementalValidator } from '../../server/src/core/dockerfile/validation';
import { bigDockerfile } from '../../scripts/bench';
import { hostile, hostileInputs, seedCorpus } from '../fuzz/corpus';
import { mutations } from '../fuzz/mutate';
import { mulberry32 } from '../fuzz/prng';

// The library's defaults (every check on), the syntax rule's settings (checks our own rules cover turned off) and
// other severities.
const SETTINGS: [string, ValidatorSettings | undefined][] = [
  ['defaults', undefined],
  [
    'syntax rule',
    {
      deprecatedMaintainer: ValidationSeverity.IGNORE,
      instructionCmdMultiple: ValidationSeverity.IGNORE,
      instructionEntrypointMultiple: ValidationSeverity.IGNORE,
      instructionHealthcheckMultiple: ValidationSeverity.IGNORE,
      instructionWorkdirRelative: ValidationSeverity.IGNORE,
    },
  ],
  ['errors', { instructionCasing: ValidationSeverity.ERROR, emptyContinuationLine: ValidationSeverity.ERROR, instructionCmdMultiple: ValidationSeverity.ERROR, directiveCasing: ValidationSeverity.IGNORE }],
];
const validators = SETTINGS.map(([name, settings]) => ({ name, settings, validate: incrementalValidator(settings) }));

/** Validates each text in turn both ways and compares. */
function assertSameProblems(name: string, texts: string[]): void {
  for (const [k, text] of texts.entries()) {
    const doc = TextDocument.create('file:///Dockerfile', 'dockerfile', 0, text);
    for (const v of validators) {
      assert.deepEqual(v.validate(doc, parseDockerfile(text)), validate(text, v.settings), `${name}, variant ${k}, ${v.name}`);
    }
  }
}

/** The text, then edits: lines added above, a line changed, removed, other line endings, indentation, the contexts instructions read. */
function variants(text: string): string[] {
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  const withLine = (at: number, ...added: string[]) => [...lines.slice(0, at), ...added, ...lines.slice(at)].join('\n');
  return [
    text,
    `# added\n\n${text}`,
    text,
    withLine(middle, 'RUN echo inserted \\', '    && true'),
    withLine(middle, 'RUN echo inserted \\', '', '    && true'),
    withLine(middle, '# dockerfile-utils: ignore'),
    withLine(middle, 'from scratch AS Dup', 'FROM scratch as dup', 'CMD a', 'CMD b', 'HEALTHCHECK NONE', 'HEALTHCHECK NONE'),
    withLine(middle, 'STOPSIGNAL $SIG', 'EXPOSE $PORT/tcp', 'FROM $BASE'),
    withLine(middle, 'ARG SIG=9', 'ENV PORT=80', 'STOPSIGNAL $SIG', 'EXPOSE $PORT/tcp'),
    `ARG BASE=alpine\n${withLine(middle, 'FROM $BASE', 'STOPSIGNAL $SIG')}`,
    withLine(middle, 'ONBUILD ONBUILD RUN x', 'ONBUILD FROM x', 'onbuild copy a'),
    withLine(middle, 'COPY <<EOF /a', 'x', '', 'EOF', 'RUN <<A <<B', 'a', 'A', 'b', 'B'),
    lines.slice(1).join('\n'),
    lines.filter((l) => !/^FROM\b/i.test(l)).join('\n'),
    `RUN first\n${text}`,
    text.replace(/\r?\n/g, '\r\n'),
    `# added\r\n${text.replace(/\r?\n/g, '\r\n')}`,
    text.replace(/\r?\n/g, '\r'),
    `\r${text.replace(/\r?\n/g, '\r')}`,
    text.replace(/^(?=\S)/gm, '  '),
    `# escape=\`\n${text}`,
    `# escape=\`\n\n${text.replace(/\\$/gm, '`')}`,
    `# ESCAPE=\`\n# escape=\\\n${text}`,
    `# escape=x\n${text}`,
    text.slice(0, -1),
    `${text}\\`,
    text,
  ];
}

describe('syntax validation reused from the previous validation', () => {
  it('equals validate() on every Dockerfile fixture, example and rule example, and edits of them', () => {
    for (const seed of seedCorpus().filter((s) => s.kind === 'dockerfile')) assertSameProblems(seed.name, variants(seed.text));
  });

  it('equals validate() on the hostile inputs (small enough to validate many times) and their edits', () => {
    for (const input of hostileInputs.filter((i) => i.kind === 'dockerfile')) {
      const { name, text } = hostile(input);
      if (text.length > 100_000) continue;
      assertSameProblems(name, variants(text));
    }
  });

  it('equals validate() on the fuzz mutations of the corpus, each validated after its seed', () => {
    const corpus = seedCorpus().filter((s) => s.kind === 'dockerfile');
    const rng = mulberry32(11);
    for (const [i, seed] of corpus.entries()) {
      for (const [mutation, apply] of Object.entries(mutations)) {
        const mutated = apply(seed.text, rng, corpus[(i * 7 + 3) % corpus.length].text);
        if (mutated.length > 100_000) continue;
        assertSameProblems(`${seed.name} ${mutation}`, [seed.text, mutated]);
      }
    }
  });

  it('equals validate() on the generated benchmark inputs and one-line edits of them', () => {
    for (const n of [50, 1000]) {
      const text = bigDockerfile(n);
      assertSameProblems(`bigDockerfile(${n})`, [text, text.replace('WORKDIR /src', 'WORKDIR src'), text.replace('WORKDIR /src', 'WORKDIR /srv'), `# top\n${text}`, text.replace('EXPOSE 8000', 'EXPOSE 80000/tpc'), text.replace(/\n/g, '\r\n')]);
    }
  });

  it('equals validate() on handwritten cases: directives, missing FROM, ARG scope, stages, ONBUILD, heredocs, ignore comments', () => {
    assertSameProblems('handwritten', [
      '',
      'ARG A',
      '# escape=`\n# escape=\\\nFROM a',
      '# Escape=`\nFROM a\nRUN a `\n  b',
      'RUN a\nFROM b',
      'ARG IMG=alpine\nFROM $IMG\nFROM $NOPE\nFROM ${X:-y}\nFROM ${X:-}\nFROM $TARGETOS',
      'FROM a\nARG S=9\nSTOPSIGNAL $S\nSTOPSIGNAL $T\nENV P=80/xyz\nEXPOSE $P\nEXPOSE $Q',
      'FROM a\nENV S=SIGKILL\nSTOPSIGNAL $S\nEXPOSE 8080/udp',
      'FROM a AS x\nFROM b AS X\nfrom c as x',
      'FROM a\nONBUILD RUN a\nONBUILD\nONBUILD ONBUILD x\nONBUILD MAINTAINER me\nONBUILD healthcheck --interval=x CMD a',
      'FROM a\nRUN <<EOF\n\necho\n\nEOF\nCOPY <<X <<Y /dst\nx\nX\ny\nY',
      'FROM a\n# dockerfile-utils: ignore\nEXPOSE port\nEXPOSE port\n# dockerfile-utils: ignore\nRUN a \\\n\n  b',
      // A line added before others of the same length: each instruction keeps its own problems.
      'FROM a\nEXPOSE 1\nEXPOSE x\nEXPOSE 2\n',
      'FROM a\nEXPOSE y\nEXPOSE 1\nEXPOSE x\nEXPOSE 2\n',
      'FROM a\nEXPOSE 1\nEXPOSE x\nEXPOSE 2\n',
      'FROM a\nENV A="x\\"\nLABEL b="y`"',
      '# escape=`\nFROM a\nENV A="x\\"\nLABEL b="y`"',
      'FROM a\nENV A=${B:x}\nLABEL "a=b\nARG \'x=1\nHEALTHCHECK --retries=0 --timeout=1 CMD\nWORKDIR rel\nMAINTAINER me\nCMD a\nCMD b',
    ]);
  });
});
