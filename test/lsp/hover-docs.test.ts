// Instruction docs on hover come from dockerfile-language-service, handed only the instruction under the cursor
// (instructionDocs): the answer must be the library's own on the whole file, at every position.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { bigDockerfile } from '../../scripts/bench';
import { buildModel } from '../../server/src/core/dockerfile/model';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { dockerfileService, instructionDocs } from '../../server/src/lsp/hover';
import { dockerfileRules } from '../../server/src/rules';
import * as singleStage from '../fixtures/single-stage-dockerfiles';

const df = (...lines: string[]) => `${lines.join('\n')}\n`;

const HANDWRITTEN = {
  'directives, flags, ONBUILD, variables': df(
    '# syntax=docker/dockerfile:1',
    '# escape=\\',
    '',
    'ARG BASE=debian:12',
    'ARG VERSION',
    'FROM --platform=$BUILDPLATFORM ${BASE} AS build',
    'ARG VERSION=1.0',
    'ENV APP_HOME=/app PATH=$APP_HOME/bin:$PATH',
    'WORKDIR ${APP_HOME}',
    'ADD --chown=app:app https://example.com/a.tgz /tmp/',
    'COPY --from=build --chown=1000 /src /dst',
    'RUN echo $VERSION \\',
    '    # a comment inside',
    '    && make \\',
    '    install',
    'ONBUILD RUN echo onbuild',
    'ONBUILD COPY --chown=1 . /x',
    'HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 CMD curl -f http://localhost/',
    'SHELL ["/bin/bash", "-c"]',
    'STOPSIGNAL SIGTERM',
    'EXPOSE 80/tcp',
    'VOLUME /data',
    'LABEL a=b',
    'MAINTAINER someone',
    'USER ${USER:-app}',
    'ENTRYPOINT ["/app/run"]',
    'CMD ["--help"]',
  ),
  'backtick escape and CRLF': '# escape=`\r\nFROM mcr.microsoft.com/windows/servercore\r\nRUN dir `\r\n    c:\\\r\nENV A=1\r\n',
  'heredoc': df('FROM alpine', 'RUN <<EOF', 'apk add curl', 'echo $HOME', 'EOF', 'COPY <<-EOT /x', '  hello', '  EOT', 'CMD sh'),
  'indented, blank lines, no FROM first': df('  # comment', '', '   ARG X=1', '', '  from alpine:${X}', '\trun   echo hi', 'env Y $X', '   '),
  'only comments': df('# nothing here', '#  escape=`'),
  'empty': '',
};

function texts(): Array<[string, string]> {
  const out: Array<[string, string]> = Object.entries(HANDWRITTEN);
  for (const [name, text] of Object.entries(singleStage)) if (typeof text === 'string') out.push([name, text]);
  for (const rule of dockerfileRules) out.push([`${rule.id} bad`, rule.docs.bad], [`${rule.id} good`, rule.docs.good]);
  return out;
}

/** Every position of every line (and one past its end), or `columns` of each line of a large text. */
function positions(text: string, columns?: number[]) {
  const out: Array<{ line: number; character: number }> = [];
  text.split(/\r\n|\r|\n/).forEach((l, line) => {
    const cols = columns ?? Array.from({ length: l.length + 2 }, (_, i) => i);
    for (const character of cols) out.push({ line, character });
  });
  return out;
}

function compare(name: string, text: string, columns?: number[]): void {
  const at = positions(text, columns);
  // The library's answers first, all on the whole text (its parse cache then holds that text).
  const expected = at.map((p) => dockerfileService().computeHover(text, p));
  const model = buildModel(text);
  at.forEach((p, i) => assert.deepEqual(instructionDocs(model, p), expected[i], `${name} at ${p.line}:${p.character}`));
}

describe('instruction docs on hover', () => {
  before(() => initShellParser());

  it('match dockerfile-language-service on the whole file at every position of fixtures and rule examples', () => {
    const all = texts();
    assert.ok(all.length > 50);
    for (const [name, text] of all) compare(name, text);
  });

  it('match it on a generated 400-line Dockerfile', () => {
    compare('bigDockerfile(400)', bigDockerfile(400), [0, 1, 2, 3, 4, 5, 6, 8, 10, 14, 20, 30, 45, 60, 80]);
  });

  it('answer on an instruction keyword, a flag and a variable', () => {
    const text = HANDWRITTEN['directives, flags, ONBUILD, variables'];
    const model = buildModel(text);
    const value = (line: number, character: number) => {
      const h = instructionDocs(model, { line, character });
      return typeof h?.contents === 'object' && 'value' in h.contents ? h.contents.value : h?.contents;
    };
    assert.match(String(value(11, 1)), /RUN/);
    assert.match(String(value(10, 21)), /own the copied content/);
    assert.equal(value(11, 13), '1.0', 'VERSION resolves to the stage ARG default');
    assert.equal(value(2, 0), undefined, 'a blank line has none');
  });
});
