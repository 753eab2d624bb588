// The CLI writes JSON and SARIF in pieces as it makes them: joined, they are formatJson's and formatSarif's text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatJson, formatSarif, jsonPieces, sarifPieces, type FileReport } from '../../server/src/cli/format';
import type { Finding } from '../../server/src/core/types';

const finding = (ruleId: string, message: string, line: number, extra: Partial<Finding> = {}): Finding => ({
  ruleId,
  severity: 'warning',
  message,
  range: { start: { line, character: 0 }, end: { line, character: 4 } },
  ...extra,
});

const CASES: Array<[string, FileReport[]]> = [
  ['no files', []],
  ['a file without findings', [{ path: 'Dockerfile', findings: [], fixable: [], fixed: [] }]],
  [
    'files with findings, aliases, codes, fixable flags and text that JSON escapes',
    [
      { path: 'svc/Dockerfile', findings: [finding('merge-run', 'Merge "this" RUN\nwith the next', 2), finding('shellcheck', 'Double quote to prevent globbing: $x \\ é ✓', 3, { codes: ['SC2086'] })], fixable: [true, false], fixed: [] },
      { path: 'deploy/a b.yaml', findings: [finding('missing-resources', 'No resources\t(set them)', 10)], fixable: [false], fixed: ['x'], wrote: ['y'] },
      { path: 'empty.yaml', findings: [], fixable: [], fixed: [] },
    ],
  ],
];

describe('jsonPieces', () => {
  for (const [name, reports] of CASES) {
    it(`${name}: the pieces joined are formatJson's text`, () => assert.equal([...jsonPieces(reports)].join(''), formatJson(reports)));
  }

  it('one piece per file between the opening and the closing', () => {
    assert.equal([...jsonPieces(CASES[2][1])].length, CASES[2][1].length + 2);
  });
});

describe('sarifPieces', () => {
  for (const [name, reports] of CASES) {
    it(`${name}: the pieces joined are formatSarif's text`, () => assert.equal([...sarifPieces(reports, '1.2.3')].join(''), formatSarif(reports, '1.2.3')));
  }

  it('findings only in the last file, and in the first only', () => {
    const [a, b] = CASES[2][1];
    const none = { ...a, findings: [], fixable: [] };
    for (const reports of [[none, b], [a, none], [none, a, none, b, none]]) assert.equal([...sarifPieces(reports, '0.1.0')].join(''), formatSarif(reports, '0.1.0'));
  });

  it('the results come one file at a time', () => {
    assert.equal([...sarifPieces(CASES[2][1], '1.2.3')].length, 4);
  });
});
