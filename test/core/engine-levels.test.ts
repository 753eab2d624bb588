import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMPTY_CONFIG, layerFromRules, type Config } from '../../server/src/core/config';
import { runRules, type CheckedRule } from '../../server/src/core/engine';
import type { RuleHit } from '../../server/src/core/types';

// A rule whose default is info but whose big findings are warnings (as full-base-image or missing-dockerignore).
const rule: CheckedRule<null> = {
  id: 'two-levels',
  aliases: ['XX1'],
  severity: 'info',
  severityNote: 'warning when big',
  category: 'size',
  docs: { summary: '', why: '', bad: '', good: '' } as never,
  check: (): RuleHit[] => [
    { message: 'small', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } },
    { message: 'big', severity: 'warning', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } } },
  ],
};
const noSuppressions = { file: new Set<string>(), spans: [] };
const levels = (config: Config) => runRules([rule], null, noSuppressions, { config }).map((f) => `${f.message}:${f.severity}`);

describe('rule levels', () => {
  it('without configuration a finding keeps its own severity', () => {
    assert.deepEqual(levels(EMPTY_CONFIG), ['small:info', 'big:warning']);
  });
  it('a configured level wins over per-finding severities, also when it equals the default', () => {
    assert.deepEqual(levels({ layers: [layerFromRules('settings', { 'two-levels': 'info' })] }), ['small:info', 'big:info']);
    assert.deepEqual(levels({ layers: [layerFromRules('settings', { XX1: 'error' })] }), ['small:error', 'big:error']);
  });
  it('off by alias turns the rule off', () => {
    assert.deepEqual(levels({ layers: [layerFromRules('settings', { xx1: 'off' })] }), []);
  });
});
