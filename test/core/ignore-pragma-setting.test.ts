// disable-ignore-pragma (hadolint's key): the pragmas stop working and the rule that reports them comes on; rules
// that are off by default stay off until configured.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeDockerfile } from '../../server/src/core/dockerfile/analyze';
import { parseHadolintConfig, parseStevedoreConfig, type Config } from '../../server/src/core/config';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { inlineIgnorePragma } from '../../server/src/rules/dockerfile/inline-ignore-pragma';
import { sudo } from '../../server/src/rules/dockerfile/sudo';

const TEXT = 'FROM debian:12\n# hadolint ignore=DL3004\nRUN sudo apt-get update\n';
const run = (config: Config) => analyzeDockerfile(TEXT, { rules: [sudo, inlineIgnorePragma], config }).map((f) => `${f.ruleId}@${f.range.start.line + 1}:${f.severity}`);

describe('disable-ignore-pragma', () => {
  before(() => initShellParser());

  it('by default the pragma suppresses and DL1001 is off', () => {
    assert.deepEqual(run({ layers: [] }), []);
  });

  it('with disable-ignore-pragma: true the suppressed finding shows and the pragma is reported', () => {
    assert.deepEqual(run({ layers: [parseHadolintConfig('/p/.hadolint.yaml', 'disable-ignore-pragma: true\n')] }), ['inline-ignore-pragma@2:info', 'sudo@3:warning']);
  });

  it('a level the user gives DL1001 wins over the one the setting implies', () => {
    assert.deepEqual(run({ layers: [parseStevedoreConfig('/p/.stevedore.yaml', 'disable-ignore-pragma: true\nrules:\n  DL1001: error\n')] }), ['inline-ignore-pragma@2:error', 'sudo@3:warning']);
  });

  it('DL1001 turned on alone reports pragmas and they still work', () => {
    assert.deepEqual(run({ layers: [parseStevedoreConfig('/p/.stevedore.yaml', 'rules:\n  DL1001: warning\n')] }), ['inline-ignore-pragma@2:warning']);
  });
});
