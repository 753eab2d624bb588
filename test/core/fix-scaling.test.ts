// "Fix all" must cost about the same per finding whatever their number: each rule's documented bad example,
// repeated 400 times in one file, is fixed within the 1 s a request may take. A fix that re-walks the file for
// each finding (sudo: 16 s for 800; json-args: 4.3 s for 480) fails here.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeDockerfile } from '../../server/src/core/analyze';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { collectFixes } from '../../server/src/core/fixes';
import { rulesById } from '../../server/src/rules';
import { dockerfileRules } from '../../server/src/rules/dockerfile';

const COPIES = 400;

function repeated(bad: string): string {
  const lines = bad.split('\n');
  const from = lines.find((l) => /^FROM\b/i.test(l)) ?? 'FROM debian:12';
  const body = lines.filter((l) => !/^FROM\b/i.test(l)).join('\n');
  return `${from}\n${Array.from({ length: COPIES }, () => body).join('\n')}\n`;
}

describe('fix all scales with the number of findings', () => {
  before(() => initShellParser());
  for (const rule of dockerfileRules) {
    for (const fix of rule.fixes ?? []) {
      it(`${rule.id} / ${fix.id}`, () => {
        const text = repeated(rule.docs.bad);
        const findings = analyzeDockerfile(text, { rules: dockerfileRules }).filter((f) => f.ruleId === rule.id);
        const started = performance.now();
        collectFixes({ text }, findings, rulesById, (f) => f.id === fix.id);
        const ms = performance.now() - started;
        assert.ok(ms < 1000, `fixing ${findings.length} ${rule.id} findings took ${Math.round(ms)} ms`);
      });
    }
  }
});
