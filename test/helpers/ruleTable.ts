// Table-driven rule tests, one runner for every file kind: the document text (plus other files) in, expected hits
// (1-based, end-exclusive "line:col-line:col") and the text after a fix out. The rule's kind picks how to run it.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyEdits } from '../../server/src/core/fixes';
import type { DockerfileRule, ManifestRule } from '../../server/src/core/rule';
import type { Finding, FixInput, FixResult, Range, Severity } from '../../server/src/core/types';
import { dockerfileRules, manifestRules } from '../../server/src/rules';
import { dockerfileTables, manifestTables, type TableLanguage } from './ruleLanguages';

export interface RuleCase {
  name: string;
  /** The document under test: the Dockerfile, or the manifest at /ws/app.yaml. */
  text: string;
  /**
   * Other files, relative path → content. Dockerfile: the build context (omit for "no build context known").
   * Manifest: the other manifests of the workspace under /ws.
   */
  files?: Record<string, string>;
  /** Expected hit ranges, 1-based and end-exclusive as the CLI prints them: '2:1-2:4'. Empty: must stay silent. */
  expect: string[];
  /** Each expected message must match (same order as expect). */
  messages?: RegExp[];
  /** Each finding's severity after the run (same order as expect), for rules whose hits set their own. */
  severities?: Severity[];
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
  /** Manifests only: `stevedore.kubernetes.version` for the run. */
  kubernetesVersion?: string;
  /** The project configuration for the run, as `.stevedore.yaml` text (registries, label schema …). */
  config?: string;
}

/** The parts of a case that decide what the rule sees. */
export type RuleInput = Pick<RuleCase, 'text' | 'files' | 'kubernetesVersion' | 'config'>;

type AnyRule = DockerfileRule | ManifestRule;

/** Formats a range the way test tables write it. */
export function fmtRange(r: Range): string {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

/** The file kind a registered rule belongs to. */
function languageOf(rule: AnyRule): TableLanguage {
  if ((manifestRules as readonly AnyRule[]).includes(rule)) return manifestTables;
  if ((dockerfileRules as readonly AnyRule[]).includes(rule)) return dockerfileTables;
  throw new Error(`rule ${rule.id} is in neither registry list (server/src/rules)`);
}

/** Runs one rule over a case's text (and its other files). */
export function runRule(rule: AnyRule, c: RuleInput): Finding[] {
  return languageOf(rule).run(rule, c);
}

/** Applies a rule's fix to a finding; returns the new text and the other-file results. */
export function applyFix(rule: AnyRule, c: RuleCase, finding: Finding): { text: string; result: FixResult } {
  const input: FixInput = languageOf(rule).fixInput(c);
  for (const fix of rule.fixes ?? []) {
    if (c.fixId && fix.id !== c.fixId) continue;
    const result = fix.apply(input, finding);
    if (result) return { text: applyEdits(c.text, result.edits), result };
  }
  throw new Error(`no fix${c.fixId ? ` "${c.fixId}"` : ''} of ${rule.id} applies to ${fmtRange(finding.range)}`);
}

/** Declares the tests of one rule's table. */
export function ruleTable(rule: AnyRule, cases: RuleCase[]): void {
  const lang = languageOf(rule);
  describe(`rule ${rule.id}`, () => {
    if (lang.setup) before(lang.setup);
    for (const c of cases) {
      it(c.name, () => {
        const findings = lang.run(rule, c);
        assert.deepEqual(findings.map((f) => fmtRange(f.range)), c.expect, 'hit ranges');
        c.messages?.forEach((re, i) => assert.match(findings[i].message, re));
        if (c.severities) assert.deepEqual(findings.map((f) => f.severity), c.severities, 'severities');
        if (c.noFix) {
          const input = lang.fixInput(c);
          for (const f of findings) for (const fix of rule.fixes ?? []) assert.equal(fix.apply(input, f), null, `fix ${fix.id} applies to ${fmtRange(f.range)}`);
        }
        if (c.fixed === undefined && !c.fixedFiles) return;
        const finding = findings[c.fixHit ?? 0];
        assert.ok(finding, 'a hit to fix');
        const { text, result } = applyFix(rule, c, finding);
        if (c.fixed !== undefined) {
          assert.equal(text, c.fixed, 'text after the fix');
          // The fixed text still parses, and the fix does not re-trigger at that spot.
          lang.assertParses(c, text);
          const after = lang.run(rule, { ...c, text }).map((f) => fmtRange(f.range));
          assert.ok(after.length < findings.length || !after.includes(fmtRange(finding.range)), `fix did not resolve the hit: ${after}`);
        }
        if (c.fixedFiles) {
          const got: Record<string, string> = {};
          for (const f of result.files ?? []) {
            const rel = f.path.startsWith(lang.root + '/') ? f.path.slice(lang.root.length + 1) : f.path;
            got[rel] = f.create ?? applyEdits(c.files?.[rel] ?? '', f.edits ?? []);
          }
          assert.deepEqual(got, c.fixedFiles, 'other files after the fix');
        }
      });
    }
  });
}
