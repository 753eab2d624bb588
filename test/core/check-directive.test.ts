// BuildKit's `# check=` directive at the top of a Dockerfile: skip=, error=true and experimental= apply to the rules
// that alias a BuildKit check, and to no other rule.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { layerFromRules, type Config } from '../../server/src/core/config';
import { analyzeDockerfile } from '../../server/src/core/dockerfile/analyze';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import type { DockerfileRule } from '../../server/src/core/rule';
import { readCheckDirective } from '../../server/src/core/suppress';

/** A rule with one warning on the last line, named by its id and aliases. */
function rule(id: string, aliases: string[], offByDefault = false): DockerfileRule {
  return {
    id,
    aliases,
    severity: 'warning',
    category: 'correctness',
    offByDefault,
    docs: { summary: '', why: '', bad: '', good: '' },
    check: ({ model }) => [{ message: id, range: { start: { line: model.doc.lineCount - 1, character: 0 }, end: { line: model.doc.lineCount - 1, character: 0 } } }],
  };
}

const rules = [
  rule('stage-name-casing', ['StageNameCasing']),
  rule('from-as-casing', ['FromAsCasing']),
  rule('maintainer-deprecated', ['DL4000', 'MaintainerDeprecated']),
  rule('latest-tag', ['DL3007']),
  rule('invalid-definition-description', ['InvalidDefinitionDescription'], true),
];
const BODY = 'FROM alpine:3.20\n';
const run = (text: string, config?: Config) => analyzeDockerfile(text, { rules, config }).map((f) => `${f.ruleId}:${f.severity}`).sort();
const ALL = ['from-as-casing:warning', 'latest-tag:warning', 'maintainer-deprecated:warning', 'stage-name-casing:warning'];

describe('# check= directive', () => {
  before(() => initShellParser());

  it('without a directive every rule reports at its own level; experimental checks are off', () => {
    assert.deepEqual(run(BODY), ALL);
  });

  it('skip= names BuildKit checks, case-insensitively; the value ends at the first space', () => {
    assert.deepEqual(run(`# check=skip=StageNameCasing,maintainerdeprecated\n${BODY}`), ['from-as-casing:warning', 'latest-tag:warning']);
    assert.deepEqual(run(`# check=skip=StageNameCasing, MaintainerDeprecated\n${BODY}`), ['from-as-casing:warning', 'latest-tag:warning', 'maintainer-deprecated:warning']);
  });

  it('skip= does not take rule ids or hadolint codes', () => {
    assert.deepEqual(run(`# check=skip=stage-name-casing,DL4000\n${BODY}`), ALL);
  });

  it('skip=all skips every BuildKit check but not the other rules', () => {
    assert.deepEqual(run(`# check=skip=all\n${BODY}`), ['latest-tag:warning']);
  });

  it('error=true makes BuildKit checks errors; a level the user configured still wins', () => {
    assert.deepEqual(run(`# check=error=true\n${BODY}`), ['from-as-casing:error', 'latest-tag:warning', 'maintainer-deprecated:error', 'stage-name-casing:error']);
    const config = { layers: [layerFromRules('settings', { FromAsCasing: 'info' })] };
    assert.deepEqual(run(`#check = skip=StageNameCasing;error=TRUE\n${BODY}`, config), ['from-as-casing:info', 'latest-tag:warning', 'maintainer-deprecated:error']);
  });

  it('experimental= turns on experimental checks, which skip= does not affect', () => {
    assert.deepEqual(run(`# check=skip=all;experimental=InvalidDefinitionDescription\n${BODY}`), ['invalid-definition-description:warning', 'latest-tag:warning']);
    assert.deepEqual(run(`# check=experimental=all\n${BODY}`), ['invalid-definition-description:warning', ...ALL].sort());
  });

  it('only a directive among the parser directives at the top counts', () => {
    assert.equal(readCheckDirective(['# syntax=docker/dockerfile:1', '# check=skip=all', 'FROM alpine'])?.skipAll, true);
    assert.equal(readCheckDirective(['', '# check=skip=all']), undefined);
    assert.equal(readCheckDirective(['# a comment', '# check=skip=all']), undefined);
    assert.equal(readCheckDirective(['FROM alpine', '# check=skip=all']), undefined);
    assert.deepEqual(run(`FROM alpine:3.20\n# check=skip=all\n${BODY}`), ALL);
  });

  it('an invalid directive is ignored as a whole, as BuildKit does', () => {
    assert.equal(readCheckDirective(['# check=skip=all;error=maybe']), undefined);
    assert.equal(readCheckDirective(['# check=unknown=1']), undefined);
    assert.equal(readCheckDirective(['# check=skip']), undefined);
    assert.deepEqual(run(`# check=skip=all;error=yes\n${BODY}`), ALL);
    assert.equal(readCheckDirective(['# check=error=true trailing words'])?.error, true);
  });

  it('applies with disable-ignore-pragma too: it is not an ignore pragma', () => {
    const config = { layers: [{ source: 'test', rules: [], dockerfile: { disableIgnorePragma: true } }] };
    assert.deepEqual(run(`# check=skip=all\n${BODY}`, config).filter((r) => !r.startsWith('inline-ignore')), ['latest-tag:warning']);
  });
});
