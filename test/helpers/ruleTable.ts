// Table-driven rule tests: Dockerfile text in, expected hits (1-based "line:col-line:col") and fixed text out.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeDockerfile } from '../../server/src/core/analyze';
import { MemoryContext } from '../../server/src/core/context';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { applyEdits } from '../../server/src/core/fixes';
import type { DockerfileRule } from '../../server/src/core/rule';
import type { Finding, FixResult, Range } from '../../server/src/core/types';
import { syntax } from '../../server/src/rules/dockerfile/syntax';

export interface RuleCase {
  name: string;
  /** The Dockerfile. */
  text: string;
  /** Files in the build context (relative path → content); omit for "no build context known". */
  files?: Record<string, string>;
  /** Expected hit ranges, 1-based and end-exclusive as the CLI prints them: '2:1-2:4'. Empty: must stay silent. */
  expect: string[];
  /** Each expected message must match (same order as expect). */
  messages?: RegExp[];
  /** Expected text after applying the fix to the first hit. */
  fixed?: string;
  /** Which fix to apply (default: the rule's first fix that applies). */
  fixId?: string;
  /** Expected other-file results of the fix: relative path → full content after the fix. */
  fixedFiles?: Record<string, string>;
  /** Apply the fix to this hit (0-based index) instead of the first. */
  fixHit?: number;
  /** Assert that no fix of the rule applies to any hit. */
  noFix?: boolean;
}

/** Formats a range the way test tables write it. */
export function fmtRange(r: Range): string {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

/** Runs one rule over a case's text. */
export function runRule(rule: DockerfileRule, c: Pick<RuleCase, 'text' | 'files'>): Finding[] {
  const context = c.files ? new MemoryContext(c.files) : undefined;
  return analyzeDockerfile(c.text, {
    rules: [rule],
    context,
    path: context ? `${context.root}/Dockerfile` : undefined,
    onRuleError: (_id, e) => {
      throw e;
    },
  });
}

/** Applies a rule's fix to a finding; returns the new text and the other-file results. */
export function applyFix(rule: DockerfileRule, c: RuleCase, finding: Finding): { text: string; result: FixResult } {
  const context = c.files ? new MemoryContext(c.files) : undefined;
  const input = { text: c.text, context, path: context ? `${context.root}/Dockerfile` : undefined };
  for (const fix of rule.fixes ?? []) {
    if (c.fixId && fix.id !== c.fixId) continue;
    const result = fix.apply(input, finding);
    if (result) return { text: applyEdits(c.text, result.edits), result };
  }
  throw new Error(`no fix${c.fixId ? ` "${c.fixId}"` : ''} of ${rule.id} applies to ${fmtRange(finding.range)}`);
}

/** Declares the tests of one rule's table. */
export function ruleTable(rule: DockerfileRule, cases: RuleCase[]): void {
  describe(`rule ${rule.id}`, () => {
    before(() => initShellParser());
    for (const c of cases) {
      it(c.name, () => {
        const findings = runRule(rule, c);
        assert.deepEqual(findings.map((f) => fmtRange(f.range)), c.expect, 'hit ranges');
        c.messages?.forEach((re, i) => assert.match(findings[i].message, re));
        if (c.noFix) {
          const context = c.files ? new MemoryContext(c.files) : undefined;
          const input = { text: c.text, context, path: context ? `${context.root}/Dockerfile` : undefined };
          for (const f of findings) for (const fix of rule.fixes ?? []) assert.equal(fix.apply(input, f), null, `fix ${fix.id} applies to ${fmtRange(f.range)}`);
        }
        if (c.fixed === undefined && !c.fixedFiles) return;
        const finding = findings[c.fixHit ?? 0];
        assert.ok(finding, 'a hit to fix');
        const { text, result } = applyFix(rule, c, finding);
        if (c.fixed !== undefined) {
          assert.equal(text, c.fixed, 'text after the fix');
          // The fixed file still parses without new syntax errors, and the fix does not re-trigger at that spot.
          const syntaxBefore = runRule(syntax, c).length;
          assert.ok(runRule(syntax, { ...c, text }).length <= syntaxBefore, 'fix introduced a syntax error');
          const after = runRule(rule, { ...c, text }).map((f) => fmtRange(f.range));
          assert.ok(after.length < findings.length || !after.includes(fmtRange(finding.range)), `fix did not resolve the hit: ${after}`);
        }
        if (c.fixedFiles) {
          const root = new MemoryContext({}).root;
          const got: Record<string, string> = {};
          for (const f of result.files ?? []) {
            const rel = f.path.startsWith(root + '/') ? f.path.slice(root.length + 1) : f.path;
            got[rel] = f.create ?? applyEdits(c.files?.[rel] ?? '', f.edits ?? []);
          }
          assert.deepEqual(got, c.fixedFiles, 'other files after the fix');
        }
      });
    }
  });
}
