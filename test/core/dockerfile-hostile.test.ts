// Hostile Dockerfiles from the fuzzer's report: dependency bugs are contained, deep continuations and huge files
// stay cheap, and lone-CR line endings give the same lines everywhere.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { analyzeDockerfile, analyzeDockerfileModel } from '../../server/src/core/dockerfile/analyze';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { applyEdits, collectFixes } from '../../server/src/core/fixes';
import { dockerfileRules, languages, rulesById } from '../../server/src/rules';
import { fixText } from '../../server/src/cli/fixfile';
import { convertToMultiStage } from '../../server/src/core/dockerfile/multistage';

const service = DockerfileLanguageServiceFactory.createLanguageService();

function analyze(text: string) {
  const errors: string[] = [];
  const findings = analyzeDockerfile(text, { rules: dockerfileRules, onRuleError: (id, e) => errors.push(`${id}: ${(e as Error).message}`) });
  assert.deepEqual(errors, [], 'no rule threw');
  assert.deepEqual(findings.filter((f) => f.data?.reason === 'rule-failed'), []);
  return findings;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

describe('hostile Dockerfiles', () => {
  before(() => initShellParser());

  it('` RUN $x`: the syntax rule runs and hover answers (dockerfile-ast recursed in resolveVariable)', () => {
    const findings = analyze(' RUN $x');
    assert.deepEqual(findings.filter((f) => f.ruleId === 'syntax').map((f) => f.message), ['No source image provided with `FROM`']);
    const hover = service.computeHover(' RUN $x', { line: 0, character: 2 });
    assert.match(JSON.stringify(hover?.contents), /Execute any commands/);
    assert.doesNotThrow(() => service.computeSemanticTokens(' RUN $x'));
  });

  it('a byte-order mark before FROM: completion of a variable answers (getAvailableVariables recursed)', () => {
    const text = "\ufeffFROM de'bian:12${";
    assert.ok(Array.isArray(service.computeCompletionItems(text, { line: 0, character: 17 })));
  });

  it('a heredoc scan that dockerfile-ast cannot read leaves syntax and merge-run reporting', () => {
    const findings = analyze('FROM a\nRUNN x\nRUN echo a\nRUN echo b < /dev/null \\\r#x\n');
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'syntax' || f.ruleId === 'merge-run').map((f) => `${f.ruleId}@${f.range.start.line}`),
      ['syntax@1', 'merge-run@3'],
    );
  });

  it('a 100,000-line continuation: analysis, fixes and hover answer without a stack overflow, within bounded CPU', () => {
    const text = 'FROM debian:12\nRUN apt-get install \\\n' + '  pkg \\\n'.repeat(100_000) + '  last\n';
    const started = cpuMs();
    const { findings } = analyzeDockerfileModel(text, { rules: dockerfileRules });
    const spent = cpuMs() - started;
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'analysis-incomplete').map((f) => f.message),
      ['Instruction too large to analyze (781 KB); it was not checked'],
    );
    // It took 4 s of parsing before the instruction was bounded; now well under a second even on a loaded machine.
    assert.ok(spent < 1500, `analysis took ${Math.round(spent)} ms of CPU`);
    assert.doesNotThrow(() => collectFixes({ text }, findings, rulesById, () => true));
    assert.match(JSON.stringify(service.computeHover(text, { line: 1, character: 1 })?.contents), /Execute any commands/);
    assert.doesNotThrow(() => service.computeFoldingRanges(text));
  });

  it('a 1 MB single-line RUN and 2 MB of instructions are analyzed within bounded CPU, saying what was skipped', () => {
    const singleLine = 'FROM debian:12\nRUN echo ' + 'abc '.repeat(262_144) + '\n';
    const manyLines = 'FROM debian:12\n' + Array.from({ length: 40_000 }, (_, i) => (i % 3 ? `RUN echo ${'a'.repeat(40)} ${i}` : `ENV V${i}=${'b'.repeat(30)}`)).join('\n') + '\n';
    for (const [text, expected] of [
      [singleLine, ['Instruction too large to analyze (1024 KB); it was not checked']],
      [manyLines, [/Shell checks skipped for this and later RUN instructions: the Dockerfile's RUN scripts exceed 32 KB/, /Only the first 128 KB of this 1994 KB Dockerfile were analyzed/]],
    ] as const) {
      const started = cpuMs();
      const findings = analyze(text);
      const spent = cpuMs() - started;
      const skipped = findings.filter((f) => f.ruleId === 'analysis-incomplete').map((f) => f.message);
      assert.equal(skipped.length, expected.length, skipped.join('\n'));
      expected.forEach((e, i) => (typeof e === 'string' ? assert.equal(skipped[i], e) : assert.match(skipped[i], e)));
      assert.ok(spent < 2000, `analysis took ${Math.round(spent)} ms of CPU`);
    }
  });

  it('1 MB of binary junk is analyzed without a rule failing', () => {
    let seed = 1;
    const bytes = Buffer.alloc(1 << 20, 0).map(() => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff);
    const started = cpuMs();
    analyze(Buffer.from(bytes).toString('utf8'));
    assert.ok(cpuMs() - started < 2000);
  });

  it('lone-CR line endings: the multi-stage conversion keeps every line and the file\'s line ending', () => {
    const converted = convertToMultiStage('FROM python:3\r# deps\rRUN pip install -r requirements.txt\rCOPY . .\rCMD ["python", "app.py"]\r');
    assert.equal(
      converted,
      'FROM python:3 AS build\rRUN python -m venv /opt/venv\rENV PATH=/opt/venv/bin:$PATH\r# deps\rRUN pip install -r requirements.txt\rCOPY . .\r\r' +
        'FROM python:3-slim\rCOPY --from=build /opt/venv /opt/venv\rENV PATH=/opt/venv/bin:$PATH\rCOPY . .\rCMD ["python", "app.py"]',
    );
    assert.ok(convertToMultiStage('FROM python:3\r\rRUN pip install x')?.startsWith('FROM python:3 AS build\r'));
  });

  it('lone-CR and mixed line endings: ignore pragmas apply to the instruction after them', () => {
    const text = 'FROM debian:12\r# stevedore ignore=apt-missing-yes\rRUN apt-get install curl\r\nRUN apt-get install git\n';
    const lines = analyze(text).filter((f) => f.ruleId === 'apt-missing-yes').map((f) => f.range.start.line);
    assert.deepEqual(lines, [3]);
    // The fix edits land on the lines the editor shows.
    const fixed = applyEdits(text, collectFixes({ text }, analyze(text).filter((f) => f.ruleId === 'apt-missing-yes'), rulesById, () => true).edits);
    assert.equal(fixed, 'FROM debian:12\r# stevedore ignore=apt-missing-yes\rRUN apt-get install curl\r\nRUN apt-get install -y git\n');
  });
  it('--fix on 400 RUNs reaches a fixed point: the merged RUN is too large to analyze, so nothing in it is fixed again', () => {
    const text = 'FROM ubuntu:22.04\n' + 'RUN apt-get install foo\n'.repeat(400);
    const target = { language: languages.dockerfile, env: {} };
    const once = fixText(text, target).text;
    assert.equal(once.match(/ -y/g)?.length, 400, 'each install got exactly one -y');
    assert.doesNotMatch(once, /-y -y|--no-install-recommends --no-install-recommends/);
    assert.equal(fixText(once, target).text, once, 'a second --fix changes nothing');
    const left = analyze(once).filter((f) => f.range.start.line >= 1).map((f) => f.ruleId);
    assert.deepEqual(left, ['analysis-incomplete'], 'only the note that the merged RUN was not checked');
  });
});
