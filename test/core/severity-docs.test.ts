// A rule whose findings can get another severity than its default says so, and the generated docs show it
// ("info (warning when …)"): the README once called full-base-image "info" while large savings showed as warnings.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readmeTable, rulesDoc, rulesSettingSchema } from '../../scripts/gen-docs';
import { allRules } from '../../server/src/rules';
import { SEVERITIES } from '../../server/src/core/types';

const RULES_DIR = path.resolve(__dirname, '../../server/src/rules');

/** True when a rule module sets `severity` somewhere other than its metadata line (i.e. per hit). */
function setsHitSeverity(source: string): boolean {
  return source
    .split('\n')
    .filter((line) => /\bseverity\??:/.test(line))
    .some((line) => !/^ {2}severity: '(error|warning|info|hint)',$/.test(line) && !/severity\??: Severity[;,]/.test(line));
}

describe('per-hit severities are documented', () => {
  it('every rule that sets a severity per hit has a severityNote naming the other severity', () => {
    const undocumented: string[] = [];
    let varying = 0;
    for (const lang of ['dockerfile', 'k8s']) {
      for (const file of fs.readdirSync(path.join(RULES_DIR, lang))) {
        const rule = allRules.find((r) => `${r.id}.ts` === file);
        if (!rule || !setsHitSeverity(fs.readFileSync(path.join(RULES_DIR, lang, file), 'utf8'))) continue;
        varying++;
        if (!rule.severityNote) undocumented.push(rule.id);
        else assert.ok(SEVERITIES.some((s) => s !== rule.severity && rule.severityNote!.startsWith(s)), `${rule.id}: "${rule.severityNote}" names no other severity`);
      }
    }
    assert.ok(varying >= 7, `found ${varying} rules with per-hit severities`);
    assert.deepEqual(undocumented, []);
  });

  it('the README table, docs/rules.md and the setting schema show the note next to the default', () => {
    assert.match(readmeTable(), /\| \[`full-base-image`\]\(docs\/rules\.md#full-base-image\) \| — \| info \(warning when the smaller variant saves over 300 MB\) \| size \|/);
    assert.match(rulesDoc(), /## full-base-image\n\n.*\n\n- Default severity: info \(warning when the smaller variant saves over 300 MB\); category: size/);
    const props = rulesSettingSchema().properties as Record<string, { description: string }>;
    assert.match(props['deprecated-api'].description, /\(default: error \(warning while the API is deprecated but not yet removed/);
    // Rules without per-hit severities keep the plain default.
    assert.match(readmeTable(), /\| \[`merge-run`\][^\n]*\| DL3059 \| (warning|info|hint) \|/);
  });
});
