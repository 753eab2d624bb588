// Table-driven tests for Kubernetes manifest rules: manifest text (plus other workspace files) in, expected hits
// ("line:col-line:col", 1-based, end-exclusive) and the text after a fix out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeManifest } from '../../server/src/core/k8s/analyze';
import { parseManifest } from '../../server/src/core/k8s/parse';
import { ManifestWorkspace } from '../../server/src/core/k8s/workspace';
import { applyEdits } from '../../server/src/core/fixes';
import type { ManifestRule } from '../../server/src/core/rule';
import type { Finding, FixResult } from '../../server/src/core/types';
import { yamlSyntax } from '../../server/src/rules/k8s/yaml-syntax';
import { fmtRange } from './ruleTable';

export const WS = '/ws';
export const FILE = `${WS}/app.yaml`;

export interface ManifestCase {
  name: string;
  /** The manifest under test (at /ws/app.yaml). */
  text: string;
  /** Other manifests of the workspace: path relative to /ws → text. */
  files?: Record<string, string>;
  /** Expected hit ranges ('2:1-2:4', 1-based, end-exclusive); empty: must stay silent. */
  expect: string[];
  messages?: RegExp[];
  /** Text of app.yaml after applying the fix to the first (or `fixHit`) hit. */
  fixed?: string;
  fixId?: string;
  fixHit?: number;
  /** Other files after the fix: relative path → full text. */
  fixedFiles?: Record<string, string>;
  noFix?: boolean;
  kubernetesVersion?: string;
}

function workspaceOf(c: Pick<ManifestCase, 'files'>): ManifestWorkspace {
  const ws = new ManifestWorkspace();
  for (const [rel, text] of Object.entries(c.files ?? {})) ws.set(parseManifest(text, `${WS}/${rel}`));
  return ws;
}

/** Runs one rule over a case's manifest. */
export function runManifestRule(rule: ManifestRule, c: Pick<ManifestCase, 'text' | 'files' | 'kubernetesVersion'>): Finding[] {
  return analyzeManifest(c.text, {
    path: FILE,
    workspace: workspaceOf(c),
    rules: [rule],
    kubernetesVersion: c.kubernetesVersion,
    onRuleError: (_id, e) => {
      throw e;
    },
  }).findings;
}

/** Applies a rule's fix to a finding. */
export function applyManifestFix(rule: ManifestRule, c: ManifestCase, finding: Finding): { text: string; result: FixResult } {
  const workspace = workspaceOf(c).with(parseManifest(c.text, FILE));
  for (const fix of rule.fixes ?? []) {
    if (c.fixId && fix.id !== c.fixId) continue;
    const result = fix.apply({ text: c.text, path: FILE, workspace }, finding);
    if (result) return { text: applyEdits(c.text, result.edits), result };
  }
  throw new Error(`no fix${c.fixId ? ` "${c.fixId}"` : ''} of ${rule.id} applies to ${fmtRange(finding.range)}`);
}

/** Declares the tests of one manifest rule's table. */
export function manifestTable(rule: ManifestRule, cases: ManifestCase[]): void {
  describe(`rule ${rule.id}`, () => {
    for (const c of cases) {
      it(c.name, () => {
        const findings = runManifestRule(rule, c);
        assert.deepEqual(findings.map((f) => fmtRange(f.range)), c.expect, 'hit ranges');
        c.messages?.forEach((re, i) => assert.match(findings[i].message, re));
        if (c.noFix) {
          const workspace = workspaceOf(c).with(parseManifest(c.text, FILE));
          for (const f of findings) for (const fix of rule.fixes ?? []) assert.equal(fix.apply({ text: c.text, path: FILE, workspace }, f), null, `fix ${fix.id} applies`);
        }
        if (c.fixed === undefined && !c.fixedFiles) return;
        const finding = findings[c.fixHit ?? 0];
        assert.ok(finding, 'a hit to fix');
        const { text, result } = applyManifestFix(rule, c, finding);
        if (c.fixed !== undefined) {
          assert.equal(text, c.fixed, 'text after the fix');
          assert.deepEqual(runManifestRule(yamlSyntax, { text }).map((f) => f.message), [], 'the fixed manifest is valid YAML');
          const after = runManifestRule(rule, { ...c, text }).map((f) => fmtRange(f.range));
          assert.ok(after.length < findings.length || !after.includes(fmtRange(finding.range)), `fix did not resolve the hit: ${after}`);
        }
        if (c.fixedFiles) {
          const got: Record<string, string> = {};
          for (const f of result.files ?? []) {
            const rel = f.path.startsWith(WS + '/') ? f.path.slice(WS.length + 1) : f.path;
            got[rel] = f.create ?? applyEdits(c.files?.[rel] ?? '', f.edits ?? []);
          }
          assert.deepEqual(got, c.fixedFiles, 'other files after the fix');
        }
      });
    }
  });
}
