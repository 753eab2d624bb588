// "Fix all" must cost about the same per finding whatever their number: each rule's documented bad example is
// repeated 100 and 400 times in one file and fixed. A fix that re-walks the file for each finding (sudo: 16 s for
// 800; json-args: 4.3 s for 480) takes far more than 4 times as long for 4 times the findings and over the 1 s a
// request may take; a linear one may pass 1 s on a loaded machine, but not by growing like that.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeDockerfile } from '../../server/src/core/dockerfile/analyze';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { collectFixes } from '../../server/src/core/fixes';
import { rulesById } from '../../server/src/rules';
import { dockerfileRules } from '../../server/src/rules/dockerfile';

function repeated(bad: string, copies: number): string {
  const lines = bad.split('\n');
  const from = lines.find((l) => /^FROM\b/i.test(l)) ?? 'FROM debian:12';
  const body = lines.filter((l) => !/^FROM\b/i.test(l)).join('\n');
  return `${from}\n${Array.from({ length: copies }, () => body).join('\n')}\n`;
}

/** Milliseconds to fix every finding of `rule` with `fixId` in the bad example repeated `copies` times. */
function fixTime(rule: (typeof dockerfileRules)[number], fixId: string, copies: number): { ms: number; findings: number } {
  const text = repeated(rule.docs.bad, copies);
  const findings = analyzeDockerfile(text, { rules: dockerfileRules }).filter((f) => f.ruleId === rule.id);
  const started = performance.now();
  collectFixes({ text }, findings, rulesById, (f) => f.id === fixId);
  return { ms: performance.now() - started, findings: findings.length };
}

describe('fix all scales with the number of findings', () => {
  before(() => initShellParser());
  for (const rule of dockerfileRules) {
    for (const fix of rule.fixes ?? []) {
      it(`${rule.id} / ${fix.id}`, () => {
        const small = fixTime(rule, fix.id, 100);
        const large = fixTime(rule, fix.id, 400);
        const growth = large.ms / Math.max(small.ms, 5);
        assert.ok(large.ms < 1000 || growth < 8, `fixing ${large.findings} ${rule.id} findings took ${Math.round(large.ms)} ms, ${growth.toFixed(1)} times as long as ${small.findings}`);
      });
    }
  }
});
