// The hover of a finding: VS Code already shows the diagnostic's message in the same hover box, so ours explains
// the rule (id, why, link) without repeating the message, and each rule once.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeDockerfileModel } from '../../server/src/core/dockerfile/analyze';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { findingsMarkdown, hover } from '../../server/src/lsp/hover';
import { dockerfileRules } from '../../server/src/rules';

describe('hover on a finding', () => {
  before(() => initShellParser());

  it('explains the rule without the finding message', () => {
    const analysis = analyzeDockerfileModel('FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install curl\nUSER nobody\n', { rules: dockerfileRules });
    const merge = analysis.findings.find((f) => f.ruleId === 'merge-run')!;
    assert.ok(merge, 'merge-run fires');
    const h = hover(analysis, { line: 2, character: 1 }, () => undefined)!;
    const value = (h.contents as { value: string }).value;
    assert.match(value, /^\*\*merge-run\*\* \(DL3059\)\n\nEvery RUN adds a layer/m);
    for (const f of analysis.findings.filter((x) => x.range.start.line === 2)) assert.ok(!value.includes(f.message), `message repeated: ${f.message}`);
    assert.equal(value.split('**merge-run**').length, 2, 'the rule is explained once');
  });

  it('two findings of one rule under the cursor explain the rule once', () => {
    const range = (a: number, b: number) => ({ start: { line: 1, character: a }, end: { line: 1, character: b } });
    const findings = [
      { ruleId: 'secret-in-env', severity: 'warning' as const, message: 'API_TOKEN looks like a secret', range: range(4, 30) },
      { ruleId: 'secret-in-env', severity: 'warning' as const, message: 'DB_PASSWORD looks like a secret', range: range(18, 29) },
      { ruleId: 'merge-run', severity: 'warning' as const, message: 'elsewhere', range: range(40, 44) },
    ];
    const parts = findingsMarkdown(findings, { line: 1, character: 20 });
    assert.equal(parts.length, 1);
    assert.match(parts[0], /^\*\*secret-in-env\*\* \(DL3064, SecretsUsedInArgOrEnv\)\n/);
    assert.doesNotMatch(parts[0], /looks like a secret/);
  });
});
