// The shared Dockerfile model: stages, image references and RUN scripts parsed by the shell grammar.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeDockerfile } from '../../server/src/core/dockerfile/analyze';
import { blankContinuations, buildModel, parseImageRef } from '../../server/src/core/dockerfile/model';
import { subcommandAt } from '../../server/src/core/dockerfile/commands';
import { hasOption, initShellParser } from '../../server/src/core/dockerfile/shell';
import { seedCorpus } from '../fuzz/corpus';
import type { DockerfileRule } from '../../server/src/core/rule';

const R = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('Dockerfile model', () => {
  before(() => initShellParser());

  it('finds commands in && chains, pipes and continuations with exact document offsets', () => {
    const text = 'FROM debian:12\nRUN apt-get update \\\n  # a comment Docker drops\n  && sudo -E apt-get install -y "curl" | tee /log\n';
    const m = buildModel(text);
    const cmds = m.runs[0].script.commands;
    assert.deepEqual(cmds.map((c) => c.program), ['apt-get', 'apt-get', 'tee']);
    const install = cmds[1];
    assert.equal(install.wrappers[0].value, 'sudo');
    assert.equal(subcommandAt(install)?.word.value, 'install');
    assert.ok(hasOption(install, '-y'));
    const curl = install.args.find((a) => a.value === 'curl')!;
    assert.equal(text.slice(curl.start, curl.end), '"curl"');
    assert.deepEqual(m.positionAt(curl.start), { line: 3, character: 32 });
    assert.deepEqual(install.pipeline, { index: 0, length: 2, id: 1 });
    assert.ok(m.runs[0].script.hasPipe);
  });

  it('peels sudo, env and their variables off the real command', () => {
    const m = buildModel('FROM debian:12\nRUN sudo DEBIAN_FRONTEND=noninteractive apt-get install -y x && env -u A B=1 pip install y && gosu app make\n');
    assert.deepEqual(m.runs[0].script.commands.map((c) => [c.program, c.wrappers.map((w) => w.value).join(' ')]), [
      ['apt-get', 'sudo'],
      ['pip', 'env'],
      ['make', 'gosu'],
    ]);
  });

  it('ignores words that are only quoted text', () => {
    const m = buildModel('FROM debian:12\nRUN echo "apt-get install x; sudo rm -rf /"\n');
    assert.deepEqual(m.runs[0].script.commands.map((c) => c.program), ['echo']);
  });

  it('parses heredoc RUN bodies as the script', () => {
    const text = 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y git\nEOF\n';
    const m = buildModel(text);
    assert.ok(m.runs[0].heredoc);
    assert.deepEqual(m.runs[0].script.commands.map((c) => `${c.program} ${subcommandAt(c)?.word.value}`), ['apt-get update', 'apt-get install']);
    const git = m.runs[0].script.commands[1].args.at(-1)!;
    assert.equal(text.slice(git.start, git.end), 'git');
  });

  it('treats exec-form RUN as one command', () => {
    const m = buildModel('FROM debian:12\nRUN ["apt-get", "install", "-y", "curl", "a b\\"c"]\n');
    assert.ok(m.runs[0].execForm);
    assert.deepEqual(m.runs[0].script.commands[0].args.map((a) => a.value), ['install', '-y', 'curl', 'a b"c']);
  });

  it('honours the backtick escape directive', () => {
    const m = buildModel('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a `\n  && echo b\n');
    assert.deepEqual(m.runs[0].script.commands.map((c) => c.program), ['echo', 'echo']);
  });

  it('knows which stages ship in the final image', () => {
    const m = buildModel('FROM golang:1.22 AS build\nRUN go build\nFROM debian:12-slim AS base\nFROM base AS final\nCOPY --from=build /app /app\n');
    assert.deepEqual(m.stages.map((s) => [s.name, s.isFinal, s.inFinalImage]), [
      ['build', false, false],
      ['base', false, true],
      ['final', true, true],
    ]);
    assert.equal(m.stages[2].parent?.name, 'base');
    assert.equal(m.stages[2].image, undefined);
  });

  it('splits image references and resolves global ARG defaults', () => {
    const args = new Map([['PY', '3.12'], ['EMPTY', undefined]]);
    assert.deepEqual(
      (({ registry, repository, name, tag, digest, unresolved }) => ({ registry, repository, name, tag, digest, unresolved }))(parseImageRef('python:${PY}-slim', R, args)),
      { registry: undefined, repository: 'python', name: 'python', tag: '3.12-slim', digest: undefined, unresolved: false },
    );
    const g = parseImageRef('gcr.io/distroless/static-debian12:nonroot@sha256:abc', R, args);
    assert.deepEqual([g.registry, g.repository, g.name, g.tag, g.digest], ['gcr.io', 'distroless/static-debian12', 'static-debian12', 'nonroot', 'sha256:abc']);
    assert.equal(parseImageRef('docker.io/library/node:20', R, args).repository, 'node');
    assert.equal(parseImageRef('localhost:5000/app', R, args).registry, 'localhost:5000');
    assert.equal(parseImageRef('localhost:5000/app', R, args).tag, undefined);
    assert.ok(parseImageRef('${BASE}', R, args).unresolved);
    assert.equal(parseImageRef('${EMPTY:-alpine:3.20}', R, args).resolved, 'alpine:3.20');
  });

  it('blanks continuations without moving offsets', () => {
    const src = 'a \\\n  # c\n  && b \\\r\n  c';
    const out = blankContinuations(src, '\\', false);
    assert.equal(out.length, src.length);
    assert.equal(out.replace(/\s+/g, ' '), 'a && b c');
  });

  it('blanks continuations as the character-by-character definition does, on every corpus text and random texts', () => {
    const texts = seedCorpus().map((s) => s.text);
    // Random texts over the characters that matter (a fixed seed: the same texts every run).
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ['a', ' ', '\t', '\\', '`', '\n', '\r', '#', '\r\n'];
    for (let k = 0; k < 4000; k++) texts.push(Array.from({ length: Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    for (const text of texts) {
      for (const escape of ['\\', '`']) {
        for (const heredoc of [false, true]) assert.equal(blankContinuations(text, escape, heredoc), blankByCharacter(text, escape, heredoc), JSON.stringify({ text: text.slice(0, 200), escape, heredoc }));
      }
    }
  });
});

/** The definition blankContinuations follows, one character at a time (its first implementation). */
function blankByCharacter(content: string, escape: string, hasHeredoc: boolean): string {
  const out = content.split('');
  let i = 0;
  let afterContinuation = false;
  while (i < out.length) {
    if (afterContinuation) {
      let j = i;
      while (j < out.length && (out[j] === ' ' || out[j] === '\t')) j++;
      if (out[j] === '#' || out[j] === '\n' || out[j] === '\r') {
        while (j < out.length && out[j] !== '\n') j++;
        for (let k = i; k <= j && k < out.length; k++) out[k] = ' ';
        i = j + 1;
        continue;
      }
      afterContinuation = false;
    }
    if (out[i] === escape) {
      let j = i + 1;
      while (j < out.length && (out[j] === ' ' || out[j] === '\t')) j++;
      if (out[j] === '\r' && out[j + 1] === '\n') j++;
      if (out[j] === '\n') {
        for (let k = i; k <= j; k++) out[k] = ' ';
        i = j + 1;
        afterContinuation = true;
        continue;
      }
      i += 2;
      continue;
    }
    if (out[i] === '\n' && !hasHeredoc) out[i] = ' ';
    i++;
  }
  return out.join('');
}

describe('analysis engine', () => {
  before(() => initShellParser());
  const boom: DockerfileRule = {
    id: 'boom',
    aliases: [],
    severity: 'error',
    category: 'correctness',
    docs: { summary: 's', why: 'w', bad: 'b', good: 'g' },
    check() {
      throw new Error('rule bug');
    },
  };
  const fromRule: DockerfileRule = { ...boom, id: 'every-from', check: ({ model }) => model.stages.map((s) => ({ message: 'from', range: s.from.getRange() })) };

  it('a rule that throws is reported and skipped; the others still run', () => {
    const errors: string[] = [];
    const findings = analyzeDockerfile('FROM a:1\nFROM b:2\n', { rules: [boom, fromRule], onRuleError: (id, e) => errors.push(`${id}: ${(e as Error).message}`) });
    assert.deepEqual(errors, ['boom: rule bug']);
    // The failure is not silent: one analysis-incomplete finding at the top names the rule.
    assert.deepEqual(findings.map((f) => `${f.ruleId}@${f.range.start.line}`), ['analysis-incomplete@0', 'every-from@0', 'every-from@1']);
    assert.match(findings[0].message, /^Rule boom failed on this file and was skipped: rule bug; results are incomplete$/);
  });

  it('stops early when cancelled', () => {
    let calls = 0;
    analyzeDockerfile('FROM a:1\n', { rules: [fromRule, fromRule], isCancelled: () => calls++ > 0 });
    assert.equal(calls, 2);
  });
});
